package org.bluemarble.load.scenario;

import java.util.SplittableRandom;

/**
 * Where the bots of a scenario live: a square patch of side {@link #sideM()} centred on {@link
 * #centre()}. {@code dense} sizes the patch from N (constant density, ~{@link #DENSE_IN_VIEW} in
 * view at {@link #DENSE_AOI_RADIUS_M}); {@code spread} uses a fixed continent-sized square in which
 * groups of {@link #SPREAD_GROUP} bots wander near their group's start point.
 */
public record ScenarioGeometry(Scenario scenario, LatLng centre, double sideM, int bots) {

  /** The AOI radius the dense scenario assumes (the node must be configured with it). */
  public static final double DENSE_AOI_RADIUS_M = 250;

  /** Other bots each bot has in view in the dense scenario, on average away from the edges. */
  public static final double DENSE_IN_VIEW = 50;

  /** Side of the spread scenario's square: 3,000 km, about the size of Australia. */
  public static final double SPREAD_SIDE_M = 3_000_000;

  /**
   * Bots per group in the spread scenario: a group starts at one point and wanders in one box, so
   * each bot has a few others in view (without any, input-to-observer latency could not be
   * measured).
   */
  public static final int SPREAD_GROUP = 5;

  /** Side of the box in which a spread bot picks its waypoints around its start point. */
  public static final double SPREAD_WANDER_SIDE_M = 500;

  /** Validates the fields. */
  public ScenarioGeometry {
    if (bots < 1) {
      throw new IllegalArgumentException("bots must be at least 1, was " + bots);
    }
    if (!(sideM > 0)) {
      throw new IllegalArgumentException("patch side must be positive, was " + sideM);
    }
  }

  /** The geometry of {@code scenario} for {@code bots} bots around {@code centre}. */
  public static ScenarioGeometry of(Scenario scenario, int bots, LatLng centre) {
    double side =
        scenario == Scenario.DENSE
            ? denseSideM(bots, DENSE_AOI_RADIUS_M, DENSE_IN_VIEW)
            : SPREAD_SIDE_M;
    return new ScenarioGeometry(scenario, centre, side, bots);
  }

  /**
   * Side of a square holding {@code bots} bots so that a circle of {@code radiusM} holds {@code
   * inView} of them: L = r × sqrt(N π / inView).
   */
  public static double denseSideM(int bots, double radiusM, double inView) {
    return radiusM * Math.sqrt(bots * Math.PI / inView);
  }

  /** A uniformly random point of the patch. */
  public LatLng randomPoint(SplittableRandom random) {
    return pointAt(random.nextDouble() - 0.5, random.nextDouble() - 0.5);
  }

  /** The point at patch coordinates {@code (u, v)} in [-0.5, 0.5] (u north, v east). */
  public LatLng pointAt(double u, double v) {
    return Sphere.offset(centre, u * sideM, v * sideM, Sphere.EARTH_RADIUS_M);
  }

  /** A waypoint for a bot that started at {@code start}. */
  public LatLng nextWaypoint(LatLng start, SplittableRandom random) {
    if (scenario == Scenario.DENSE) {
      return randomPoint(random);
    }
    return Sphere.offset(
        start,
        (random.nextDouble() - 0.5) * SPREAD_WANDER_SIDE_M,
        (random.nextDouble() - 0.5) * SPREAD_WANDER_SIDE_M,
        Sphere.EARTH_RADIUS_M);
  }

  /** One line for the console and the report. */
  public String describe() {
    return String.format(
        "%s: %d bots in a %.0f m square around %s%s",
        scenario.name().toLowerCase(java.util.Locale.ROOT),
        bots,
        sideM,
        centre,
        scenario == Scenario.DENSE
            ? String.format(
                " (assumes the node's AOI radius is %.0f m: ~%.0f others in view)",
                DENSE_AOI_RADIUS_M, DENSE_IN_VIEW)
            : String.format(
                " (groups of %d bots, each group wandering within a %.0f m box at its start point)",
                SPREAD_GROUP, SPREAD_WANDER_SIDE_M));
  }
}
