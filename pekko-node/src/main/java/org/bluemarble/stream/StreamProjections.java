package org.bluemarble.stream;

import com.typesafe.config.Config;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.pekko.Done;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.cluster.sharding.typed.ShardedDaemonProcessSettings;
import org.apache.pekko.cluster.sharding.typed.javadsl.ShardedDaemonProcess;
import org.apache.pekko.persistence.jdbc.query.javadsl.JdbcReadJournal;
import org.apache.pekko.persistence.query.Offset;
import org.apache.pekko.projection.Projection;
import org.apache.pekko.projection.ProjectionBehavior;
import org.apache.pekko.projection.ProjectionId;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.eventsourced.javadsl.EventSourcedProvider;
import org.apache.pekko.projection.javadsl.SourceProvider;
import org.apache.pekko.projection.jdbc.javadsl.JdbcHandler;
import org.apache.pekko.projection.jdbc.javadsl.JdbcProjection;
import org.bluemarble.admin.AuditIndex;
import org.bluemarble.admin.AuditLog;
import org.bluemarble.config.PersistenceSettings;
import org.bluemarble.config.SettingsReader;
import org.bluemarble.edge.port.AnalyticsPort;
import org.bluemarble.edge.port.LeaderboardPort;
import org.bluemarble.market.MarketSettings;
import org.bluemarble.market.node.EconomySettings;
import org.bluemarble.market.node.SalesIndex;
import org.bluemarble.market.treasury.Treasury;
import org.bluemarble.node.EntityTags;
import org.bluemarble.node.PlayerIndex;
import org.bluemarble.node.resilience.GuardedKafka;
import org.bluemarble.persistence.Databases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.UnifiedJedis;

/**
 * Starts the event stream's projections: one per journal tag (entity type and slice, plus the audit
 * log's tag), each a sharded daemon process so the cluster keeps every one running on some node
 * when a node leaves. Offsets live in the journal's database (projection-jdbc, table {@code
 * pekko_projection_offset_store}, created at start like the journal's schema).
 */
public final class StreamProjections {
  private static final Logger log = LoggerFactory.getLogger(StreamProjections.class);

  /** The sharded entity types whose events carry slice tags ({@link EntityTags}). */
  static final List<String> SLICED_ENTITY_TYPES =
      List.of(
          "Account",
          "UsernameClaim",
          "ExternalLink",
          "Player",
          "ZoneCell",
          "Market",
          "OrderBook",
          "AuctionHouse",
          "Trade",
          "Holdings",
          "Guild",
          "SocialList",
          "GroupHistory");

  private static final Duration SETUP_PATIENCE = Duration.ofSeconds(60);

  /**
   * The sales and player-stats read models apply up to this many events in one transaction (rows
   * and offset together, still exactly once), waiting at most {@link #READ_MODEL_GROUP_WITHIN} for
   * a group to fill.
   */
  static final int READ_MODEL_GROUP = 200;

  static final Duration READ_MODEL_GROUP_WITHIN = Duration.ofMillis(20);

  private StreamProjections() {}

  /** Every tag the stream reads: each sliced entity type's slices, and the audit log. */
  public static List<String> tags(int slices) {
    List<String> tags = new ArrayList<>();
    for (String type : SLICED_ENTITY_TYPES) {
      for (int slice = 0; slice < slices; slice++) {
        tags.add(type.toLowerCase(Locale.ROOT) + "-" + slice);
      }
    }
    tags.add(AuditLog.TAG);
    tags.add(Treasury.TAG);
    return tags;
  }

  /**
   * Starts the audit log's read model and, when {@code stream} turns it on, the Kafka stream;
   * blocks until the offset and read-model tables exist, like the journal's migration at start.
   * Returns the read models ({@link AuditIndex#NONE} and {@link AnalyticsPort#OFF} if their tables
   * cannot be created while Kafka is off: the audit log is then read from the journal).
   */
  public static ReadModels start(
      ActorSystem<?> system, StreamSettings stream, PersistenceSettings persistence) {
    return start(system, stream, persistence, Optional.empty(), Optional.empty());
  }

