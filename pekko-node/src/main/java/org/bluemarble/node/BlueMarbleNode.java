package org.bluemarble.node;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.Done;
import org.apache.pekko.actor.Address;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;
import org.apache.pekko.cluster.typed.JoinSeedNodes;
import org.apache.pekko.management.javadsl.PekkoManagement;
import org.bluemarble.account.Account;
import org.bluemarble.account.AccountDirectory;
import org.bluemarble.account.BootstrapAdmin;
import org.bluemarble.account.UsernameClaim;
import org.bluemarble.auth.AuthSettings;
import org.bluemarble.config.BlueMarbleSettings;
import org.bluemarble.config.HostPort;
import org.bluemarble.config.PersistenceSettings;
import org.bluemarble.edge.AuthComponents;
import org.bluemarble.edge.EdgeServer;
import org.bluemarble.edge.port.AccountPort;
import org.bluemarble.persistence.Databases;
import org.bluemarble.persistence.JournalSchema;
import org.bluemarble.persistence.terrain.TerrainStore;
import org.bluemarble.planet.Planet;
import org.bluemarble.player.Player;
import org.bluemarble.session.NodePlayPort;
import org.bluemarble.spatial.Sphere;
import org.bluemarble.zone.ZoneCell;
import org.bluemarble.zone.ZoneCellDeps;
import org.bluemarble.zone.ZoneSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires one node, in order: journal schema, cluster membership, management, entities, then the
 * edge. Every listener and pool is released by a CoordinatedShutdown task. Tests call {@link #init}
 * on their own ActorSystems.
 */
public final class BlueMarbleNode {
  private static final Logger log = LoggerFactory.getLogger(BlueMarbleNode.class);
  private static final Duration MIGRATION_PATIENCE = Duration.ofSeconds(60);

  private BlueMarbleNode() {}

  /** Starts every part of the node on {@code system}; returns when the HTTP edge is bound. */
  public static void init(ActorSystem<?> system, BlueMarbleSettings settings, String version) {
    HikariDataSource pool = Databases.pool(settings.persistence(), "node", 2);
    CoordinatedShutdown.get(system)
        .addTask(
            CoordinatedShutdown.PhaseBeforeActorSystemTerminate(),
            "close-node-pool",
            () -> {
              pool.close();
              return CompletableFuture.completedFuture(Done.getInstance());
            });
    migrate(settings.persistence(), pool);
    joinCluster(system, settings.node().seedNodes());
    startManagement(system);
    Player.init(system, settings.persistence().slices());
    Account.init(system, settings.persistence().slices());
    UsernameClaim.init(system, settings.persistence().slices());
    AccountDirectory accounts = new AccountDirectory(system, settings.node().askTimeout());
    AuthComponents auth = authComponents(system, settings);

    TerrainStore terrainStore = TerrainStores.open(system, settings);
    Planet world = WorldPlanet.loadOrGenerate(terrainStore, settings.world());
    ZoneSettings zone = ZoneSettings.defaults(new Sphere(world.config().radiusMeters()));
    WorldAdmin worldAdmin = startWorld(system, settings, world, zone);
    NodePlayPort play =
        NodePlayPort.start(
            system,
            zone,
            new PlanetTerrain(world.terrainQuery()),
            settings.world().spawnLatitudeDeg(),
            settings.world().spawnLongitudeDeg(),
            settings.edge().gracePeriod(),
            settings.edge().watchdog(),
            settings.node().askTimeout());
    GameEdges gameEdges = GameEdges.start(system, settings, play, auth.tokens());
    PlanetService planets = startPlanetService(system, settings, terrainStore);
    NodeGamePort game =
        new NodeGamePort(
            new PlayerAdmin(system, settings.node().askTimeout()),
            planets,
            new NodeHealth(system, pool),
            accounts,
            worldAdmin,
            play);
    EdgeServer.Settings edge =
        new EdgeServer.Settings(
            settings.node().bindHost(),
            settings.node().httpPort(),
            settings.node().loopbackOnly(),
            version);
    try {
      new EdgeServer(edge, game, auth, gameEdges.ws())
          .start(system)
          .toCompletableFuture()
          .get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new StartupException(
          "cannot listen for HTTP on "
              + edge.host()
              + ":"
              + edge.port()
              + " (bluemarble.node.http-port / BLUEMARBLE_HTTP_PORT): "
              + rootMessage(e),
          e);
    }
    bootstrapAdmin(settings, accounts, auth);
    org.apache.pekko.cluster.Cluster.get(Adapter.toClassic(system))
        .registerOnMemberUp(
            () ->
                log.info(
                    "node ready: member Up at {}, {} ms after JVM start",
                    system.address(),
                    System.currentTimeMillis()
                        - ManagementFactory.getRuntimeMXBean().getStartTime()));
  }

  /** Starts zone-cell sharding on the world planet. */
  private static WorldAdmin startWorld(
      ActorSystem<?> system, BlueMarbleSettings settings, Planet world, ZoneSettings zone) {
    ZoneCell.init(
        system,
        ZoneCellDeps.of(
            zone,
            new PlanetTerrain(world.terrainQuery()),
            settings.world().seed(),
            settings.persistence().slices()));
    return new WorldAdmin(system, settings.node().askTimeout(), settings.world(), world, zone);
  }

  /** The planet API's generator pool, stopped by CoordinatedShutdown. */
  private static PlanetService startPlanetService(
      ActorSystem<?> system, BlueMarbleSettings settings, TerrainStore terrainStore) {
    PlanetService planets = new PlanetService(settings.planet(), terrainStore);
    CoordinatedShutdown.get(system)
        .addTask(
            CoordinatedShutdown.PhaseServiceStop(),
            "stop-planet-generation",
            () -> {
              planets.close();
              return CompletableFuture.completedFuture(Done.getInstance());
            });
    return planets;
  }

  /** Reads {@code bluemarble.auth}; Argon2 and token-store calls run on the blocking dispatcher. */
  private static AuthComponents authComponents(ActorSystem<?> system, BlueMarbleSettings settings) {
    AuthSettings auth;
    try {
      auth = AuthSettings.fromConfig(settings.config().getConfig("bluemarble.auth"));
    } catch (RuntimeException e) {
      throw new StartupException("invalid auth settings: " + rootMessage(e), e);
    }
    Executor blocking = system.dispatchers().lookup(DispatcherSelector.blocking());
    return AuthComponents.embedded(auth, blocking, settings.node().askTimeout());
  }

  /** Creates the BLUEMARBLE_BOOTSTRAP_ADMIN account in the background if its name is free. */
  private static void bootstrapAdmin(
      BlueMarbleSettings settings, AccountDirectory accounts, AuthComponents auth) {
    Optional<BootstrapAdmin.Credentials> admin;
    try {
      admin = BootstrapAdmin.parse(settings.config().getString("bluemarble.auth.bootstrap-admin"));
    } catch (IllegalArgumentException e) {
      throw new StartupException(e.getMessage(), e);
    }
    admin.ifPresent(
        credentials ->
            BootstrapAdmin.ensure(credentials, accounts, auth.hasher(), auth.blocking())
                .whenComplete(
                    (result, failure) -> {
                      if (failure != null) {
                        log.error(
                            "cannot create the bootstrap admin {}: {}",
                            credentials.username(),
                            rootMessage(failure));
                      } else if (result instanceof AccountPort.Registered r) {
                        log.info("bootstrap admin {} created as {}", r.username(), r.accountId());
                      } else {
                        log.info(
                            "bootstrap admin {} exists already; left unchanged",
                            credentials.username());
                      }
                    }));
  }

  /**
   * Creates the H2 data directory if needed and brings the schema up to date, waiting for a
   * database that starts late.
   */
  private static void migrate(PersistenceSettings settings, HikariDataSource pool) {
    if (settings.dialect() == PersistenceSettings.Dialect.H2
        && settings.url().startsWith("jdbc:h2:file:")) {
      String path = settings.url().substring("jdbc:h2:file:".length()).split(";")[0];
      try {
        Files.createDirectories(java.nio.file.Path.of(path).toAbsolutePath().getParent());
      } catch (IOException e) {
        throw new StartupException(
            "cannot create the data directory for " + path + " (BLUEMARBLE_DATA_DIR): " + e, e);
      }
    }
    long deadline = System.nanoTime() + MIGRATION_PATIENCE.toNanos();
    while (true) {
      try {
        int applied = JournalSchema.migrate(settings, pool);
        log.info(
            "journal schema current at {} ({} migrations applied now)", settings.url(), applied);
        return;
      } catch (RuntimeException e) {
        if (System.nanoTime() > deadline) {
          throw new StartupException(
              "cannot prepare the journal database "
                  + settings.url()
                  + " (bluemarble.persistence.url): "
                  + rootMessage(e),
              e);
        }
        log.warn("journal database not ready yet ({}); retrying", rootMessage(e));
        try {
          Thread.sleep(2_000);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw new StartupException("interrupted while waiting for the journal database", ie);
        }
      }
    }
  }

  private static void joinCluster(ActorSystem<?> system, List<HostPort> seeds) {
    Cluster cluster = Cluster.get(system);
    if (seeds.isEmpty()) {
      cluster.manager().tell(Join.create(cluster.selfMember().address()));
      return;
    }
    List<Address> addresses =
        seeds.stream().map(s -> new Address("pekko", system.name(), s.host(), s.port())).toList();
    cluster.manager().tell(new JoinSeedNodes(addresses));
  }

  private static void startManagement(ActorSystem<?> system) {
    try {
      PekkoManagement.get(Adapter.toClassic(system))
          .start()
          .toCompletableFuture()
          .get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new StartupException(
          "cannot start management (bluemarble.node.management-port / BLUEMARBLE_MANAGEMENT_PORT): "
              + rootMessage(e),
          e);
    }
  }

  static String rootMessage(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return (message == null ? root.getClass().getSimpleName() : message).replaceAll("\\s+", " ");
  }
}
