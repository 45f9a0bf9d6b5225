package org.bluemarble.spatial;

import org.bluemarble.spatial.internal.Coordinates;

/**
 * The companion documents' "BlueMarble standard" planar frame, EPSG:4087 shifted so that both axes
 * start at 0: X 0..{@value #WIDTH_METERS} m (west to east from the antimeridian), Y 0..{@value
 * #HEIGHT_METERS} m (south pole to north pole), with {@code x = (lon + 180) / 360 * WX} and {@code
 * y = (lat + 90) / 180 * WY}. Offered to tools and the planet API; the simulation uses {@link
 * GeoPosition}s.
 *
 * <p>From planar to geographic, x wraps modulo WX (x = WX is the antimeridian again, x = -1 is just
 * west of it) and y clamps to [0, WY] (beyond a pole is the pole), as the companion documents
 * specify. Non-finite numbers are rejected.
 *
 * <p>WX is the equator of a 6,378,137 m sphere, not of {@link Sphere#EARTH} (6,371,000 m): the
 * companion documents mix the two. Planar metres here are frame units, so measure distances with
 * {@link Sphere#distanceMeters}, not in this plane.
 */
public final class Epsg4087 {
  /** WX: the frame's width in metres (the companion documents' rounded equator length). */
  public static final double WIDTH_METERS = 40_075_020.0;

  /** WY: the frame's height in metres, half of WX. */
  public static final double HEIGHT_METERS = 20_037_510.0;

  private Epsg4087() {}

  /** The planar point of a position; x in [0, WX), y in [0, WY]. Altitude is ignored. */
  public static PlanarPoint toPlanar(GeoPosition position) {
    return toPlanar(position.latitudeDeg(), position.longitudeDeg());
  }

  /**
   * The planar point of a latitude/longitude in degrees (latitude validated, longitude normalised
   * into [-180, 180) first).
   */
  public static PlanarPoint toPlanar(double latitudeDeg, double longitudeDeg) {
    Coordinates.requireLatitude("latitudeDeg", latitudeDeg);
    double lon = Coordinates.normaliseLongitude("longitudeDeg", longitudeDeg);
    double x = (lon + 180.0) / 360.0 * WIDTH_METERS;
    if (x >= WIDTH_METERS) {
      // A longitude a few ulps west of 180 rounds onto WX, which is the antimeridian, x = 0.
      x = 0.0;
    }
    double y = (latitudeDeg + 90.0) / 180.0 * HEIGHT_METERS;
    return new PlanarPoint(x, y);
  }

  /** The surface position of a planar point: x wraps modulo WX, y clamps to [0, WY]. */
  public static GeoPosition toGeo(double x, double y) {
    Coordinates.requireFinite("x", x);
    Coordinates.requireFinite("y", y);
    double wrappedX = x - WIDTH_METERS * Math.floor(x / WIDTH_METERS);
    double clampedY = Math.max(0.0, Math.min(HEIGHT_METERS, y));
    double lon = wrappedX / WIDTH_METERS * 360.0 - 180.0;
    double lat = clampedY / HEIGHT_METERS * 180.0 - 90.0;
    return GeoPosition.of(Math.max(-90.0, Math.min(90.0, lat)), lon);
  }

  /** {@link #toGeo(double, double)} taking a {@link PlanarPoint}. */
  public static GeoPosition toGeo(PlanarPoint point) {
    return toGeo(point.x(), point.y());
  }
}
