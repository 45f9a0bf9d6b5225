package org.bluemarble.spatial.internal;

import org.bluemarble.spatial.GeoPosition;
import org.bluemarble.spatial.PlanarPoint;
import org.bluemarble.spatial.ProjectionDomain;
import org.bluemarble.spatial.ProjectionProperties;
import org.bluemarble.spatial.Sphere;

/**
 * Orthographic: the globe seen from infinitely far away above a centre point (φ0, λ0), x east and y
 * north in the centre's {@link org.bluemarble.spatial.EnuFrame} convention. Domain: the hemisphere
 * within 90° of the centre, limb included (a rounding slack of 1e-12 rad is accepted); points on
 * the far side are rejected, never folded onto the near side. The map is the disc of radius R.
 * Round trips lose precision only at the limb itself, where the map is edge-on: error is about
 * 1.4e-9 m / cos(c) for a point c away from the centre.
 */
public final class OrthographicProjection extends AbstractProjection {
  private static final double LIMB_SLACK = 1e-12;

  private final double centreLatitudeDeg;
  private final double sinLat0;
  private final double cosLat0;
  private final ProjectionDomain domain;

  public OrthographicProjection(
      Sphere sphere, double centreLatitudeDeg, double centreLongitudeDeg) {
    super(sphere, centreLongitudeDeg);
    this.centreLatitudeDeg = Coordinates.requireLatitude("centreLatitudeDeg", centreLatitudeDeg);
    double lat0 = Math.toRadians(centreLatitudeDeg);
    this.sinLat0 = Math.sin(lat0);
    this.cosLat0 = Math.cos(lat0);
    this.domain =
        new ProjectionDomain(
            Math.max(-90.0, centreLatitudeDeg - 90.0),
            Math.min(90.0, centreLatitudeDeg + 90.0),
            "the hemisphere within 90° of the centre ("
                + centreLatitudeDeg
                + ", "
                + centralMeridianDeg()
                + "); the far side is rejected; map radius <= R");
  }

  /** Latitude of the centre point, degrees. */
  public double centreLatitudeDeg() {
    return centreLatitudeDeg;
  }

  @Override
  public String toString() {
    return name()
        + "(R="
        + radius
        + " m, centre="
        + centreLatitudeDeg
        + "°, "
        + centralMeridianDeg()
        + "°)";
  }

  @Override
  public String name() {
    return "orthographic";
  }

  @Override
  public ProjectionProperties properties() {
    return new ProjectionProperties(false, false, false);
  }

  @Override
  public ProjectionDomain domain() {
    return domain;
  }

  @Override
  protected boolean inDomain(double latitudeDeg, double deltaLonDeg) {
    return cosDistanceFromCentre(latitudeDeg, deltaLonDeg) >= -LIMB_SLACK;
  }

  private double cosDistanceFromCentre(double latitudeDeg, double deltaLonDeg) {
    double lat = Math.toRadians(latitudeDeg);
    return cosLat0 * Math.cos(lat) * Math.cos(Math.toRadians(deltaLonDeg))
        + sinLat0 * Math.sin(lat);
  }

  @Override
  protected PlanarPoint project(double latitudeDeg, double deltaLonDeg) {
    if (!inDomain(latitudeDeg, deltaLonDeg)) {
      throw outside(
          "("
              + latitudeDeg
              + ", "
              + (centralMeridianDeg() + deltaLonDeg)
              + ") is on the far side of the globe");
    }
    double lat = Math.toRadians(latitudeDeg);
    double lambda = Math.toRadians(deltaLonDeg);
    double cosLat = Math.cos(lat);
    double x = radius * cosLat * Math.sin(lambda);
    double y = radius * (cosLat0 * Math.sin(lat) - sinLat0 * cosLat * Math.cos(lambda));
    return new PlanarPoint(x, y);
  }

  @Override
  protected GeoPosition unproject(double x, double y) {
    double u = x / radius;
    double v = y / radius;
    double rho = Math.hypot(u, v);
    if (rho > 1.0 + OUTLINE_TOLERANCE_METERS / radius) {
      throw outside("point (" + x + ", " + y + ") lies outside the disc of radius R");
    }
    double s = Math.min(1.0, rho);
    double cosC = Math.sqrt((1 - s) * (1 + s));
    // Point = cosC * centre + u * east + v * north, in a frame rotated so the centre's longitude
    // is 0: centre = (cosLat0, 0, sinLat0), east = (0, 1, 0), north = (-sinLat0, 0, cosLat0).
    double px = cosC * cosLat0 - v * sinLat0;
    double py = u;
    double pz = cosC * sinLat0 + v * cosLat0;
    double lat = Math.toDegrees(Math.atan2(pz, Math.hypot(px, py)));
    return position(lat, Math.atan2(py, px));
  }
}
