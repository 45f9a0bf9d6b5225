package org.bluemarble.planet.internal;

import java.util.stream.IntStream;

/**
 * Fractal detail on top of the tectonic elevation, then the sea level. Two noise layers are added:
 * a broad one ({@value #BROAD_AMPLITUDE} m) that breaks plate-shaped continents into irregular
 * coasts, bays and islands, and a fine one whose amplitude grows with tectonic uplift so mountain
 * ranges are rugged and plains are smooth. Then all elevations are shifted so that exactly the
 * requested share of the area (to the nearest cell) lies below 0 m.
 */
public final class Relief {

  private static final double BROAD_AMPLITUDE = 3400;
  private static final double FINE_AMPLITUDE = 700;
  private static final double COAST_AMPLITUDE = 1100;
  private static final double COAST_BAND = 1200;

  private Relief() {}

  /** Adds noise detail to {@code elevation} in place. */
  public static void addDetail(CellGrid grid, float[] elevation, long seed) {
    GradientNoise broad = new GradientNoise(seed ^ 0xB10ADL);
    GradientNoise fine = new GradientNoise(seed ^ 0xF14EL);
    IntStream.range(0, grid.count())
        .parallel()
        .forEach(
            k -> {
              double x = grid.x(k);
              double y = grid.y(k);
              double z = grid.z(k);
              double e = elevation[k];
              double uplift = Math.max(0, e - Tectonics.CONTINENT_BASE);
              double rugged = FINE_AMPLITUDE + 0.35 * uplift;
              e += BROAD_AMPLITUDE * broad.fbm(x, y, z, 1.4, 5);
              e += rugged * fine.fbm(x, y, z, 7.0, 7);
              elevation[k] = (float) e;
            });
  }

  /**
   * Roughens coastlines: adds high-frequency noise weighted by exp(-(e/{@value #COAST_BAND})²), so
   * only ground near sea level (elevation e, after {@link #applySeaLevel}) moves, giving bays,
   * capes and islands. Call {@link #applySeaLevel} again afterwards to restore the ocean share.
   */
  public static void roughenCoasts(CellGrid grid, float[] elevation, long seed) {
    GradientNoise coast = new GradientNoise(seed ^ 0xC0A57L);
    IntStream.range(0, grid.count())
        .parallel()
        .forEach(
            k -> {
              double e = elevation[k];
              double r = e / COAST_BAND;
              double weight = StrictMath.exp(-r * r);
              double n = coast.fbm(grid.x(k), grid.y(k), grid.z(k), 10.0, 5);
              elevation[k] = (float) (e + COAST_AMPLITUDE * weight * n * 2);
            });
  }

  /**
   * Shifts {@code elevation} in place so that the area share below 0 m is as close as the cells
   * allow to {@code oceanCoverage}; returns the shift subtracted (the old sea level).
   */
  public static double applySeaLevel(CellGrid grid, float[] elevation, double oceanCoverage) {
    double lo = Double.MAX_VALUE;
    double hi = -Double.MAX_VALUE;
    for (float e : elevation) {
      lo = Math.min(lo, e);
      hi = Math.max(hi, e);
    }
    double level;
    if (oceanCoverage <= 0) {
      level = lo - 1;
    } else if (oceanCoverage >= 1) {
      level = hi + 1;
    } else {
      // Bisection on the level: the share below it grows monotonically with it.
      double a = lo - 1;
      double b = hi + 1;
      for (int iter = 0; iter < 60 && b - a > 1e-3; iter++) {
        double mid = 0.5 * (a + b);
        if (shareBelow(grid, elevation, mid) < oceanCoverage) {
          a = mid;
        } else {
          b = mid;
        }
      }
      level = b;
    }
    for (int k = 0; k < elevation.length; k++) {
      elevation[k] = (float) (elevation[k] - level);
    }
    return level;
  }

  /** Area share of cells strictly below {@code level} (sequential sum: same order every run). */
  public static double shareBelow(CellGrid grid, float[] elevation, double level) {
    double share = 0;
    for (int k = 0; k < elevation.length; k++) {
      if (elevation[k] < level) {
        share += grid.areaShare(k);
      }
    }
    return share;
  }
}
