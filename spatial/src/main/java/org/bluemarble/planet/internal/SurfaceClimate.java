package org.bluemarble.planet.internal;

import java.util.stream.IntStream;
import org.bluemarble.planet.Biome;
import org.bluemarble.planet.BiomeClassifier;
import org.bluemarble.planet.Climate;
import org.bluemarble.planet.ClimateConfig;

/**
 * Per-cell climate and biomes. Temperature is the companion formula at the annual mean.
 * Precipitation is the companion formula times a local moisture factor {@code 2^(2·m)}, where m is
 * twice a seeded fractal noise field, clamped to -1..1 (so the factor spans 0.25..4): the formula
 * alone depends on latitude only and would paint the planet in stripes. Wetness and settlement
 * fields (0..1) feed the {@link BiomeClassifier} rules for Wetland and UrbanArea.
 */
public final class SurfaceClimate {

  private SurfaceClimate() {}

  /** Latitude in degrees of cell k's centre. */
  public static double latitude(CellGrid grid, int k) {
    return Math.toDegrees(StrictMath.asin(Math.max(-1.0, Math.min(1.0, grid.z(k)))));
  }

  /** Fills {@code temperature} (°C) and {@code precipitation} (mm/yr) for every cell. */
  public static void compute(
      CellGrid grid,
      float[] elevation,
      ClimateConfig climate,
      long seed,
      float[] temperature,
      float[] precipitation) {
    GradientNoise moisture = new GradientNoise(seed ^ 0x3015L);
    IntStream.range(0, grid.count())
        .parallel()
        .forEach(
            k -> {
              double lat = latitude(grid, k);
              double t = Climate.annualTemperature(climate, lat, elevation[k]);
              double m = moisture.fbm(grid.x(k), grid.y(k), grid.z(k), 2.5, 5);
              double factor = StrictMath.pow(2.0, 2.0 * Math.max(-1, Math.min(1, 2 * m)));
              temperature[k] = (float) t;
              precipitation[k] = (float) (Climate.precipitation(climate, lat, t) * factor);
            });
  }

  /** Classifies every cell into {@code biome} (biome ordinals). */
  public static void classify(
      CellGrid grid,
      float[] elevation,
      float[] temperature,
      float[] precipitation,
      long seed,
      byte[] biome) {
    GradientNoise wet = new GradientNoise(seed ^ 0x3E7L);
    GradientNoise town = new GradientNoise(seed ^ 0x70F1L);
    IntStream.range(0, grid.count())
        .parallel()
        .forEach(
            k -> {
              double x = grid.x(k);
              double y = grid.y(k);
              double z = grid.z(k);
              double wetness = clamp01(0.5 + 1.6 * wet.fbm(x, y, z, 5.0, 4));
              double settlement = clamp01(0.5 + 1.6 * town.fbm(x, y, z, 9.0, 3));
              Biome b =
                  BiomeClassifier.classify(
                      Math.abs(latitude(grid, k)),
                      elevation[k],
                      temperature[k],
                      precipitation[k],
                      wetness,
                      settlement);
              biome[k] = (byte) b.ordinal();
            });
  }

  private static double clamp01(double v) {
    return Math.max(0, Math.min(1, v));
  }
}
