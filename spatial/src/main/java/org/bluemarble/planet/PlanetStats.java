package org.bluemarble.planet;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

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

  /** Area share of one biome. */
  public double share(Biome biome) {
    return biomeShares.get(biome);
  }
}
