package org.bluemarble.spatial.internal;

import org.bluemarble.spatial.GeoPosition;
import org.bluemarble.spatial.PlanarPoint;
import org.bluemarble.spatial.ProjectionDomain;
import org.bluemarble.spatial.ProjectionProperties;
import org.bluemarble.spatial.Sphere;

/**
 * Mollweide's equal-area projection: x = (2√2/π) R λ cos θ, y = √2 R sin θ, where the auxiliary
 * angle θ solves 2θ + sin 2θ = π sin φ. The whole sphere is the domain; the map is an ellipse of
 * half-axes 2√2 R and √2 R, and the poles are its top and bottom points.
 *
 * <p>To stay accurate next to the poles (where sin φ and sin θ run out of digits), the equation is
 * solved for s = π - 2|θ| in the form s - sin s = 2π sin²(c/2), with c the colatitude, by Newton's
 * method from the small-s estimate s ≈ (6 · rhs)^(1/3).
 */
public final class MollweideProjection extends AbstractProjection {
  private static final double SQRT2 = Math.sqrt(2.0);
  private static final ProjectionDomain DOMAIN =
      new ProjectionDomain(
          -90, 90, "the whole sphere; map is the ellipse (x / 2√2R)² + (y / √2R)² <= 1");

  public MollweideProjection(Sphere sphere, double centralMeridianDeg) {
    super(sphere, centralMeridianDeg);
  }

  @Override
  public String name() {
    return "mollweide";
  }

  @Override
  public ProjectionProperties properties() {
    return new ProjectionProperties(true, false, false);
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
    double colatitude = Math.toRadians(90.0 - Math.abs(latitudeDeg));
    double half = Math.sin(colatitude / 2);
    double rhs = 2 * Math.PI * half * half;
    double s =
        MonotoneSolver.solve(
            MollweideProjection::sMinusSin,
            v -> 2 * Math.sin(v / 2) * Math.sin(v / 2),
            rhs,
            0.0,
            Math.PI,
            Math.cbrt(6 * rhs));
    // θ = π/2 - s/2, so sin θ = cos(s/2) and cos θ = sin(s/2).
    double x = 2 * SQRT2 / Math.PI * radius * Math.toRadians(deltaLonDeg) * Math.sin(s / 2);
    double y = Math.copySign(SQRT2 * radius * Math.cos(s / 2), latitudeDeg);
    return new PlanarPoint(x, y);
  }

  @Override
  protected GeoPosition unproject(double x, double y) {
    double cy = requireWithin("y", y, SQRT2 * radius);
    double s = 2 * Math.acos(Math.abs(cy) / (SQRT2 * radius));
    double cosTheta = Math.sin(s / 2);
    double halfWidth = 2 * SQRT2 * radius * cosTheta;
    double u = x / (2 * SQRT2 * radius);
    double v = cy / (SQRT2 * radius);
    // Near the poles halfWidth, derived from y, is ill-conditioned; test the ellipse equation
    // instead, with a slack of a few ulps, and clamp what passes onto the outline.
    if (Math.abs(x) > halfWidth + OUTLINE_TOLERANCE_METERS && u * u + v * v > 1 + 1e-15) {
      throw outside("point (" + x + ", " + y + ") lies outside the ellipse");
    }
    double cx = Math.max(-halfWidth, Math.min(halfWidth, x));
    double colatitude = 2 * Math.asin(Math.min(1.0, Math.sqrt(sMinusSin(s) / (2 * Math.PI))));
    double lat = Math.copySign(90.0 - Math.toDegrees(colatitude), cy);
    double deltaLon = halfWidth == 0.0 ? 0.0 : cx / halfWidth * Math.PI;
    return position(lat, deltaLon);
  }

  /** s - sin s without cancellation for small s (Taylor series below 0.1). */
  static double sMinusSin(double s) {
    if (s >= 0.1) {
      return s - Math.sin(s);
    }
    double s2 = s * s;
    return s * s2 / 6 * (1 - s2 / 20 * (1 - s2 / 42 * (1 - s2 / 72 * (1 - s2 / 110))));
  }
}
