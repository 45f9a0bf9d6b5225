package org.bluemarble.spatial;

/**
 * A map projection of a {@link Sphere}, forward (latitude/longitude in degrees to planar metres)
 * and inverse. Obtain one from {@link Projections}. Instances are immutable and thread-safe.
 *
 * <p>Common contract: latitudes must be finite and within [-90, 90] and longitudes finite ({@link
 * InvalidCoordinateException} otherwise); longitudes are taken relative to the central meridian,
 * which maps to x = 0. Points outside {@link #domain()} are either clamped (documented per
 * projection, e.g. Mercator) or rejected with {@link OutsideProjectionDomainException}, and so are
 * planar points outside the map's outline in {@link #inverse}. Inside the domain, {@code
 * inverse(forward(p))} returns p to well within 1 mm.
 */
public interface MapProjection {

  /** Canonical lower-case name, as accepted by {@link Projections#byName}. */
  String name();

  /** What the projection preserves. */
  ProjectionProperties properties();

  /** The longitude in degrees, [-180, 180), that maps to x = 0. */
  double centralMeridianDeg();

  /** Where the projection round-trips without clamping or rejection. */
  ProjectionDomain domain();

  /** The sphere whose radius scales the map. */
  Sphere sphere();

  /** Whether {@link #forward} maps this point without clamping or rejecting it. */
  boolean accepts(double latitudeDeg, double longitudeDeg);

  /** Planar coordinates in metres of a latitude/longitude in degrees. */
  PlanarPoint forward(double latitudeDeg, double longitudeDeg);

  /** Latitude/longitude (altitude 0) of planar coordinates in metres. */
  GeoPosition inverse(double x, double y);

  /** {@link #forward(double, double)} of a position (altitude ignored). */
  default PlanarPoint forward(GeoPosition position) {
    return forward(position.latitudeDeg(), position.longitudeDeg());
  }

  /** {@link #inverse(double, double)} of a planar point. */
  default GeoPosition inverse(PlanarPoint point) {
    return inverse(point.x(), point.y());
  }
}
