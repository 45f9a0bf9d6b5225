package org.bluemarble.spatial.internal;

import org.bluemarble.spatial.GeoPosition;
import org.bluemarble.spatial.PlanarPoint;
import org.bluemarble.spatial.ProjectionDomain;
import org.bluemarble.spatial.ProjectionProperties;
import org.bluemarble.spatial.Sphere;

/**
 * Plate carrée: x = R λ, y = R φ (standard parallel the equator), the shape of EPSG:4087. Distances
 * along every meridian are true. The whole sphere is the domain; the map is [-πR, πR] × [-πR/2,
 * πR/2].
 */
public final class EquirectangularProjection extends AbstractProjection {
  private static final ProjectionDomain DOMAIN =
      new ProjectionDomain(-90, 90, "the whole sphere; map x in [-πR, πR], y in [-πR/2, πR/2]");

  public EquirectangularProjection(Sphere sphere, double centralMeridianDeg) {
    super(sphere, centralMeridianDeg);
  }

  @Override
  public String name() {
    return "equirectangular";
  }

  @Override
  public ProjectionProperties properties() {
    return new ProjectionProperties(false, false, true);
  }

  @Override
  public ProjectionDomain domain() {
    return DOMAIN;
  }

  @Override
  protected boolean inDomain(double latitudeDeg, double deltaLonDeg) {
    return true;
  }

  @Override
  protected PlanarPoint project(double latitudeDeg, double deltaLonDeg) {
    return new PlanarPoint(
        radius * Math.toRadians(deltaLonDeg), radius * Math.toRadians(latitudeDeg));
  }

  @Override
  protected GeoPosition unproject(double x, double y) {
    double cx = requireWithin("x", x, Math.PI * radius);
    double cy = requireWithin("y", y, Math.PI / 2 * radius);
    return position(Math.toDegrees(cy / radius), cx / radius);
  }
}
