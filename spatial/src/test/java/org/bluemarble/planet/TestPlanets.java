package org.bluemarble.planet;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Generated planets shared between tests (generation is deterministic, so sharing is safe). */
public final class TestPlanets {

  private static final Map<String, Planet> CACHE = new ConcurrentHashMap<>();

  private TestPlanets() {}

  /** An Earth-like planet of {@code seed} at terrain {@code level}, generated once per JVM. */
  public static Planet earthLike(long seed, int level) {
    return CACHE.computeIfAbsent(
        seed + "@" + level,
        key ->
            new PlanetGenerator().generate(PlanetConfig.earthLike(seed).withTerrainLevel(level)));
  }
}
