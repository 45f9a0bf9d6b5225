package org.bluemarble.zone.combat;

import org.bluemarble.combat.LineOfSight;
import org.bluemarble.combat.Refusal;
import org.bluemarble.combat.SphereGeometry;

/**
 * The planet as combat sees it: distances between fighters' places on the sphere and whether one
 * place reaches another (range and line of sight over the terrain with the planet's curvature).
 */
final class CombatSpace {
  private final LineOfSight.Ground ground;
  private final double planetRadiusMeters;

  CombatSpace(LineOfSight.Ground ground, double planetRadiusMeters) {
    this.ground = ground;
    this.planetRadiusMeters = planetRadiusMeters;
  }

  /** The straight-line range between two places (metres). */
  double distance(CellCombat.Place a, CellCombat.Place b) {
    return SphereGeometry.rangeMeters(
        a.latitudeDeg(),
        a.longitudeDeg(),
        a.altitudeMeters(),
        b.latitudeDeg(),
        b.longitudeDeg(),
        b.altitudeMeters(),
        planetRadiusMeters);
  }

  /** A cheap early out: the latitude difference alone puts them more than {@code meters} apart. */
  boolean farApart(CellCombat.Place a, CellCombat.Place b, double meters) {
    double dLat = Math.toRadians(Math.abs(a.latitudeDeg() - b.latitudeDeg()));
    return dLat * planetRadiusMeters > meters + CellCombat.RANGE_SLACK_METERS;
  }

  /**
   * Null if {@code to} lies within {@code reachMeters} of {@code from} and in sight of it; else why
   * not ({@link Refusal#INVALID_TARGET} when either place is unknown).
   */
  Refusal sightProblem(CellCombat.Place from, CellCombat.Place to, double reachMeters) {
    if (from == null || to == null) {
      return Refusal.INVALID_TARGET;
    }
    if (distance(from, to) > reachMeters) {
      return Refusal.OUT_OF_RANGE;
    }
    if (!LineOfSight.clear(
        ground,
        from.latitudeDeg(),
        from.longitudeDeg(),
        from.altitudeMeters(),
        to.latitudeDeg(),
        to.longitudeDeg(),
        to.altitudeMeters(),
        planetRadiusMeters)) {
      return Refusal.NO_LINE_OF_SIGHT;
    }
    return null;
  }
}
