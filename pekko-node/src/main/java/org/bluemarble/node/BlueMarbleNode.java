package org.bluemarble.node;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.management.javadsl.PekkoManagement;
import org.bluemarble.account.ExternalLogins;
import org.bluemarble.config.BlueMarbleSettings;
import org.bluemarble.edge.port.AdminPort;
import org.bluemarble.market.node.EconomySettings;
import org.bluemarble.market.node.EconomyWiring;
import org.bluemarble.node.resilience.Dependency;
import org.bluemarble.node.resilience.GuardedKafka;
import org.bluemarble.replay.NodeJournal;
import org.bluemarble.replay.Replay;
import org.bluemarble.shred.Shredding;
import org.bluemarble.stream.StreamProjections;
import org.bluemarble.stream.StreamSettings;

/**
 * The composition root of one node, read top to bottom: the journal's database, cluster membership,
 * then each part of the game ({@link Accounts}, {@link World}, the economy, the event stream,
 * {@link Administration}), each returning what the next needs and the entity types it started, and
 * last the {@link Edges}, so the node reports ready only once everything behind them runs. Every
 * listener and pool is released by a CoordinatedShutdown task. Tests call {@link #init} on their
 * own ActorSystems.
 */
public final class BlueMarbleNode {
  /** How often the health checks run for bluemarble_health_status (alerts wait 1 minute). */
  private static final Duration HEALTH_METRICS_INTERVAL = Duration.ofSeconds(15);

  private BlueMarbleNode() {}

  /** Starts every part of the node on {@code system}; returns when the edges are bound. */
  public static void init(ActorSystem<?> system, BlueMarbleSettings settings, String version) {
    HikariDataSource pool = JournalDatabase.open(system, settings.persistence());
    Shredding.installJdbc(system, settings.persistence());
    joinCluster(system, settings);

    Accounts accounts = Accounts.init(system, settings);
    World world = World.init(system, settings, accounts.redis().map(NodeHealth.Redis::client));
    EconomyWiring economy =
        EconomyWiring.start(
            system, settings.persistence().slices(), EconomySettings.fromConfig(settings.config()));
    GameEdges gameEdges = Edges.startGame(system, settings, accounts, world, economy);
    // The event stream's producers send through this (its breaker); /health probes it.
    Optional<GuardedKafka> kafka = KafkaConnection.open(system, settings.config());
    NodeHealth health = health(system, settings, pool, accounts, world, kafka);
    StreamProjections.ReadModels readModels =
        StreamProjections.start(
            system,
            StreamSettings.fromConfig(settings.config()),
            settings.persistence(),
            kafka,
            accounts.redis().map(NodeHealth.Redis::client));
    economy.useSalesIndex(readModels.sales());
    Replay journal = NodeJournal.replayOf(system, settings);
    List<EntityTypeKey<?>> entityKeys =
        Stream.of(
                accounts.entityKeys(),
                world.entityKeys(),
                EconomyWiring.ENTITY_KEYS,
                Administration.ENTITY_KEYS)
            .flatMap(List::stream)
            .toList();
    AdminPort admin =
        Administration.start(
            system, settings, accounts, world, economy, readModels, journal, entityKeys);

    NodeGamePort game =
        new NodeGamePort(
            new PlayerAdmin(
                system,
                settings.node().askTimeout(),
                settings.persistence().slices(),
                readModels.players()::search),
            world.planets(),
            health,
            accounts.directory(),
            world.admin(),
            world.play(),
            economy.port(),
            admin,
            new ExternalLogins(system, accounts.directory(), settings.node().askTimeout()),
            readModels.leaderboards(),
            new org.bluemarble.chat.NodeSocialPort(system, settings.node().askTimeout()));
    Edges.bind(system, settings, version, game, accounts, gameEdges, economy, journal);
    accounts.bootstrapAdmin(system);
    Edges.logWhenUp(system);
  }

  /** Joins the seed nodes or bootstraps through discovery, with Pekko Management's routes. */
  private static void joinCluster(ActorSystem<?> system, BlueMarbleSettings settings) {
    ClusterJoin join = ClusterJoin.fromConfig(settings.config());
    join.joinSeeds(system, settings.node().seedNodes());
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
    join.bootstrap(system);
  }

  /**
   * {@code /health}: the journal plus every dependency the node has (Redis, the terrain store,
   * Kafka), each behind its circuit breaker; exported as a metric when metrics are on.
   */
  private static NodeHealth health(
      ActorSystem<?> system,
      BlueMarbleSettings settings,
      HikariDataSource pool,
      Accounts accounts,
      World world,
      Optional<GuardedKafka> kafka) {
    List<Dependency> dependencies = new ArrayList<>();
    accounts.redisHealth(system).ifPresent(dependencies::add);
    world.terrain().health().ifPresent(dependencies::add);
    kafka.ifPresent(k -> dependencies.add(k.health()));
    NodeHealth health =
        new NodeHealth(system, pool, HealthSettings.fromConfig(settings.config()), dependencies);
    if (settings.metrics().enabled()) {
      HealthMetrics.start(system, health, HEALTH_METRICS_INTERVAL);
    }
    return health;
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
