package org.bluemarble.combat;

/**
 * The safe zone around the world's spawn point ({@code bluemarble.world.sanctuary-radius} around
 * {@code bluemarble.world.spawn-latitude/-longitude}): within {@code radiusMeters} on the surface
 * of the centre, players cannot hurt each other and aggressive creatures do not start a fight with
 * a player (see {@link PvpZones} and {@code docs/combat.md}).
 *
 * @param latitudeDeg the centre's latitude (degrees)
 * @param longitudeDeg the centre's longitude (degrees)
 * @param radiusMeters the radius on the surface (metres); 0 means no sanctuary
 */
public record Sanctuary(double latitudeDeg, double longitudeDeg, double radiusMeters) {
  /** No sanctuary. */
  public static final Sanctuary NONE = new Sanctuary(0, 0, 0);

  public Sanctuary {
    if (!(latitudeDeg >= -90 && latitudeDeg <= 90)
        || !(longitudeDeg >= -180 && longitudeDeg <= 180)
        || !(radiusMeters >= 0)) {
      throw new IllegalArgumentException(
          "bad sanctuary: " + latitudeDeg + ", " + longitudeDeg + ", r " + radiusMeters);
    }
  }

  /** Whether there is one (a radius above 0). */
  public boolean exists() {
    return radiusMeters > 0;
  }

  /** Whether {@code (latDeg, lngDeg)} lies inside, on a planet of {@code planetRadiusMeters}. */
  public boolean contains(double latDeg, double lngDeg, double planetRadiusMeters) {
    return exists()
        && SphereGeometry.surfaceMeters(
                latitudeDeg, longitudeDeg, latDeg, lngDeg, planetRadiusMeters)
            <= radiusMeters;
  }
}
