package org.bluemarble.spatial;

import com.google.common.geometry.S2Point;
import org.bluemarble.spatial.internal.Coordinates;
import org.bluemarble.spatial.internal.SphericalMath;

/**
 * A position on or above the sphere as every API sees it: latitude and longitude in degrees and an
 * altitude in metres above the sphere's surface. Use it at every boundary; convert to a unit vector
 * ({@link #toUnitVector()}) for geometry inside.
 *
 * <p>Validation: NaN or infinite components and latitudes outside [-90, 90] are rejected with
 * {@link InvalidCoordinateException}. A finite longitude is normalised into [-180, 180) (so 180
 * becomes -180 and 190 becomes -170); a longitude already in that range is kept bit for bit. At the
 * poles the longitude is kept as given: it names the meridian that defines the local frame there
 * (see {@link EnuFrame}).
 *
 * @param latitudeDeg latitude in degrees, [-90, 90], positive north
 * @param longitudeDeg longitude in degrees, [-180, 180), positive east
 * @param altitudeMeters height above the sphere's surface in metres (may be negative)
 */
public record GeoPosition(double latitudeDeg, double longitudeDeg, double altitudeMeters) {

  /** Validates and normalises; see the class comment. */
  public GeoPosition {
    Coordinates.requireLatitude("latitudeDeg", latitudeDeg);
    longitudeDeg = Coordinates.normaliseLongitude("longitudeDeg", longitudeDeg);
    Coordinates.requireFinite("altitudeMeters", altitudeMeters);
  }

  /** A position on the surface (altitude 0). */
  public static GeoPosition of(double latitudeDeg, double longitudeDeg) {
    return new GeoPosition(latitudeDeg, longitudeDeg, 0.0);
  }

  /**
   * The position whose direction from the sphere's centre is {@code direction} (need not be unit
   * length, must be finite and non-zero), at the given altitude. Latitude is computed with atan2,
   * so it stays accurate next to the poles.
   */
  public static GeoPosition fromUnitVector(S2Point direction, double altitudeMeters) {
    return fromVector(direction.getX(), direction.getY(), direction.getZ(), altitudeMeters);
  }

  /** Same as {@link #fromUnitVector(S2Point, double)} without the S2Point. */
  public static GeoPosition fromVector(double x, double y, double z, double altitudeMeters) {
    Coordinates.requireFinite("x", x);
    Coordinates.requireFinite("y", y);
    Coordinates.requireFinite("z", z);
    double horizontal = SphericalMath.hypot(x, y);
    if (horizontal == 0.0 && z == 0.0) {
      throw new InvalidCoordinateException("direction", 0.0, "must be a non-zero vector");
    }
    double lat = Math.toDegrees(Math.atan2(z, horizontal));
    double lon = Math.toDegrees(Math.atan2(y, x));
    return new GeoPosition(lat, lon, altitudeMeters);
  }

  /** The unit vector from the sphere's centre through this position (altitude is dropped). */
  public S2Point toUnitVector() {
    double lat = Math.toRadians(latitudeDeg);
    double lon = Math.toRadians(longitudeDeg);
    double cosLat = Math.cos(lat);
    return new S2Point(cosLat * Math.cos(lon), cosLat * Math.sin(lon), Math.sin(lat));
  }

  /** This position with another altitude. */
  public GeoPosition withAltitude(double newAltitudeMeters) {
    return new GeoPosition(latitudeDeg, longitudeDeg, newAltitudeMeters);
  }
}
