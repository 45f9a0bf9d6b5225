package org.bluemarble.node;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoDatabase;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.Done;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.bluemarble.config.BlueMarbleSettings;
import org.bluemarble.config.PersistenceSettings;
import org.bluemarble.config.SettingsException;
import org.bluemarble.config.TerrainSettings;
import org.bluemarble.node.resilience.BreakerSettings;
import org.bluemarble.node.resilience.CircuitBreaker;
import org.bluemarble.node.resilience.Dependency;
import org.bluemarble.node.resilience.GuardedTerrainStore;
import org.bluemarble.persistence.Databases;
import org.bluemarble.persistence.terrain.H2TerrainStore;
import org.bluemarble.persistence.terrain.MongoTerrainStore;
import org.bluemarble.persistence.terrain.TerrainStore;
import org.bson.Document;

/**
 * Opens the configured terrain store and registers its closing with CoordinatedShutdown. MongoDB
 * sits behind a {@link CircuitBreaker} ({@link GuardedTerrainStore}) and gets a {@code mongodb}
 * health check; the embedded H2 file needs neither.
 */
final class TerrainStores {
  /** Unless the URI says otherwise: how long the driver looks for a reachable server. */
  private static final Duration SERVER_SELECTION_TIMEOUT = Duration.ofSeconds(3);

  /** Unless the URI says otherwise: how long opening a connection may take. */
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

  /** Reads without an answer this long count as failed (a world planet loads in about 1 s). */
  private static final Duration READ_DEADLINE = Duration.ofSeconds(20);

  /** How long the health check waits for a ping. */
  private static final Duration PING_DEADLINE = Duration.ofSeconds(2);

  /** The store, and its health check when it is a remote database. */
  record Opened(TerrainStore store, Optional<Dependency> health) {}

  private TerrainStores() {}

  static Opened open(ActorSystem<?> system, BlueMarbleSettings settings) {
    TerrainSettings terrain = settings.terrain();
    CoordinatedShutdown shutdown = CoordinatedShutdown.get(system);
    if (terrain.store() == TerrainSettings.Store.MONGODB) {
      ConnectionString uri = new ConnectionString(terrain.mongodbUri());
      MongoClientSettings.Builder builder =
          MongoClientSettings.builder().applyConnectionString(uri);
      if (uri.getServerSelectionTimeout() == null) {
        builder.applyToClusterSettings(
            c ->
                c.serverSelectionTimeout(
                    SERVER_SELECTION_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
      }
      if (uri.getConnectTimeout() == null) {
        builder.applyToSocketSettings(
            c -> c.connectTimeout((int) CONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
      }
      MongoClient client = MongoClients.create(builder.build());
      shutdown.addTask(
          CoordinatedShutdown.PhaseBeforeActorSystemTerminate(),
          "close-terrain-mongodb",
          () -> {
            client.close();
            return CompletableFuture.completedFuture(Done.getInstance());
          });
      MongoDatabase database = client.getDatabase(terrain.mongodbDatabase());
      CircuitBreaker breaker;
      try {
        breaker = new CircuitBreaker("mongodb", BreakerSettings.fromConfig(settings.config()));
      } catch (SettingsException e) {
        throw new StartupException(e.getMessage(), e);
      }
      Dependency health =
          new Dependency(
              "mongodb",
              breaker,
              () ->
                  breaker.callAsync(
                      () ->
                          Source.fromPublisher(database.runCommand(new Document("ping", 1)))
                              .runWith(Sink.head(), system),
                      t -> true,
                      PING_DEADLINE),
              PING_DEADLINE,
              "reads of planets not in memory refused");
      return new Opened(
          new GuardedTerrainStore(new MongoTerrainStore(database), breaker, READ_DEADLINE),
          Optional.of(health));
    }
    // An H2 file beside the node's other local data; a node of a local profile has its own. Each
    // commit is written before it returns, as for the journal (h2.conf).
    String url =
        "jdbc:h2:file:"
            + settings.node().dataDir().toAbsolutePath().resolve("terrain")
            + ";DB_CLOSE_ON_EXIT=FALSE;"
            + PersistenceSettings.H2_DURABLE_COMMITS;
    HikariDataSource pool =
        Databases.pool(
            new PersistenceSettings(
                PersistenceSettings.Dialect.H2,
                url,
                "bluemarble",
                "",
                2,
                1,
                terrain.connectionTimeout()),
            "terrain",
            2);
    shutdown.addTask(
        CoordinatedShutdown.PhaseBeforeActorSystemTerminate(),
        "close-terrain-h2",
        () -> {
          pool.close();
          return CompletableFuture.completedFuture(Done.getInstance());
        });
    return new Opened(
        new H2TerrainStore(pool, system.dispatchers().lookup(DispatcherSelector.blocking())),
        Optional.empty());
  }
}
