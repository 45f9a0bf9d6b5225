package org.bluemarble.planet;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.bluemarble.planet.internal.CellGrid;

/**
 * Summary of a generated planet; shares are fractions of the sphere's area (0..1).
 *
 * @param oceanShare area share below sea level
 * @param biomeShares area share of each biome (every biome is a key, in enum order)
 * @param minElevation lowest sample, metres
 * @param maxElevation highest sample, metres
 */
public record PlanetStats(
    double oceanShare, Map<Biome, Double> biomeShares, double minElevation, double maxElevation) {

  /** Copies {@code biomeShares} into an unmodifiable, enum-ordered map. */
  public PlanetStats {
    EnumMap<Biome, Double> copy = new EnumMap<>(Biome.class);
    for (Biome b : Biome.values()) {
      copy.put(b, biomeShares.getOrDefault(b, 0.0));
    }
    biomeShares = Collections.unmodifiableMap(copy);
  }

  /** Area-weighted stats over every cell (sequential sums, so always the same result). */
  static PlanetStats compute(CellGrid grid, float[] elevation, byte[] biome) {
    double[] share = new double[Biome.values().length];
    double ocean = 0;
    double min = Double.MAX_VALUE;
    double max = -Double.MAX_VALUE;
    for (int k = 0; k < elevation.length; k++) {
      double a = grid.areaShare(k);
      share[biome[k]] += a;
      if (elevation[k] < 0) {
        ocean += a;
      }
      min = Math.min(min, elevation[k]);
      max = Math.max(max, elevation[k]);
    }
    Map<Biome, Double> shares = new EnumMap<>(Biome.class);
    for (Biome b : Biome.values()) {
      shares.put(b, share[b.ordinal()]);
    }
    return new PlanetStats(ocean, shares, min, max);
  }

  /** Area share of one biome. */
  public double share(Biome biome) {
    return biomeShares.get(biome);
  }
}
