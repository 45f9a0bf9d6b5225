package org.bluemarble.node;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.Done;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorSystem;
import org.bluemarble.config.PersistenceSettings;
import org.bluemarble.persistence.Databases;
import org.bluemarble.persistence.JournalSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's own pool on the journal's database (health checks, read models) with its schema
 * brought up to date before any entity starts; closed by CoordinatedShutdown.
 */
final class JournalDatabase {
  private static final Logger log = LoggerFactory.getLogger(JournalDatabase.class);

  /** How long a start waits for a database that comes up late (a pod beside its database). */
  private static final Duration MIGRATION_PATIENCE = Duration.ofSeconds(60);

  private static final Duration RETRY_EVERY = Duration.ofSeconds(2);

  private JournalDatabase() {}

  /** Opens the pool and migrates the schema, waiting up to a minute for the database. */
  static HikariDataSource open(ActorSystem<?> system, PersistenceSettings settings) {
    HikariDataSource pool = Databases.pool(settings, "node", 2);
    CoordinatedShutdown.get(system)
        .addTask(
            CoordinatedShutdown.PhaseBeforeActorSystemTerminate(),
            "close-node-pool",
            () -> {
              pool.close();
              return CompletableFuture.completedFuture(Done.getInstance());
            });
    createDataDirectory(settings);
    migrate(settings, pool);
    return pool;
  }

  /** The embedded profile's H2 file lives in the data directory, which may not exist yet. */
  private static void createDataDirectory(PersistenceSettings settings) {
    if (settings.dialect() != PersistenceSettings.Dialect.H2
        || !settings.url().startsWith("jdbc:h2:file:")) {
      return;
    }
    String path = settings.url().substring("jdbc:h2:file:".length()).split(";")[0];
    try {
      Files.createDirectories(java.nio.file.Path.of(path).toAbsolutePath().getParent());
    } catch (IOException e) {
      throw new StartupException(
          "cannot create the data directory for " + path + " (BLUEMARBLE_DATA_DIR): " + e, e);
    }
  }

  // Runs on the thread that starts the node, before the actor system serves anything: the wait
  // blocks no dispatcher.
  private static void migrate(PersistenceSettings settings, HikariDataSource pool) {
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
                  + BlueMarbleNode.rootMessage(e),
              e);
        }
        log.warn("journal database not ready yet ({}); retrying", BlueMarbleNode.rootMessage(e));
        try {
          Thread.sleep(RETRY_EVERY.toMillis());
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw new StartupException("interrupted while waiting for the journal database", ie);
        }
      }
    }
  }
}
