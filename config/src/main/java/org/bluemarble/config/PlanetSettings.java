package org.bluemarble.config;

import com.typesafe.config.Config;

/** Limits of the planet API, read once from {@code bluemarble.planet}. */
public record PlanetSettings(
    int maxConcurrentGenerations,
    int maxQueuedGenerations,
    int maxCachedPlanets,
    int maxTerrainLevel,
    int polygonLevel) {

  public static PlanetSettings fromConfig(Config config) {
    SettingsReader r = new SettingsReader(config);
    return new PlanetSettings(
        r.intIn("bluemarble.planet.max-concurrent-generations", 1, 8),
        r.intIn("bluemarble.planet.max-queued-generations", 0, 100),
        r.intIn("bluemarble.planet.max-cached-planets", 1, 64),
        r.intIn("bluemarble.planet.max-terrain-level", 3, 10),
        r.intIn("bluemarble.planet.polygon-level", 4, 8));
  }
}
