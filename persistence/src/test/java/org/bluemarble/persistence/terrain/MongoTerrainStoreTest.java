package org.bluemarble.persistence.terrain;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.util.UUID;
import org.bluemarble.persistence.terrain.internal.ChunkLayout;
import org.bluemarble.persistence.terrain.internal.Publishers;
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
  private static MongoClient client;
  private MongoDatabase database;
  private MongoTerrainStore store;

  @BeforeAll
  static void startServer() {
    server = new MongoServer(new MemoryBackend());
    InetSocketAddress address = server.bind();
    client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
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
