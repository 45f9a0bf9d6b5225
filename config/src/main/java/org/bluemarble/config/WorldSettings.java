package org.bluemarble.config;

import com.typesafe.config.Config;

/**
 * The world planet the zone cells simulate, read once from {@code bluemarble.world}.
 *
 * @param spawnLatitudeDeg where new characters enter the world (degrees; the nearest land is used)
 * @param spawnLongitudeDeg where new characters enter the world (degrees)
 * @param sanctuaryRadiusMeters the safe zone around the spawn point (metres on the surface; 0 =
 *     none): no PvP there, and aggressive creatures do not start a fight with a player inside it
 */
public record WorldSettings(
    long seed,
    int terrainLevel,
    double spawnLatitudeDeg,
    double spawnLongitudeDeg,
    double sanctuaryRadiusMeters) {
  /** The largest sanctuary radius accepted (metres). */
  public static final double MAX_SANCTUARY_RADIUS_METERS = 100_000.0;

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
        r.doubleIn("bluemarble.world.spawn-longitude", -180.0, 180.0),
        r.doubleIn("bluemarble.world.sanctuary-radius", 0.0, MAX_SANCTUARY_RADIUS_METERS));
  }

  /** The id under which the world planet is kept in the terrain store. */
  public String planetId() {
    return "world-" + seed + "-l" + terrainLevel;
  }
}
