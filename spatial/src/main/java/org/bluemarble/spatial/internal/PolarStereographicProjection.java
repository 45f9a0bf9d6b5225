package org.bluemarble.spatial.internal;

import org.bluemarble.spatial.GeoPosition;
import org.bluemarble.spatial.PlanarPoint;
import org.bluemarble.spatial.ProjectionDomain;
import org.bluemarble.spatial.ProjectionProperties;
import org.bluemarble.spatial.Sphere;

/**
 * Polar stereographic, north or south, true scale at the pole: ρ = 2R tan(c/2) with c the angular
 * distance from the pole; conformal. The central meridian points to -y on the north map (so x grows
 * east as seen from above the pole) and to +y on the south map.
 *
 * <p>Domain: the hemisphere of the chosen pole, equator included (ρ = 2R there, scale 2). It is
 * meant for the polar caps beyond Mercator's ±85.0511° but valid down to the equator; the other
 * hemisphere is rejected rather than blown up towards infinity.
 */
public final class PolarStereographicProjection extends AbstractProjection {
  private final boolean north;
  private final ProjectionDomain domain;

  public PolarStereographicProjection(Sphere sphere, double centralMeridianDeg, boolean north) {
    super(sphere, centralMeridianDeg);
    this.north = north;
    this.domain =
        north
            ? new ProjectionDomain(0, 90, "northern hemisphere, latitude >= 0; map radius <= 2R")
            : new ProjectionDomain(-90, 0, "southern hemisphere, latitude <= 0; map radius <= 2R");
  }

  @Override
  public String name() {
    return north ? "polar-stereographic-north" : "polar-stereographic-south";
  }

  @Override
  public ProjectionProperties properties() {
    return new ProjectionProperties(false, true, false);
  }

  @Override
  public ProjectionDomain domain() {
    return domain;
  }

  @Override
  protected boolean inDomain(double latitudeDeg, double deltaLonDeg) {
    return north ? latitudeDeg >= 0.0 : latitudeDeg <= 0.0;
  }

  @Override
  protected PlanarPoint project(double latitudeDeg, double deltaLonDeg) {
    if (!inDomain(latitudeDeg, deltaLonDeg)) {
      throw outside("latitudeDeg = " + latitudeDeg + " is in the other hemisphere");
    }
    double fromPole = Math.toRadians(north ? 90.0 - latitudeDeg : 90.0 + latitudeDeg);
    double rho = 2 * radius * Math.tan(fromPole / 2);
    double lambda = Math.toRadians(deltaLonDeg);
    double x = rho * Math.sin(lambda);
    double y = rho * Math.cos(lambda);
    return new PlanarPoint(x, north ? -y : y);
  }

  @Override
  protected GeoPosition unproject(double x, double y) {
    double rho = Math.hypot(x, y);
    if (rho > 2 * radius + OUTLINE_TOLERANCE_METERS) {
      throw outside("point (" + x + ", " + y + ") is " + rho + " m from the pole, beyond 2R");
    }
    double fromPoleDeg = Math.toDegrees(2 * Math.atan(Math.min(rho, 2 * radius) / (2 * radius)));
    double lat = north ? 90.0 - fromPoleDeg : fromPoleDeg - 90.0;
    double deltaLon = Math.atan2(x, north ? -y : y);
    return position(lat, deltaLon);
  }
}
