package org.bluemarble.zone;

/**
 * What the zone simulation needs to know about the ground: height, biome and deep water. The planet
 * module provides the real implementation through an adapter; tests use small deterministic
 * stand-ins. Implementations must be pure functions of their arguments (same input, same answer) so
 * that spawns and replays are deterministic, and cheap, since movement asks every tick.
 */
public interface Terrain {

  /**
   * Ground elevation above sea level in metres (negative under the sea) at a latitude/longitude.
   */
  double elevationMeters(double latitudeDeg, double longitudeDeg);

  /**
   * A biome name such as {@code "temperate_forest"} (the planet's biome table decides the names;
   * the zone only uses them as keys into its spawn tables and falls back to a default for unknown
   * ones).
   */
  String biome(double latitudeDeg, double longitudeDeg);

  /**
   * Whether the point is deep ocean that walkers may not enter: by default, the ground lies below
   * {@code thresholdMeters} (a negative elevation such as -2 m).
   */
  default boolean isDeepOcean(double latitudeDeg, double longitudeDeg, double thresholdMeters) {
    return elevationMeters(latitudeDeg, longitudeDeg) < thresholdMeters;
  }

  /**
   * The slope of the ground between two nearby points in degrees (0 flat, 90 a cliff), from the
   * elevation difference over the horizontal distance {@code distanceMeters}. A zero distance is
   * flat.
   */
  default double slopeDeg(
      double fromLatDeg,
      double fromLngDeg,
      double toLatDeg,
      double toLngDeg,
      double distanceMeters) {
    if (!(distanceMeters > 0.0)) {
      return 0.0;
    }
    double rise = elevationMeters(toLatDeg, toLngDeg) - elevationMeters(fromLatDeg, fromLngDeg);
    return Math.toDegrees(Math.atan2(Math.abs(rise), distanceMeters));
  }
}
