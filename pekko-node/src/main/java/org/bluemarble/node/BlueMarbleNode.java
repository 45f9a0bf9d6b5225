package org.bluemarble.node;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.Done;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.management.javadsl.PekkoManagement;
import org.bluemarble.account.Account;
import org.bluemarble.account.AccountAdministration;
import org.bluemarble.account.AccountCharacters;
import org.bluemarble.account.AccountDirectory;
import org.bluemarble.account.BootstrapAdmin;
import org.bluemarble.account.ExternalLink;
import org.bluemarble.account.ExternalLogins;
import org.bluemarble.account.LoadTestAccounts;
import org.bluemarble.account.UsernameClaim;
import org.bluemarble.admin.AuditJournal;
import org.bluemarble.admin.AuditLog;
import org.bluemarble.admin.ClusterOperations;
import org.bluemarble.admin.NodeAdmin;
import org.bluemarble.auth.AuthSettings;
import org.bluemarble.auth.InMemoryRefreshTokenStore;
import org.bluemarble.auth.InMemorySessionStore;
import org.bluemarble.auth.KeyRingFiles;
import org.bluemarble.auth.LoginStateFile;
import org.bluemarble.config.BlueMarbleSettings;
import org.bluemarble.config.PersistenceSettings;
import org.bluemarble.edge.AuthComponents;
import org.bluemarble.edge.EdgeServer;
import org.bluemarble.edge.EdgeTls;
import org.bluemarble.edge.port.AccountAdminPort;
import org.bluemarble.edge.port.AccountPort;
import org.bluemarble.edge.port.AdminPort;
import org.bluemarble.edge.session.LiveGameSessions;
import org.bluemarble.edge.session.SessionSecurity;
import org.bluemarble.market.node.EconomyWiring;
import org.bluemarble.node.resilience.BreakerSettings;
import org.bluemarble.node.resilience.CircuitBreaker;
import org.bluemarble.node.resilience.Dependency;
import org.bluemarble.node.resilience.GuardedKafka;
import org.bluemarble.node.resilience.GuardedRedis;
import org.bluemarble.persistence.Databases;
import org.bluemarble.persistence.JournalSchema;
import org.bluemarble.persistence.terrain.TerrainStore;
import org.bluemarble.planet.Planet;
import org.bluemarble.player.Player;
import org.bluemarble.session.NodePlayPort;
import org.bluemarble.spatial.Sphere;
import org.bluemarble.stream.StreamProjections;
import org.bluemarble.stream.StreamSettings;
import org.bluemarble.zone.ZoneCell;
import org.bluemarble.zone.ZoneConfig;
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

  /** How often the health checks run for bluemarble_health_status (alerts wait 1 minute). */
  private static final Duration HEALTH_METRICS_INTERVAL = Duration.ofSeconds(15);

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
    ClusterJoin join = ClusterJoin.fromConfig(settings.config());
    join.joinSeeds(system, settings.node().seedNodes());
    startManagement(system);
    join.bootstrap(system);
    Player.init(system, settings.persistence().slices());
    Account.init(system, settings.persistence().slices());
    UsernameClaim.init(system, settings.persistence().slices());
    ExternalLink.init(system, settings.persistence().slices());
    org.bluemarble.social.Social.init(system, settings.persistence().slices());
    AccountDirectory accounts = new AccountDirectory(system, settings.node().askTimeout());
    Optional<NodeHealth.Redis> redis = redis(system, settings);
    AuthComponents auth = authComponents(system, settings, redis.map(NodeHealth.Redis::client));

    TerrainStores.Opened terrain = TerrainStores.open(system, settings);
    TerrainStore terrainStore = terrain.store();
    Planet world = WorldPlanet.loadOrGenerate(terrainStore, settings.world());
    ZoneConfig zone =
        ZoneConfig.fromConfig(
            system.settings().config().getConfig("bluemarble.zone"),
            new Sphere(world.config().radiusMeters()));
    PlanetTerrain ground = new PlanetTerrain(world.terrainQuery());
    WorldAdmin worldAdmin = startWorld(system, settings, world, ground, zone);
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
    EconomyWiring economy =
        EconomyWiring.start(system, settings.persistence().slices(), settings.config());
    GameEdges gameEdges =
        GameEdges.start(
            system,
            settings,
            play,
            auth.tokens(),
            economy.port(),
            sessionSecurity(system, settings, auth));
    EdgeMetrics.start(system, gameEdges);
    PlanetService planets =
        startPlanetService(system, settings, terrainStore, redis.map(NodeHealth.Redis::client));
    List<Dependency> dependencies = new ArrayList<>();
    redis.ifPresent(r -> dependencies.add(redisHealth(system, r)));
    terrain.health().ifPresent(dependencies::add);
    // The event stream's producers send through this (its breaker); /health probes it.
    Optional<GuardedKafka> kafka = KafkaConnection.open(system, settings.config());
    kafka.ifPresent(k -> dependencies.add(k.health()));
    NodeHealth health =
        new NodeHealth(system, pool, HealthSettings.fromConfig(settings.config()), dependencies);
    if (settings.metrics().enabled()) {
      HealthMetrics.start(system, health, HEALTH_METRICS_INTERVAL);
    }
    StreamProjections.ReadModels readModels =
        StreamProjections.start(
            system, StreamSettings.fromConfig(settings.config()), settings.persistence());
    org.bluemarble.replay.Replay journal =
        org.bluemarble.replay.NodeJournal.replayOf(system, settings);
    NodeGamePort game =
        new NodeGamePort(
            new PlayerAdmin(system, settings.node().askTimeout(), settings.persistence().slices()),
            planets,
            health,
            accounts,
            worldAdmin,
            play,
            economy.port(),
            startAdmin(system, settings, accounts, ground, auth, economy, readModels, journal),
            new ExternalLogins(system, accounts, settings.node().askTimeout()),
            new org.bluemarble.chat.NodeSocialPort(system, settings.node().askTimeout()));
    Optional<EdgeTls> tls;
    try {
      tls = EdgeTls.fromConfig(settings.config());
      tls.ifPresent(EdgeTls::context);
    } catch (IllegalArgumentException e) {
      throw new StartupException(e.getMessage(), e);
    }
    EdgeServer.Settings edge =
        new EdgeServer.Settings(
            settings.node().bindHost(), settings.node().httpPort(), true, version);
    try {
      new EdgeServer(edge, game, auth, gameEdges.ws(), economy.payments())
          .start(system, tls)
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
    try {
      org.bluemarble.replay.NodeJournal.serveGrpc(system, settings, journal, auth.tokens());
    } catch (IllegalStateException e) {
      throw new StartupException(e.getMessage(), e);
    }
    markEdgesBound(system);
    bootstrapAdmin(system, settings, accounts, auth);
    org.apache.pekko.cluster.Cluster.get(Adapter.toClassic(system))
        .registerOnMemberUp(
            () ->
                log.info(
                    "node ready: member Up at {}, {} ms after JVM start",
                    system.address(),
                    System.currentTimeMillis()
                        - ManagementFactory.getRuntimeMXBean().getStartTime()));
  }

  /**
   * Reports the node ready ({@link EdgeReadiness}) now that HTTP, WebSocket and UDP listen, and not
   * ready as soon as shutdown begins, before the listeners unbind.
   */
  private static void markEdgesBound(ActorSystem<?> system) {
    EdgeReadiness.Edges edges = EdgeReadiness.Edges.get(system);
    CoordinatedShutdown.get(system)
        .addTask(
            CoordinatedShutdown.PhaseBeforeServiceUnbind(),
            "mark-edges-unbinding",
            () -> {
              edges.markUnbinding();
              return CompletableFuture.completedFuture(Done.getInstance());
            });
    edges.markBound();
  }

  /** Starts zone-cell sharding on the world planet. */
  private static WorldAdmin startWorld(
      ActorSystem<?> system,
      BlueMarbleSettings settings,
      Planet world,
      PlanetTerrain ground,
      ZoneConfig zone) {
    ZoneCell.init(
        system,
        zone.deps(ground, settings.world().seed(), settings.persistence().slices()),
        zone.placement());
    return new WorldAdmin(
        system, settings.node().askTimeout(), settings.world(), world, zone.settings());
  }

  /** Audit log, account administration, cluster operations and load-test accounts. */
  private static AdminPort startAdmin(
      ActorSystem<?> system,
      BlueMarbleSettings settings,
      AccountPort accounts,
      PlanetTerrain ground,
      AuthComponents auth,
      EconomyWiring economy,
      StreamProjections.ReadModels readModels,
      org.bluemarble.replay.Replay journal) {
    Duration timeout = settings.node().askTimeout();
    AuditLog.init(system);
    LoadTestAccounts loadTest =
        new LoadTestAccounts(
            system,
            accounts,
            new AccountCharacters(system, timeout),
            new AccountAdminPort.GeoPosition(
                settings.world().spawnLatitudeDeg(), settings.world().spawnLongitudeDeg()),
            ground::elevationMeters);
    boolean loadTestOn = settings.config().getBoolean("bluemarble.admin.load-test-accounts");
    AuditJournal audit = new AuditJournal(system, timeout, readModels.audit());
    return new NodeAdmin(
        audit,
        new AccountAdministration(
            system,
            timeout,
            loadTest,
            loadTestOn,
            audit,
            accountId ->
                CompletableFuture.supplyAsync(
                    () -> auth.logins().endAll(accountId), auth.blocking()),
            economy.accountRecords()),
        new ClusterOperations(
            system,
            List.of(
                Account.ENTITY_KEY,
                UsernameClaim.ENTITY_KEY,
                ExternalLink.ENTITY_KEY,
                Player.ENTITY_KEY,
                ZoneCell.ENTITY_KEY,
                AuditLog.ENTITY_KEY,
                org.bluemarble.market.entity.Holdings.ENTITY_KEY,
                org.bluemarble.market.entity.Market.ENTITY_KEY,
                org.bluemarble.market.entity.Trade.ENTITY_KEY,
                org.bluemarble.market.entity.Treasury.ENTITY_KEY,
                org.bluemarble.market.entity.OrderBookEntity.ENTITY_KEY,
                org.bluemarble.market.entity.AuctionHouse.ENTITY_KEY,
                org.bluemarble.session.PresenceLease.ENTITY_KEY),
            timeout),
        readModels.analytics(),
        new org.bluemarble.chat.NodeChatAdmin(system, timeout),
        org.bluemarble.replay.NodeJournal.start(system, journal));
  }

  /**
   * The planet API's generator and polygon pools, quotas (in Redis when the node has one) and
   * webhooks, stopped by CoordinatedShutdown.
   */
  private static PlanetService startPlanetService(
      ActorSystem<?> system,
      BlueMarbleSettings settings,
      TerrainStore terrainStore,
      Optional<redis.clients.jedis.UnifiedJedis> redis) {
    // With Redis, quotas share the node's one client (behind its circuit breaker) with auth.
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
            terrainStore,
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

  /**
   * The Redis client of sessions, refresh tokens and rate limits behind its circuit breaker, when
   * {@code bluemarble.auth.redis-url} is set.
   */
  /** How long the Redis health check waits for a PING. */
  private static final Duration REDIS_PING_DEADLINE = Duration.ofSeconds(1);

  /** Redis's health check: a PING (through the breaker) on the blocking dispatcher. */
  private static Dependency redisHealth(ActorSystem<?> system, NodeHealth.Redis redis) {
    Executor blocking = system.dispatchers().lookup(DispatcherSelector.blocking());
    return new Dependency(
        "redis",
        redis.breaker(),
        () -> CompletableFuture.supplyAsync(() -> redis.client().ping(), blocking),
        REDIS_PING_DEADLINE,
        "logins and token refreshes refused");
  }

  private static Optional<NodeHealth.Redis> redis(
      ActorSystem<?> system, BlueMarbleSettings settings) {
    String redisUrl = settings.config().getString("bluemarble.auth.redis-url");
    if (redisUrl.isBlank()) {
      return Optional.empty();
    }
    CircuitBreaker breaker;
    redis.clients.jedis.UnifiedJedis redis;
    try {
      breaker = new CircuitBreaker("redis", BreakerSettings.fromConfig(settings.config()));
      redis = GuardedRedis.connect(java.net.URI.create(redisUrl), breaker);
    } catch (org.bluemarble.config.SettingsException e) {
      throw new StartupException(e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new StartupException(
          "invalid bluemarble.auth.redis-url / BLUEMARBLE_REDIS_URL '"
              + redisUrl
              + "': "
              + rootMessage(e),
          e);
    }
    CoordinatedShutdown.get(system)
        .addTask(
            CoordinatedShutdown.PhaseBeforeActorSystemTerminate(),
            "close-redis",
            () -> {
              redis.close();
              return CompletableFuture.completedFuture(Done.getInstance());
            });
    return Optional.of(new NodeHealth.Redis(redis, breaker));
  }

  /** Reads {@code bluemarble.auth}; Argon2 and token-store calls run on the blocking dispatcher. */
  private static AuthComponents authComponents(
      ActorSystem<?> system,
      BlueMarbleSettings settings,
      Optional<redis.clients.jedis.UnifiedJedis> redis) {
    AuthSettings auth;
    try {
      auth = AuthSettings.fromConfig(settings.config().getConfig("bluemarble.auth"));
      // Without a configured key file (never in production, which requires one) the key lives in
      // the data directory, so a restart does not log everyone out.
      auth = auth.withKeys(KeyRingFiles.persistedIn(auth.keys(), settings.node().dataDir()));
    } catch (RuntimeException e) {
      throw new StartupException("invalid auth settings: " + rootMessage(e), e);
    }
    Executor blocking = system.dispatchers().lookup(DispatcherSelector.blocking());
    if (redis.isEmpty()) {
      return embeddedAuth(system, settings, auth, blocking);
    }
    return AuthComponents.redis(auth, redis.get(), blocking, settings.node().askTimeout());
  }

  /**
   * Game sessions end with their login session: at once for revocations made on this node, within
   * {@code bluemarble.auth.game-session-recheck} for those made on another (a periodic re-check on
   * the blocking executor).
   */
  private static SessionSecurity sessionSecurity(
      ActorSystem<?> system, BlueMarbleSettings settings, AuthComponents auth) {
    String key = "bluemarble.auth.game-session-recheck";
    Duration every = settings.config().getDuration(key);
    if (every.compareTo(Duration.ofMillis(100)) < 0
        || every.compareTo(Duration.ofMinutes(10)) > 0) {
      throw new StartupException(key + " must be in [100ms, 10m], was " + every, null);
    }
    LiveGameSessions live = new LiveGameSessions();
    auth.logins().addEndListener(live);
    system
        .scheduler()
        .scheduleWithFixedDelay(
            every,
            every,
            () -> {
              try {
                live.recheck(auth.logins().sessions(), Instant.now());
              } catch (RuntimeException e) {
                system.log().warn("game session re-check failed: {}", e.toString());
              }
            },
            scala.concurrent.ExecutionContext.fromExecutor(auth.blocking()));
    return new SessionSecurity(
        live,
        auth.logins().sessions(),
        auth.limiter(),
        auth.blocking(),
        java.time.Clock.systemUTC());
  }

  /**
   * In-process sessions and refresh tokens, saved to the data directory when the node stops and
   * restored at start (see {@link LoginStateFile}).
   */
  private static AuthComponents embeddedAuth(
      ActorSystem<?> system, BlueMarbleSettings settings, AuthSettings auth, Executor blocking) {
    InMemorySessionStore sessions = new InMemorySessionStore();
    InMemoryRefreshTokenStore refresh = new InMemoryRefreshTokenStore();
    LoginStateFile state = new LoginStateFile(settings.node().dataDir());
    try {
      int restored = state.restore(sessions, refresh, Instant.now());
      system.log().info("restored {} login sessions from {}", restored, LoginStateFile.NAME);
    } catch (IOException | RuntimeException e) {
      system.log().warn("cannot restore login sessions ({}); players log in again", e.toString());
    }
    CoordinatedShutdown.get(system)
        .addTask(
            CoordinatedShutdown.PhaseServiceStop(),
            "save-login-sessions",
            () ->
                CompletableFuture.supplyAsync(
                    () -> {
                      try {
                        state.save(sessions, refresh, Instant.now());
                      } catch (IOException e) {
                        system.log().warn("cannot save login sessions: {}", e.toString());
                      }
                      return Done.getInstance();
                    },
                    blocking));
    return AuthComponents.embedded(auth, sessions, refresh, blocking, settings.node().askTimeout());
  }

  /**
   * Creates the BLUEMARBLE_BOOTSTRAP_ADMIN account in the background if its name is free; the node
   * reports ready only afterwards.
   */
  private static void bootstrapAdmin(
      ActorSystem<?> system,
      BlueMarbleSettings settings,
      AccountDirectory accounts,
      AuthComponents auth) {
    Optional<BootstrapAdmin.Credentials> admin;
    try {
      admin = BootstrapAdmin.parse(settings.config().getString("bluemarble.auth.bootstrap-admin"));
    } catch (IllegalArgumentException e) {
      throw new StartupException(e.getMessage(), e);
    }
    admin.ifPresent(
        credentials ->
            BootstrapAdmin.ensureInBackground(
                system, credentials, accounts, auth.hasher(), auth.blocking()));
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
