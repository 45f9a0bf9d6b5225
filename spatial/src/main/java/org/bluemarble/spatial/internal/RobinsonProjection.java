package org.bluemarble.spatial.internal;

import org.bluemarble.spatial.GeoPosition;
import org.bluemarble.spatial.PlanarPoint;
import org.bluemarble.spatial.ProjectionDomain;
import org.bluemarble.spatial.ProjectionProperties;
import org.bluemarble.spatial.Sphere;

/**
 * Robinson's compromise projection from its published table: x = 0.8487 R X(φ) λ, y = 1.3523 R Y(φ)
 * sign(φ). Preserves none of area, angles or distance. The whole sphere is the domain; the poles
 * are lines of length 2 · 0.8487 · 0.5322 · πR. The inverse solves Y(φ) = y numerically.
 */
public final class RobinsonProjection extends AbstractProjection {
  private static final double X_SCALE = 0.8487;
  private static final double Y_SCALE = 1.3523;
  private static final ProjectionDomain DOMAIN =
      new ProjectionDomain(
          -90, 90, "the whole sphere; map |y| <= 1.3523 R, |x| <= 0.8487 R X(φ) π");

  public RobinsonProjection(Sphere sphere, double centralMeridianDeg) {
    super(sphere, centralMeridianDeg);
  }

  @Override
  public String name() {
    return "robinson";
  }

  @Override
  public ProjectionProperties properties() {
    return new ProjectionProperties(false, false, false);
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
    double absLat = Math.abs(latitudeDeg);
    double x = X_SCALE * radius * RobinsonTable.x(absLat) * Math.toRadians(deltaLonDeg);
    double y = Math.copySign(Y_SCALE * radius * RobinsonTable.y(absLat), latitudeDeg);
    return new PlanarPoint(x, y);
  }

  @Override
  protected GeoPosition unproject(double x, double y) {
    double cy = requireWithin("y", y, Y_SCALE * radius);
    double target = Math.abs(cy) / (Y_SCALE * radius);
    double absLat =
        MonotoneSolver.solve(
            RobinsonTable::y, RobinsonTable::yDerivative, target, 0.0, 90.0, target * 90.0);
    double halfWidth = X_SCALE * radius * RobinsonTable.x(absLat) * Math.PI;
    double cx = requireWithin("x", x, halfWidth);
    return position(Math.copySign(absLat, cy), cx / halfWidth * Math.PI);
  }
}
