package org.bluemarble.node;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.Done;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.bluemarble.config.BlueMarbleSettings;
import org.bluemarble.config.PersistenceSettings;
import org.bluemarble.config.TerrainSettings;
import org.bluemarble.persistence.Databases;
import org.bluemarble.persistence.terrain.H2TerrainStore;
import org.bluemarble.persistence.terrain.MongoTerrainStore;
import org.bluemarble.persistence.terrain.TerrainStore;

/** Opens the configured terrain store and registers its closing with CoordinatedShutdown. */
final class TerrainStores {
  private TerrainStores() {}

  static TerrainStore open(ActorSystem<?> system, BlueMarbleSettings settings) {
    TerrainSettings terrain = settings.terrain();
    CoordinatedShutdown shutdown = CoordinatedShutdown.get(system);
    if (terrain.store() == TerrainSettings.Store.MONGODB) {
      MongoClient client = MongoClients.create(terrain.mongodbUri());
      shutdown.addTask(
          CoordinatedShutdown.PhaseBeforeActorSystemTerminate(),
          "close-terrain-mongodb",
          () -> {
            client.close();
            return CompletableFuture.completedFuture(Done.getInstance());
          });
      return new MongoTerrainStore(client.getDatabase(terrain.mongodbDatabase()));
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
                PersistenceSettings.Dialect.H2, url, "bluemarble", "", 2, 1, Duration.ofSeconds(5)),
            "terrain",
            2);
    shutdown.addTask(
        CoordinatedShutdown.PhaseBeforeActorSystemTerminate(),
        "close-terrain-h2",
        () -> {
          pool.close();
          return CompletableFuture.completedFuture(Done.getInstance());
        });
    return new H2TerrainStore(pool, system.dispatchers().lookup(DispatcherSelector.blocking()));
  }
}
