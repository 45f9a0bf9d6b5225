package org.bluemarble.config;

import com.typesafe.config.Config;

/** The world planet the zone cells simulate, read once from {@code bluemarble.world}. */
public record WorldSettings(long seed, int terrainLevel) {

  public static WorldSettings fromConfig(Config config) {
    SettingsReader r = new SettingsReader(config);
    String seed = r.string("bluemarble.world.seed").trim();
    long s;
    try {
      s = Long.parseLong(seed);
    } catch (NumberFormatException e) {
      throw SettingsException.invalid("bluemarble.world.seed", seed, "a 64-bit integer");
    }
    return new WorldSettings(s, r.intIn("bluemarble.world.terrain-level", 3, 10));
  }

  /** The id under which the world planet is kept in the terrain store. */
  public String planetId() {
    return "world-" + seed + "-l" + terrainLevel;
  }
}
