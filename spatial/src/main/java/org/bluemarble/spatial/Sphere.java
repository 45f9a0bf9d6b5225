package org.bluemarble.spatial;

import org.bluemarble.spatial.internal.Coordinates;
import org.bluemarble.spatial.internal.SphericalMath;

/**
 * A planet modelled as a perfect sphere, with the great-circle operations movement and queries
 * need. Distances are along the surface (altitude is ignored, except that {@link #interpolate}
 * interpolates it linearly). All methods allocate at most their result and are cheap enough to call
 * per entity per tick.
 *
 * @param radiusMeters radius in metres, [{@value #MIN_RADIUS_METERS}, {@value #MAX_RADIUS_METERS}]
 */
public record Sphere(double radiusMeters) {
  /** Smallest allowed radius: 1,000 km. */
  public static final double MIN_RADIUS_METERS = 1_000_000.0;

  /** Largest allowed radius: 20,000 km. */
  public static final double MAX_RADIUS_METERS = 20_000_000.0;

  /** Earth's mean radius, 6,371,000 m: the default planet. */
  public static final Sphere EARTH = new Sphere(6_371_000.0);

  /** Validates the radius; see {@link InvalidSphereException}. */
  public Sphere {
    if (!(radiusMeters >= MIN_RADIUS_METERS && radiusMeters <= MAX_RADIUS_METERS)) {
      throw new InvalidSphereException(radiusMeters);
    }
  }

  /** Half the circumference, π R: the largest possible surface distance (antipodes). */
  public double halfCircumferenceMeters() {
    return Math.PI * radiusMeters;
  }

  /** Great-circle distance along the surface in metres, accurate from 0 up to antipodes. */
  public double distanceMeters(GeoPosition a, GeoPosition b) {
    return SphericalMath.centralAngle(a, b) * radiusMeters;
  }

  /**
   * Initial bearing from {@code from} towards {@code to} in degrees, [0, 360), clockwise from
   * north. Coincident points give 0. At a pole, north is taken along the pole position's own
   * longitude (see {@link EnuFrame}). For antipodes every bearing is correct; the one returned is
   * whatever rounding yields.
   */
  public double initialBearingDeg(GeoPosition from, GeoPosition to) {
    double deg = Math.toDegrees(SphericalMath.initialBearing(from, to));
    if (deg < 0.0) {
      deg += 360.0;
    }
    return deg >= 360.0 ? 0.0 : deg;
  }

  /**
   * The position reached by travelling {@code distanceMeters} along the surface from {@code from},
   * leaving it at {@code bearingDeg} (clockwise from north). The altitude of {@code from} is kept;
   * a negative distance travels the opposite way.
   *
   * @throws InvalidCoordinateException if the bearing or distance is not finite
   */
  public GeoPosition destination(GeoPosition from, double bearingDeg, double distanceMeters) {
    Coordinates.requireFinite("bearingDeg", bearingDeg);
    Coordinates.requireFinite("distanceMeters", distanceMeters);
    return SphericalMath.destination(
        from.latitudeDeg(),
        from.longitudeDeg(),
        Math.toRadians(bearingDeg),
        distanceMeters / radiusMeters,
        from.altitudeMeters());
  }

  /**
   * The point at {@code fraction} of the way from {@code a} to {@code b} along the shorter great
   * circle (spherical linear interpolation); altitude is interpolated linearly. Fraction 0 gives
   * {@code a}'s location, 1 gives {@code b}'s.
   *
   * @throws InvalidCoordinateException if {@code fraction} is not within [0, 1]
   * @throws IllegalArgumentException if {@code a} and {@code b} are antipodal, where the great
   *     circle is not unique
   */
  public GeoPosition interpolate(GeoPosition a, GeoPosition b, double fraction) {
    Coordinates.requireFinite("fraction", fraction);
    if (fraction < 0.0 || fraction > 1.0) {
      throw new InvalidCoordinateException("fraction", fraction, "must be within [0, 1]");
    }
    double angle = SphericalMath.centralAngle(a, b);
    if (Math.PI - angle < 1e-12) {
      throw new IllegalArgumentException(
          "cannot interpolate between antipodal positions " + a + " and " + b);
    }
    double altitude = a.altitudeMeters() + fraction * (b.altitudeMeters() - a.altitudeMeters());
    if (angle == 0.0) {
      return a.withAltitude(altitude);
    }
    double bearing = SphericalMath.initialBearing(a, b);
    return SphericalMath.destination(
        a.latitudeDeg(), a.longitudeDeg(), bearing, fraction * angle, altitude);
  }

  /** The local east-north-up frame at {@code origin} on this sphere. */
  public EnuFrame enuFrame(GeoPosition origin) {
    return new EnuFrame(this, origin);
  }
}
