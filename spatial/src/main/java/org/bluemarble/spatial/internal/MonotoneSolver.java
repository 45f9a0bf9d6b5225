package org.bluemarble.spatial.internal;

import java.util.function.DoubleUnaryOperator;

/** Solves f(t) = target for a non-decreasing f on a bracket: Newton steps guarded by bisection. */
public final class MonotoneSolver {
  private static final int MAX_ITERATIONS = 200;

  private MonotoneSolver() {}

  /**
   * The t in [lo, hi] with f(t) = target, to within a few ulps of t. {@code f} must be
   * non-decreasing on the bracket with f(lo) <= target <= f(hi); {@code derivative} may be zero
   * (bisection takes over).
   */
  public static double solve(
      DoubleUnaryOperator f,
      DoubleUnaryOperator derivative,
      double target,
      double lo,
      double hi,
      double guess) {
    double t = Math.max(lo, Math.min(hi, guess));
    for (int i = 0; i < MAX_ITERATIONS; i++) {
      double residual = f.applyAsDouble(t) - target;
      if (residual == 0.0) {
        return t;
      }
      if (residual < 0.0) {
        lo = t;
      } else {
        hi = t;
      }
      double slope = derivative.applyAsDouble(t);
      double next = t - residual / slope;
      if (!(slope > 0.0) || !(next >= lo && next <= hi)) {
        next = 0.5 * (lo + hi);
      }
      if (Math.abs(next - t) <= 2 * Math.ulp(t) || hi - lo <= 2 * Math.ulp(hi)) {
        return next;
      }
      t = next;
    }
    return t;
  }
}
