package org.bluemarble.config;

import com.typesafe.config.Config;

/**
 * The world planet the zone cells simulate, read once from {@code bluemarble.world}.
 *
 * @param spawnLatitudeDeg where new characters enter the world (degrees; the nearest land is used)
 * @param spawnLongitudeDeg where new characters enter the world (degrees)
 */
public record WorldSettings(
    long seed, int terrainLevel, double spawnLatitudeDeg, double spawnLongitudeDeg) {

  public static WorldSettings fromConfig(Config config) {
    SettingsReader r = new SettingsReader(config);
    String seed = r.string("bluemarble.world.seed").trim();
    long s;
    try {
      s = Long.parseLong(seed);
    } catch (NumberFormatException e) {
      throw SettingsException.invalid("bluemarble.world.seed", seed, "a 64-bit integer");
    }
    return new WorldSettings(
        s,
        r.intIn("bluemarble.world.terrain-level", 3, 10),
        r.doubleIn("bluemarble.world.spawn-latitude", -90.0, 90.0),
        r.doubleIn("bluemarble.world.spawn-longitude", -180.0, 180.0));
  }

  /** The id under which the world planet is kept in the terrain store. */
  public String planetId() {
    return "world-" + seed + "-l" + terrainLevel;
  }
}
