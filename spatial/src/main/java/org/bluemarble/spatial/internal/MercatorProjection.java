package org.bluemarble.spatial.internal;

import org.bluemarble.spatial.GeoPosition;
import org.bluemarble.spatial.PlanarPoint;
import org.bluemarble.spatial.ProjectionDomain;
import org.bluemarble.spatial.ProjectionProperties;
import org.bluemarble.spatial.Sphere;

/**
 * Spherical Mercator: x = R λ, y = R ln tan(π/4 + φ/2); conformal. Latitudes beyond ±{@value
 * #MAX_LATITUDE_DEG}° (atan(sinh π), "85.0511°", where y = ±πR and the map is square) are clamped
 * to that latitude by {@link #forward}, as the companion specification asks; the inverse rejects y
 * beyond ±πR.
 */
public final class MercatorProjection extends AbstractProjection {
  /** The clamp latitude, atan(sinh(π)) in degrees. */
  public static final double MAX_LATITUDE_DEG = 85.05112877980659;

  private static final ProjectionDomain DOMAIN =
      new ProjectionDomain(
          -MAX_LATITUDE_DEG,
          MAX_LATITUDE_DEG,
          "latitudes within ±85.0511° (beyond is clamped); map x and y in [-πR, πR]");

  public MercatorProjection(Sphere sphere, double centralMeridianDeg) {
    super(sphere, centralMeridianDeg);
  }

  @Override
  public String name() {
    return "mercator";
  }

  @Override
  public ProjectionProperties properties() {
    return new ProjectionProperties(false, true, false);
  }

  @Override
  public ProjectionDomain domain() {
    return DOMAIN;
  }

  @Override
  protected boolean inDomain(double latitudeDeg, double deltaLonDeg) {
    return Math.abs(latitudeDeg) <= MAX_LATITUDE_DEG;
  }

  @Override
  protected PlanarPoint project(double latitudeDeg, double deltaLonDeg) {
    double lat = Math.max(-MAX_LATITUDE_DEG, Math.min(MAX_LATITUDE_DEG, latitudeDeg));
    double y = radius * Math.log(Math.tan(Math.PI / 4 + Math.toRadians(lat) / 2));
    return new PlanarPoint(radius * Math.toRadians(deltaLonDeg), y);
  }

  @Override
  protected GeoPosition unproject(double x, double y) {
    double cx = requireWithin("x", x, Math.PI * radius);
    double cy = requireWithin("y", y, Math.PI * radius);
    return position(Math.toDegrees(Math.atan(Math.sinh(cy / radius))), cx / radius);
  }
}
