package org.bluemarble.persistence.terrain;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.model.Filters;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bluemarble.persistence.terrain.internal.ChunkLayout;
import org.bluemarble.persistence.terrain.internal.Publishers;
import org.bluemarble.spatial.CellIdRange;
import org.bluemarble.spatial.GeoPosition;
import org.bluemarble.spatial.SpatialCells;
import org.bluemarble.spatial.Sphere;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The terrain store contract on MongoDB's wire protocol: mongo-java-server on a free port, the real
 * reactive streams driver, a database of its own per test.
 */
class MongoTerrainStoreTest extends TerrainStoreContractTest {

  private static MongoServer server;
  private static String connectionString;
  private static MongoClient client;
  private MongoDatabase database;
  private MongoTerrainStore store;

  @BeforeAll
  static void startServer() {
    server = new MongoServer(new MemoryBackend());
    InetSocketAddress address = server.bind();
    connectionString = "mongodb://" + address.getHostString() + ":" + address.getPort();
    client = MongoClients.create(connectionString);
  }

  @AfterAll
  static void stopServer() {
    client.close();
    server.shutdownNow();
  }

  @BeforeEach
  void openDatabase() {
    database = client.getDatabase("terrain_" + UUID.randomUUID().toString().replace("-", ""));
    store = new MongoTerrainStore(database);
  }

  @Override
  TerrainStore store() {
    return store;
  }

  @Override
  TerrainStore storeWithClock(Clock clock) {
    return new MongoTerrainStore(database, clock);
  }

  @Override
  void removeOneChunk(String planetId) {
    long deleted =
        await(
                Publishers.first(
                    database
                        .getCollection("terrain_chunks")
                        .deleteOne(
                            Filters.and(Filters.eq("planet", planetId), Filters.eq("chunk", 100)))))
            .orElseThrow()
            .getDeletedCount();
    assertThat(deleted).isEqualTo(1);
  }

  @Test
  void regionReadsQueryChunksByLeafRangeOfTheCurrentSave() {
    List<String> finds = new CopyOnWriteArrayList<>();
    CommandListener listener =
        new CommandListener() {
          @Override
          public void commandStarted(CommandStartedEvent event) {
            if (event.getCommandName().equals("find")
                && event.getCommand().getString("find").getValue().equals("terrain_chunks")) {
              finds.add(event.getCommand().getDocument("filter").toJson());
            }
          }
        };
    MongoClientSettings settings =
        MongoClientSettings.builder()
            .applyConnectionString(new ConnectionString(connectionString))
            .addCommandListener(listener)
            .build();
    try (MongoClient watched = MongoClients.create(settings)) {
      TerrainStore watchedStore = new MongoTerrainStore(watched.getDatabase(database.getName()));
      save(watchedStore, "earth-6", TestPlanets.LEVEL_6);
      finds.clear();
      List<CellIdRange> ranges =
          SpatialCells.scanRanges(
              SpatialCells.coverCap(GeoPosition.of(10, 20), 500_000, Sphere.EARTH, 8));

      List<TerrainSample> samples = await(watchedStore.readRegion("earth-6", ranges));

      assertThat(samples).isNotEmpty();
      assertThat(finds).hasSize(1);
      assertThat(finds.get(0))
          .contains("\"planet\"", "\"gen\"", "\"minLeaf\"", "\"$gte\"", "\"$lte\"");
    }
  }

  @Test
  void keepsOneDocumentPerChunkAfterASecondSave() {
    save(store, "earth-6", TestPlanets.LEVEL_6);
    save(new MongoTerrainStore(database), "earth-6", TestPlanets.LEVEL_6);

    long documents =
        await(Publishers.first(database.getCollection("terrain_chunks").countDocuments()))
            .orElseThrow();
    assertThat(documents).isEqualTo(ChunkLayout.forTerrainLevel(6).chunkCount());
  }
}
