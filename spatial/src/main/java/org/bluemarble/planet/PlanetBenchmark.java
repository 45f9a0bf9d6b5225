package org.bluemarble.planet;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Times the generation of an Earth-size planet (12 plates) and prints wall time per stage, total,
 * peak heap, ocean share and biome shares. Arguments: {@code [terrainLevel=9] [seed=42]}.
 *
 * <p>How to run: see the package documentation ({@code package-info.java}).
 */
public final class PlanetBenchmark {

  private PlanetBenchmark() {}

  public static void main(String[] args) {
    int level = args.length > 0 ? Integer.parseInt(args[0]) : PlanetConfig.DEFAULT_TERRAIN_LEVEL;
    long seed = args.length > 1 ? Long.parseLong(args[1]) : 42L;
    PlanetConfig config = PlanetConfig.earthLike(seed).withTerrainLevel(level);
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
    Map<GenerationStage, Long> startedAt = new EnumMap<>(GenerationStage.class);
    long t0 = System.nanoTime();
    Planet planet =
        new PlanetGenerator()
            .generate(config, (stage, percent) -> startedAt.putIfAbsent(stage, System.nanoTime()));
    long end = System.nanoTime();

    System.out.printf(
        Locale.ROOT,
        "Planet: level %d, %,d cells, %d plates, seed %d, radius %.0f m%n",
        level,
        planet.cellCount(),
        config.plateCount(),
        seed,
        config.radiusMeters());
    GenerationStage[] stages = GenerationStage.values();
    for (int i = 0; i < stages.length; i++) {
      long from = startedAt.get(stages[i]);
      long to = i + 1 < stages.length ? startedAt.get(stages[i + 1]) : end;
      System.out.printf(Locale.ROOT, "  %-20s %8.3f s%n", stages[i].wireName(), (to - from) / 1e9);
    }
    System.out.printf(Locale.ROOT, "  %-20s %8.3f s%n", "total", (end - t0) / 1e9);
    System.out.printf(
        Locale.ROOT, "Peak heap (sum of pool peaks): %.1f MB%n", peakHeapBytes() / 1e6);
    PlanetStats stats = planet.stats();
    System.out.printf(
        Locale.ROOT,
        "Ocean share %.2f %% (target %.2f %%); elevation %.0f..%.0f m%n",
        100 * stats.oceanShare(),
        100 * config.oceanCoverage(),
        stats.minElevation(),
        stats.maxElevation());
    for (Biome b : Biome.values()) {
      System.out.printf(Locale.ROOT, "  %-20s %6.2f %%%n", b.wireName(), 100 * stats.share(b));
    }
    System.out.println("Content hash " + planet.contentHash());
  }

  private static long peakHeapBytes() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }
}
