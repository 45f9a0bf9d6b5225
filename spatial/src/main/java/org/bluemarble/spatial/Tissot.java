package org.bluemarble.spatial;

/**
 * The distortion of a map projection at one point (Tissot's indicatrix), from the projection's
 * forward mapping by central differences, so it holds for every {@link MapProjection} alike.
 *
 * @param h scale along the meridian (1 = true scale)
 * @param k scale along the parallel
 * @param areaScale ratio of map area to sphere area (1 for equal-area projections)
 * @param maxAngularDistortionDeg the largest change of an angle, degrees (0 for conformal ones)
 * @param a largest scale at the point
 * @param b smallest scale at the point
 */
public record Tissot(
    double h, double k, double areaScale, double maxAngularDistortionDeg, double a, double b) {

  /** Half the step of the central differences, degrees. */
  private static final double STEP_DEG = 1e-4;

  /** Latitude limit: the parallel scale is undefined at the poles themselves. */
  private static final double MAX_LAT = 89.9;

  /**
   * Tissot's indicatrix of {@code projection} at the point.
   *
   * @throws OutsideProjectionDomainException if the point or its neighbours do not project
   */
  public static Tissot at(MapProjection projection, double latitudeDeg, double longitudeDeg) {
    double lat = Math.max(-MAX_LAT, Math.min(MAX_LAT, latitudeDeg));
    double radius = projection.sphere().radiusMeters();
    double step = Math.toRadians(STEP_DEG) * 2;
    PlanarPoint north = projection.forward(lat + STEP_DEG, longitudeDeg);
    PlanarPoint south = projection.forward(lat - STEP_DEG, longitudeDeg);
    PlanarPoint east = projection.forward(lat, longitudeDeg + STEP_DEG);
    PlanarPoint west = projection.forward(lat, longitudeDeg - STEP_DEG);
    double xPhi = (north.x() - south.x()) / step;
    double yPhi = (north.y() - south.y()) / step;
    double xLambda = (east.x() - west.x()) / step;
    double yLambda = (east.y() - west.y()) / step;
    double cos = Math.cos(Math.toRadians(lat));
    double h = Math.hypot(xPhi, yPhi) / radius;
    double k = Math.hypot(xLambda, yLambda) / (radius * cos);
    double s = Math.abs(xPhi * yLambda - yPhi * xLambda) / (radius * radius * cos);
    // Snyder (1987), eq. 4-12 to 4-13: a + b and a - b from h, k and the area scale.
    double sum = Math.sqrt(Math.max(0, h * h + k * k + 2 * s));
    double difference = Math.sqrt(Math.max(0, h * h + k * k - 2 * s));
    double a = (sum + difference) / 2;
    double b = (sum - difference) / 2;
    double omega = sum == 0 ? 0 : 2 * Math.toDegrees(Math.asin(Math.min(1, difference / sum)));
    return new Tissot(h, k, s, omega, a, b);
  }
}