  /**
   * As {@link #start(ActorSystem, StreamSettings, PersistenceSettings)}, the Kafka producer sending
   * through {@code kafka}'s breaker and within its deadline when given (the node's {@code
   * bluemarble.kafka}, whose breaker {@code /health} shows), and the leaderboards in {@code redis}
   * (the node's client, behind its circuit breaker) when there is one, else read from the read
   * model's tables.
   */
  public static ReadModels start(
      ActorSystem<?> system,
      StreamSettings stream,
      PersistenceSettings persistence,
      Optional<GuardedKafka> kafka,
      Optional<UnifiedJedis> redis) {
    HikariDataSource pool = Databases.pool(persistence, "projections", stream.poolSize());
    Optional<EventPublisher> publisher =
        stream.kafkaEnabled() ? Optional.of(publisher(system, stream, kafka)) : Optional.empty();
    CoordinatedShutdown.get(system)
        .addTask(
            CoordinatedShutdown.PhaseBeforeActorSystemTerminate(),
            "close-stream",
            () ->
                publisher
                    .map(p -> p.close().exceptionally(e -> Done.getInstance()))
                    .orElseGet(() -> CompletableFuture.completedFuture(Done.getInstance()))
                    .thenApply(
                        d -> {
                          pool.close();
                          return d;
                        }));
    Supplier<PooledJdbcSession> sessions = () -> new PooledJdbcSession(pool);
    try {
      createOffsetTables(system, sessions);
      AuditReadModel.createTable(pool);
      SalesReadModel.createTables(pool);
      PlayerStatsReadModel.createTables(pool);
      if (stream.analyticsEnabled()) {
        AnalyticsReadModel.createTables(pool);
      }
    } catch (Exception e) {
      if (publisher.isPresent()) {
        throw new IllegalStateException("event stream: " + e.getMessage(), e);
      }
      log.error("read models off, the audit log is read from the journal: {}", e.toString());
      return new ReadModels(
          AuditIndex.NONE,
          AnalyticsPort.OFF,
          SalesIndex.NONE,
          PlayerIndex.NONE,
          LeaderboardPort.EMPTY);
    }
    Executor blocking =
        system
            .dispatchers()
            .lookup(
                DispatcherSelector.fromConfig("pekko.projection.jdbc.blocking-jdbc-dispatcher"));
    startAudit(system, sessions);
    Leaderboards.Sink boards = redis.map(Leaderboards::sink).orElse(Leaderboards.Sink.NONE);
    MarketSettings fees = EconomySettings.fromConfig(system.settings().config()).economy().fees();
    startGrouped(
        system,
        sessions,
        "market-sales",
        SalesReadModel.tags(persistence.slices()),
        tag -> SalesReadModel.handler(tag, fees, boards));
    List<String> playerTags = PlayerStatsReadModel.tags(persistence.slices());
    startGrouped(
        system,
        sessions,
        PlayerStatsReadModel.MODEL,
        playerTags,
        tag -> PlayerStatsReadModel.handler(tag, boards));
    PlayerStatsReadModel players = new PlayerStatsReadModel(pool, blocking, playerTags);
    if (stream.analyticsEnabled()) {
      startAnalytics(system, sessions, analyticsTags(persistence.slices()), stream.sessionGap());
    }
    publisher.ifPresent(p -> startKafka(system, stream, p, sessions, tags(persistence.slices())));
    return new ReadModels(
        new AuditReadModel(pool, blocking),
        stream.analyticsEnabled()
            ? new AnalyticsReadModel(
                pool, blocking, stream.sessionGap(), java.time.Clock.systemUTC())
            : AnalyticsPort.OFF,
        new SalesReadModel(pool, blocking),
        players::search,
        redis.<LeaderboardPort>map(r -> new Leaderboards(r, players, blocking)).orElse(players));
  }

  static EventPublisher publisher(
      ActorSystem<?> system, StreamSettings stream, Optional<GuardedKafka> kafka) {
    if (kafka.isEmpty()) {
      return new KafkaEventPublisher(system, stream.bootstrapServers());
    }
    GuardedKafka guarded = kafka.get();
    return new GuardedPublisher(
        new KafkaEventPublisher(system, stream.bootstrapServers(), guarded.deadline()),
        guarded.breaker());
  }

  /**
   * What the admin API, the market reads, the admin player search and the leaderboards read from
   * the projections' tables (and Redis).
   */
  public record ReadModels(
      AuditIndex audit,
      AnalyticsPort analytics,
      SalesIndex sales,
      PlayerIndex players,
      LeaderboardPort leaderboards) {}

  /**
   * One exactly-once read-model projection {@code name} per tag, grouped: a group of events (at
   * most {@link #READ_MODEL_GROUP}, waiting at most {@link #READ_MODEL_GROUP_WITHIN}) and its
   * offset in one transaction.
   */
  static void startGrouped(
      ActorSystem<?> system,
      Supplier<PooledJdbcSession> sessions,
      String name,
      List<String> tags,
      Function<String, JdbcHandler<List<EventEnvelope<Object>>, PooledJdbcSession>> handler) {
    ShardedDaemonProcess.get(system)
        .init(
            ProjectionBehavior.Command.class,
            name,
            tags.size(),
            i -> {
              String tag = tags.get(i);
              SourceProvider<Offset, EventEnvelope<Object>> source =
                  EventSourcedProvider.eventsByTag(
                      system, readModelJournal(system.settings().config()), tag);
              return ProjectionBehavior.create(
                  JdbcProjection.groupedWithin(
                          ProjectionId.of(name, tag),
                          source,
                          sessions,
                          () -> handler.apply(tag),
                          system)
                      .withGroup(READ_MODEL_GROUP, READ_MODEL_GROUP_WITHIN)
                      .withRestartBackoff(Duration.ofSeconds(1), Duration.ofSeconds(30), 0.2));
            },
            ShardedDaemonProcessSettings.create(system),
            Optional.of(ProjectionBehavior.stopMessage()));
  }

