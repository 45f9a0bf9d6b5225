package org.bluemarble.load.scenario;

import java.util.SplittableRandom;
import org.bluemarble.protocol.movement.MovementIntegrator;

/**
 * One bot's seeded behaviour: its start point and its stream of waypoints, walked at {@link
 * #SPEED_MPS}. The same seed and bot index always give the same start and waypoints; the heading of
 * each input is the bearing from the bot's (server-reconciled) position to the current waypoint.
 * Not thread-safe: one bot's inputs come from one thread.
 */
public final class BotPlan {

  /** Walking speed in m/s. */
  public static final double SPEED_MPS = 5.0;

  /** A waypoint closer than this (metres) counts as reached. */
  public static final double ARRIVED_M = 1.0;

  private final ScenarioGeometry geometry;
  private final SplittableRandom random;
  private final LatLng start;
  private LatLng waypoint;
  private int waypointsReached;

  /** The plan of bot {@code index} in a run seeded with {@code seed}. */
  public BotPlan(long seed, int index, ScenarioGeometry geometry) {
    this.geometry = geometry;
    this.random = new SplittableRandom(mix(seed, index));
    this.start =
        geometry.scenario() == Scenario.SPREAD
            // A spread bot starts at its group's point, so the few bots of a group see each other.
            ? geometry.randomPoint(
                new SplittableRandom(mix(seed, -1 - index / ScenarioGeometry.SPREAD_GROUP)))
            : geometry.randomPoint(random);
    this.waypoint = geometry.nextWaypoint(start, random);
  }

  /** Where the bot is placed when its account is created. */
  public LatLng start() {
    return start;
  }

  /** The current waypoint. */
  public LatLng waypoint() {
    return waypoint;
  }

  /** Waypoints reached so far. */
  public int waypointsReached() {
    return waypointsReached;
  }

  /**
   * The heading in degrees (0 = north, clockwise) to walk from {@code (latDeg, lngDeg)}; moves to
   * the next waypoint first when the current one is reached.
   */
  public double headingFrom(double latDeg, double lngDeg) {
    while (Sphere.distanceM(
            latDeg, lngDeg, waypoint.latDeg(), waypoint.lngDeg(), Sphere.EARTH_RADIUS_M)
        < ARRIVED_M) {
      waypoint = geometry.nextWaypoint(start, random);
      waypointsReached++;
    }
    double bearing =
        MovementIntegrator.bearingDeg(latDeg, lngDeg, waypoint.latDeg(), waypoint.lngDeg());
    return (bearing % 360 + 360) % 360;
  }

  /** A well-mixed stream seed per bot (SplitMix64 finaliser), so neighbouring indices differ. */
  static long mix(long seed, int index) {
    long z = seed * 0x9E3779B97F4A7C15L + index;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
