package org.bluemarble.spatial;

import org.bluemarble.spatial.internal.Coordinates;
import org.bluemarble.spatial.internal.SphericalMath;

/**
 * The local east-north-up frame at an origin on a {@link Sphere}, for movement: turn a step given
 * in metres east/north/up into a new position ({@link #offset}) and a position back into such a
 * step ({@link #toLocal}). Create one per origin and reuse it while the origin stays the same; it
 * caches the origin's sines and cosines.
 *
 * <p>Horizontal offsets are measured along the surface: a step (east, north) means travelling
 * {@code hypot(east, north)} metres along the great circle leaving the origin at bearing {@code
 * atan2(east, north)} (an azimuthal equidistant frame). For small steps this is the usual tangent
 * plane; for any step shorter than π R, {@code toLocal(offset(e, n, u))} returns (e, n, u). Up is a
 * change of altitude.
 *
 * <p>Convention at the poles: east and north are the limits of the usual directions along the
 * origin's own longitude λ. At the north pole north points along meridian λ + 180° and east along
 * meridian λ + 90°; at the south pole north points along meridian λ and east along λ + 90°. So a
 * pole position with longitude 0 has a different (rotated) frame than one with longitude 90: the
 * longitude a position carries names its frame, and the frame is continuous when approaching the
 * pole along that meridian.
 */
public final class EnuFrame {
  private final Sphere sphere;
  private final GeoPosition origin;
  private final double sinLat;
  private final double cosLat;
  private final double sinLon;
  private final double cosLon;

  /** The frame at {@code origin} on {@code sphere}; see also {@link Sphere#enuFrame}. */
  public EnuFrame(Sphere sphere, GeoPosition origin) {
    this.sphere = sphere;
    this.origin = origin;
    double lat = Math.toRadians(origin.latitudeDeg());
    double lon = Math.toRadians(origin.longitudeDeg());
    this.sinLat = Math.sin(lat);
    this.cosLat = Math.cos(lat);
    this.sinLon = Math.sin(lon);
    this.cosLon = Math.cos(lon);
  }

  /** The frame's origin. */
  public GeoPosition origin() {
    return origin;
  }

  /** The sphere the frame lives on. */
  public Sphere sphere() {
    return sphere;
  }

  /**
   * The position reached from the origin by the given step.
   *
   * @param eastMeters metres east along the surface
   * @param northMeters metres north along the surface
   * @param upMeters metres added to the origin's altitude
   * @throws InvalidCoordinateException if any component is not finite
   */
  public GeoPosition offset(double eastMeters, double northMeters, double upMeters) {
    Coordinates.requireFinite("eastMeters", eastMeters);
    Coordinates.requireFinite("northMeters", northMeters);
    Coordinates.requireFinite("upMeters", upMeters);
    double altitude = origin.altitudeMeters() + upMeters;
    double horizontal = SphericalMath.hypot(eastMeters, northMeters);
    if (horizontal == 0.0) {
      return origin.withAltitude(altitude);
    }
    return SphericalMath.destination(
        sinLat,
        cosLat,
        sinLon,
        cosLon,
        eastMeters / horizontal,
        northMeters / horizontal,
        horizontal / sphere.radiusMeters(),
        altitude);
  }

  /** {@link #offset(double, double, double)} taking an {@link EnuOffset}. */
  public GeoPosition offset(EnuOffset step) {
    return offset(step.eastMeters(), step.northMeters(), step.upMeters());
  }

  /** The step from the origin to {@code target}: the inverse of {@link #offset}. */
  public EnuOffset toLocal(GeoPosition target) {
    double distance = SphericalMath.centralAngle(origin, target) * sphere.radiusMeters();
    double up = target.altitudeMeters() - origin.altitudeMeters();
    if (distance == 0.0) {
      return new EnuOffset(0.0, 0.0, up);
    }
    double bearing = SphericalMath.initialBearing(origin, target);
    return new EnuOffset(distance * Math.sin(bearing), distance * Math.cos(bearing), up);
  }
}