  /** The read journal the read models' projections poll (persistence.conf). */
  static final String READ_MODEL_JOURNAL = "bluemarble-read-model-journal";

  /**
   * The read models' own read journal, polling every {@code
   * bluemarble.persistence.read-model-poll-interval}; the default read journal where a
   * configuration without the node's application.conf lacks it.
   */
  static String readModelJournal(Config config) {
    new SettingsReader(config)
        .duration(
            "bluemarble.persistence.read-model-poll-interval",
            Duration.ofMillis(100),
            Duration.ofMinutes(1));
    return config.hasPath(READ_MODEL_JOURNAL + ".class")
        ? READ_MODEL_JOURNAL
        : JdbcReadJournal.Identifier();
  }

  /** The analytics projections' tags: the slices of the entity types {@link DailyFacts} reads. */
  public static List<String> analyticsTags(int slices) {
    List<String> tags = new ArrayList<>();
    for (String type :
        List.of("Account", "Player", "ZoneCell", "Market", "OrderBook", "AuctionHouse", "Trade")) {
      for (int slice = 0; slice < slices; slice++) {
        tags.add(type.toLowerCase(Locale.ROOT) + "-" + slice);
      }
    }
    return tags;
  }

  /** One exactly-once analytics projection per tag (counters and offset in one transaction). */
  static void startAnalytics(
      ActorSystem<?> system,
      Supplier<PooledJdbcSession> sessions,
      List<String> tags,
      Duration sessionGap) {
    ShardedDaemonProcess.get(system)
        .init(
            ProjectionBehavior.Command.class,
            "analytics",
            tags.size(),
            i -> {
              String tag = tags.get(i);
              SourceProvider<Offset, EventEnvelope<Object>> source =
                  EventSourcedProvider.eventsByTag(
                      system, readModelJournal(system.settings().config()), tag);
              return ProjectionBehavior.create(
                  JdbcProjection.exactlyOnce(
                          ProjectionId.of("analytics", tag),
                          source,
                          sessions,
                          () -> AnalyticsReadModel.handler(tag, sessionGap),
                          system)
                      .withRestartBackoff(Duration.ofSeconds(1), Duration.ofSeconds(30), 0.2));
            },
            ShardedDaemonProcessSettings.create(system),
            Optional.of(ProjectionBehavior.stopMessage()));
  }

  /** The audit read model's projection: exactly once (row and offset in one transaction). */
  static void startAudit(ActorSystem<?> system, Supplier<PooledJdbcSession> sessions) {
    SourceProvider<Offset, EventEnvelope<AuditLog.Recorded>> source =
        EventSourcedProvider.eventsByTag(
            system, readModelJournal(system.settings().config()), AuditLog.TAG);
    Projection<EventEnvelope<AuditLog.Recorded>> projection =
        JdbcProjection.exactlyOnce(
                ProjectionId.of("audit-read-model", AuditLog.TAG),
                source,
                sessions,
                AuditReadModel::handler,
                system)
            .withRestartBackoff(Duration.ofSeconds(1), Duration.ofSeconds(30), 0.2);
    ShardedDaemonProcess.get(system)
        .init(
            ProjectionBehavior.Command.class,
            "audit-read-model",
            1,
            i -> ProjectionBehavior.create(projection),
            ShardedDaemonProcessSettings.create(system),
            Optional.of(ProjectionBehavior.stopMessage()));
  }

  static void createOffsetTables(ActorSystem<?> system, Supplier<PooledJdbcSession> sessions) {
    try {
      JdbcProjection.createTablesIfNotExists(sessions, system)
          .toCompletableFuture()
          .get(SETUP_PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(
          "cannot create the projection offset tables: " + e.getMessage(), e);
    }
  }

  static void startKafka(
      ActorSystem<?> system,
      StreamSettings stream,
      EventPublisher publisher,
      Supplier<PooledJdbcSession> sessions,
      List<String> tags) {
    ShardedDaemonProcess.get(system)
        .init(
            ProjectionBehavior.Command.class,
            "stream-kafka",
            tags.size(),
            i -> ProjectionBehavior.create(kafka(system, stream, publisher, sessions, tags.get(i))),
            ShardedDaemonProcessSettings.create(system),
            Optional.of(ProjectionBehavior.stopMessage()));
  }

  static Projection<EventEnvelope<Object>> kafka(
      ActorSystem<?> system,
      StreamSettings stream,
      EventPublisher publisher,
      Supplier<PooledJdbcSession> sessions,
      String tag) {
    SourceProvider<Offset, EventEnvelope<Object>> source =
        EventSourcedProvider.eventsByTag(system, JdbcReadJournal.Identifier(), tag);
    return JdbcProjection.atLeastOnceAsync(
            ProjectionId.of("stream-kafka", tag),
            source,
            sessions,
            () -> new KafkaStreamHandler(publisher, stream, tag, GroupLinesStreamed.to(system)),
            system)
        .withSaveOffset(100, Duration.ofMillis(500))
        .withRestartBackoff(Duration.ofSeconds(1), Duration.ofSeconds(30), 0.2);
  }
}
