package org.bluemarble.node;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.Done;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.bluemarble.config.BlueMarbleSettings;
import org.bluemarble.edge.AuthComponents;
import org.bluemarble.planet.Planet;
import org.bluemarble.player.Player;
import org.bluemarble.presence.NodePlayPort;
import org.bluemarble.presence.PresenceLease;
import org.bluemarble.spatial.Sphere;
import org.bluemarble.zone.ZoneCell;
import org.bluemarble.zone.ZoneConfig;

/**
 * The world of one node: the world planet (loaded from the terrain store or generated), the zone
 * cells on it, the characters and their presences, and the planet API's service.
 *
 * @param terrain the terrain store and its health check (MongoDB behind its breaker, or H2)
 * @param planet the world's planet
 * @param ground terrain heights and biomes of the world planet
 * @param admin the world as the admin API sees it
 * @param play entering, moving in and leaving the world
 * @param planets the planet API (generation, polygons, projections, quotas, webhooks)
 * @param entityKeys the sharded entity types started here
 */
record World(
    TerrainStores.Opened terrain,
    Planet planet,
    PlanetTerrain ground,
    WorldAdmin admin,
    NodePlayPort play,
    PlanetService planets,
    List<EntityTypeKey<?>> entityKeys) {

  /** Starts the characters, the zone cells on the world planet and the planet service. */
  static World init(
      ActorSystem<?> system,
      BlueMarbleSettings settings,
      Optional<redis.clients.jedis.UnifiedJedis> redis) {
    Player.init(system, settings.persistence().slices());
    TerrainStores.Opened terrain = TerrainStores.open(system, settings);
    Planet world =
        WorldPlanet.loadOrGenerate(
            terrain.store(),
            settings.world(),
            StartRetry.sleeping(
                settings.terrain().startAttempts(),
                settings.terrain().startBackoff(),
                org.slf4j.LoggerFactory.getLogger(WorldPlanet.class)));
    ZoneConfig zone =
        ZoneConfig.fromConfig(
            system.settings().config().getConfig("bluemarble.zone"),
            new Sphere(world.config().radiusMeters()));
    PlanetTerrain ground = new PlanetTerrain(world.terrainQuery());
    ZoneCell.init(
        system,
        zone.deps(ground, settings.world().seed(), settings.persistence().slices())
            .withSanctuary(
                new org.bluemarble.combat.Sanctuary(
                    settings.world().spawnLatitudeDeg(),
                    settings.world().spawnLongitudeDeg(),
                    settings.world().sanctuaryRadiusMeters())),
        zone.placement());
    WorldAdmin admin =
        new WorldAdmin(
            system, settings.node().askTimeout(), settings.world(), world, zone.settings());
    NodePlayPort play =
        NodePlayPort.start(
            system,
            zone.settings(),
            ground,
            settings.world().spawnLatitudeDeg(),
            settings.world().spawnLongitudeDeg(),
            settings.edge().gracePeriod(),
            settings.edge().watchdog(),
            settings.node().askTimeout());
    return new World(
        terrain,
        world,
        ground,
        admin,
        play,
        planetService(system, settings, terrain, redis),
        List.of(Player.ENTITY_KEY, ZoneCell.ENTITY_KEY, PresenceLease.ENTITY_KEY));
  }

  /**
   * The planet API's generator and polygon pools, quotas (in Redis when the node has one, sharing
   * its client and breaker with auth) and webhooks, stopped by CoordinatedShutdown.
   */
  private static PlanetService planetService(
      ActorSystem<?> system,
      BlueMarbleSettings settings,
      TerrainStores.Opened terrain,
      Optional<redis.clients.jedis.UnifiedJedis> redis) {
    PlanetQuotas quotas =
        redis
            .map(
                client ->
                    PlanetQuotas.redis(
                        settings.planet(),
                        client,
                        AuthComponents.REDIS_PREFIX,
                        system.dispatchers().lookup(DispatcherSelector.blocking())))
            .orElseGet(() -> PlanetQuotas.inProcess(settings.planet()));
    PlanetWebhooks webhooks =
        new PlanetWebhooks(settings.planet().webhooks(), java.time.Clock.systemUTC());
    PlanetService planets =
        new PlanetService(
            settings.planet(),
            terrain.store(),
            settings.world().planetId(),
            quotas,
            webhooks,
            java.time.Clock.systemUTC());
    CoordinatedShutdown.get(system)
        .addTask(
            CoordinatedShutdown.PhaseServiceStop(),
            "stop-planet-generation",
            () -> {
              planets.close();
              webhooks.close();
              return CompletableFuture.completedFuture(Done.getInstance());
            });
    return planets;
  }
}
