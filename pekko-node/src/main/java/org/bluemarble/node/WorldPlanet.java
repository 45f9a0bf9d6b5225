package org.bluemarble.node;

import org.bluemarble.config.WorldSettings;
import org.bluemarble.persistence.terrain.TerrainStore;
import org.bluemarble.planet.ClimateConfig;
import org.bluemarble.planet.Planet;
import org.bluemarble.planet.PlanetConfig;
import org.bluemarble.planet.PlanetGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The planet the zone cells simulate: loaded from the terrain store, or generated from the world
 * settings and stored the first time. Generation is deterministic, so nodes that each generate it
 * (each with its own H2 store) hold the same planet.
 */
final class WorldPlanet {
  private static final Logger log = LoggerFactory.getLogger(WorldPlanet.class);

  private WorldPlanet() {}

  /**
   * Blocks the calling (start-up) thread until the planet is available; the store's load and save
   * are each tried as {@code retry} says (a database slow to answer on a busy machine).
   */
  static Planet loadOrGenerate(TerrainStore store, WorldSettings world, StartRetry retry) {
    var stored =
        retry.run(
            "loading world planet " + world.planetId() + " from the terrain store",
            () -> store.load(world.planetId()).toCompletableFuture().join());
    if (stored.isPresent()) {
      log.info("world planet {} loaded from the terrain store", world.planetId());
      return stored.get().toPlanet();
    }
    long start = System.nanoTime();
    PlanetConfig config =
        new PlanetConfig(
            "World " + world.seed(),
            PlanetConfig.DEFAULT_RADIUS_METERS,
            PlanetConfig.DEFAULT_PLATE_COUNT,
            PlanetConfig.DEFAULT_OCEAN_COVERAGE,
            world.seed(),
            ClimateConfig.EARTH_LIKE,
            world.terrainLevel());
    Planet planet = new PlanetGenerator().generate(config);
    retry.run(
        "storing world planet " + world.planetId() + " in the terrain store",
        () -> store.save(world.planetId(), config, planet.samples()).toCompletableFuture().join());
    log.info(
        "world planet {} generated and stored in {} ms",
        world.planetId(),
        (System.nanoTime() - start) / 1_000_000);
    return planet;
  }
}
