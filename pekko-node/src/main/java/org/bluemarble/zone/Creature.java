package org.bluemarble.zone;

import java.util.SplittableRandom;
import org.bluemarble.spatial.GeoPosition;
import org.bluemarble.zone.internal.Vectors;

/**
 * One NPC's simulated state and its simple AI: wander between random waypoints within the home
 * range, pause now and then, and react to the nearest player within its awareness radius (timid
 * kinds flee, aggressive ones approach, calm ones ignore). Each creature draws from its own PRNG
 * seeded by the planet seed and its id, so the same seed and inputs replay identically.
 */
public final class Creature {
  private static final double APPROACH_STOP_METERS = 2.0;

  final long id;
  final CreatureKind kind;
  final double[] home = new double[3];
  final double[] point = new double[3];
  final double[] direction = new double[3];
  private final double[] waypoint = new double[3];
  private final double[] scratch = new double[3];
  private final double[] scratchDirection = new double[3];
  private final SplittableRandom random;
  private boolean hasWaypoint;
  private int pauseTicks;
  double speedMps;
  double headingDeg;
  // Ground altitude under the creature, refreshed when it thinks (it walks < 1 m between thinks).
  double altitudeMeters;

  /** The creature of {@code spawn}, standing at its home. */
  public Creature(NpcSpawn spawn, long planetSeed) {
    this.id = spawn.id();
    this.kind = spawn.kind();
    GeoPosition h = spawn.home();
    Vectors.fromLatLng(h.latitudeDeg(), h.longitudeDeg(), home);
    System.arraycopy(home, 0, point, 0, 3);
    this.altitudeMeters = h.altitudeMeters();
    this.random = new SplittableRandom(EntityIds.mix(planetSeed ^ id));
  }

  /** Its id. */
  public long id() {
    return id;
  }

  /** Its kind. */
  public CreatureKind kind() {
    return kind;
  }

  /** Its current position (allocates). */
  public GeoPosition position() {
    return Vectors.toPosition(point[0], point[1], point[2], altitudeMeters, 0.0);
  }

  /**
   * Decides the direction and speed for the coming ticks. {@code nearestPlayer} is null when no
   * player is within awareness.
   */
  void think(double[] nearestPlayer, double playerMeters, double sphereRadius) {
    if (nearestPlayer != null && kind.temperament() != CreatureKind.Temperament.CALM) {
      hasWaypoint = false;
      if (!Vectors.towards(point, nearestPlayer, direction)) {
        speedMps = 0.0;
        return;
      }
      if (kind.temperament() == CreatureKind.Temperament.TIMID) {
        direction[0] = -direction[0];
        direction[1] = -direction[1];
        direction[2] = -direction[2];
        speedMps = kind.speedMps();
      } else {
        speedMps = playerMeters > APPROACH_STOP_METERS ? kind.speedMps() : 0.0;
      }
      return;
    }
    if (pauseTicks > 0) {
      pauseTicks--;
      speedMps = 0.0;
      return;
    }
    double toWaypoint =
        hasWaypoint
            ? Vectors.angle(point[0], point[1], point[2], waypoint[0], waypoint[1], waypoint[2])
                * sphereRadius
            : 0.0;
    if (!hasWaypoint || toWaypoint < 1.0) {
      pickWaypoint(sphereRadius);
      if (random.nextInt(4) == 0) {
        pauseTicks = 1 + random.nextInt(5);
        speedMps = 0.0;
        return;
      }
    }
    speedMps = Vectors.towards(point, waypoint, direction) ? kind.speedMps() * 0.5 : 0.0;
  }

  private void pickWaypoint(double sphereRadius) {
    System.arraycopy(home, 0, waypoint, 0, 3);
    double[] t = scratch;
    double lat = Vectors.latitudeDeg(home[0], home[1], home[2]);
    double lng = Vectors.longitudeDeg(home[0], home[1], 0.0);
    Vectors.tangent(lat, lng, random.nextDouble(360.0), t);
    Vectors.advance(waypoint, t, random.nextDouble(kind.homeRangeMeters()) / sphereRadius);
    hasWaypoint = true;
  }

  /**
   * Walks one tick of {@code dtSeconds} unless the step would leave the allowed area (the cell and
   * 1.5 × the home range; {@code allowed} decides the cell and the ground). Returns whether it
   * moved.
   */
  boolean move(double dtSeconds, double sphereRadius, StepFilter allowed) {
    if (speedMps <= 0.0) {
      return false;
    }
    double[] next = scratch;
    System.arraycopy(point, 0, next, 0, 3);
    double[] dir = scratchDirection;
    System.arraycopy(direction, 0, dir, 0, 3);
    Vectors.advance(next, dir, speedMps * dtSeconds / sphereRadius);
    double fromHome = Vectors.angle(home[0], home[1], home[2], next[0], next[1], next[2]);
    if (fromHome * sphereRadius > 1.5 * kind.homeRangeMeters() || !allowed.test(next)) {
      speedMps = 0.0;
      hasWaypoint = false;
      return false;
    }
    headingDeg = Vectors.bearingDeg(point, direction, 0.0);
    System.arraycopy(next, 0, point, 0, 3);
    System.arraycopy(dir, 0, direction, 0, 3);
    return true;
  }

  /** Decides whether a creature may step onto a unit-vector position. */
  @FunctionalInterface
  interface StepFilter {
    boolean test(double[] next);
  }
}
