package org.bluemarble.spatial.internal;

/**
 * Robinson's published table (1974, as given in Snyder's "Map Projections: A Working Manual"): for
 * every 5° of latitude, the parallel's length X and its distance from the equator Y, both relative.
 * Values between rows come from a cubic Hermite curve through the rows with finite-difference
 * slopes, which is smooth and keeps Y strictly increasing so it can be inverted.
 */
final class RobinsonTable {
  /** Latitude step between rows, degrees. */
  static final double STEP_DEG = 5.0;

  private static final double[] X = {
    1.0000, 0.9986, 0.9954, 0.9900, 0.9822, 0.9730, 0.9600, 0.9427, 0.9216, 0.8962, 0.8679, 0.8350,
    0.7986, 0.7597, 0.7186, 0.6732, 0.6213, 0.5722, 0.5322
  };

  private static final double[] Y = {
    0.0000, 0.0620, 0.1240, 0.1860, 0.2480, 0.3100, 0.3720, 0.4340, 0.4958, 0.5571, 0.6176, 0.6769,
    0.7346, 0.7903, 0.8435, 0.8936, 0.9394, 0.9761, 1.0000
  };

  private static final double[] X_SLOPE = slopes(X);
  private static final double[] Y_SLOPE = slopes(Y);

  /** Number of intervals between rows. */
  static final int SEGMENTS = X.length - 1;

  private RobinsonTable() {}

  /** Relative parallel length at |latitude| in degrees, [0, 90]. */
  static double x(double absLatDeg) {
    return interpolate(X, X_SLOPE, absLatDeg);
  }

  /** Relative distance from the equator at |latitude| in degrees, [0, 90]. */
  static double y(double absLatDeg) {
    return interpolate(Y, Y_SLOPE, absLatDeg);
  }

  /** d y / d latitude (per degree) at |latitude| in degrees. */
  static double yDerivative(double absLatDeg) {
    int i = segment(absLatDeg);
    double t = absLatDeg / STEP_DEG - i;
    double p0 = Y[i];
    double p1 = Y[i + 1];
    double m0 = Y_SLOPE[i];
    double m1 = Y_SLOPE[i + 1];
    double t2 = t * t;
    double d =
        (6 * t2 - 6 * t) * p0
            + (3 * t2 - 4 * t + 1) * m0
            + (-6 * t2 + 6 * t) * p1
            + (3 * t2 - 2 * t) * m1;
    return d / STEP_DEG;
  }

  private static double interpolate(double[] values, double[] slopes, double absLatDeg) {
    int i = segment(absLatDeg);
    double t = absLatDeg / STEP_DEG - i;
    double t2 = t * t;
    double t3 = t2 * t;
    return (2 * t3 - 3 * t2 + 1) * values[i]
        + (t3 - 2 * t2 + t) * slopes[i]
        + (-2 * t3 + 3 * t2) * values[i + 1]
        + (t3 - t2) * slopes[i + 1];
  }

  private static int segment(double absLatDeg) {
    return Math.min(SEGMENTS - 1, (int) Math.floor(absLatDeg / STEP_DEG));
  }

  /** Slopes per row step: central differences inside, one-sided at both ends. */
  private static double[] slopes(double[] v) {
    int n = v.length;
    double[] m = new double[n];
    m[0] = v[1] - v[0];
    m[n - 1] = v[n - 1] - v[n - 2];
    for (int i = 1; i < n - 1; i++) {
      m[i] = (v[i + 1] - v[i - 1]) / 2;
    }
    return m;
  }
}
