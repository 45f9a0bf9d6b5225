package org.bluemarble.play;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.bluemarble.config.BlueMarbleSettings;
import org.bluemarble.config.Profile;
import org.bluemarble.node.testing.AdminClient;
import org.bluemarble.node.testing.InProcessNode;
import org.bluemarble.protocol.client.BlueMarbleClient;
import org.bluemarble.protocol.client.ClientListener;
import org.bluemarble.protocol.movement.MovementIntent;
import org.bluemarble.protocol.movement.MovementState;
import org.bluemarble.protocol.v1.InputAck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MongoDB (the terrain store) goes down under a running node: reads of planets not in memory are
 * answered 503 instead of waiting for the driver, the breaker opens (then they are refused at
 * once), {@code /health} names {@code mongodb} degraded, and a player already in the world (whose
 * planet is in memory) keeps playing.
 */
class MongoDownTest {
  @TempDir Path dataDir;

  @Test
  void terrainReadsAreRefusedFastWhilePlayersInTheWorldKeepPlaying() throws Exception {
    MongoServer mongo = new MongoServer(new MemoryBackend());
    InetSocketAddress address = mongo.bind();
    boolean mongoRunning = true;
    Map<String, Object> config = new HashMap<>(PlayWorld.config(dataDir.toString(), "30s"));
    config.put("bluemarble.terrain.store", "mongodb");
    config.put("bluemarble.terrain.mongodb-uri", "mongodb://127.0.0.1:" + address.getPort());
    config.put("bluemarble.terrain.mongodb-database", "mongo_down");
    // A short window so that a handful of failed reads opens the breaker (each waits for the
    // driver's 3 s server selection); the rule (50 %, open-for, 3 to close) is the production one.
    config.put("bluemarble.resilience.breaker.request-volume", 4);
    try (InProcessNode node = InProcessNode.start(Profile.EMBEDDED, config)) {
      PlayWorld world = new PlayWorld(node);
      AdminClient api = node.client();
      assertThat(api.health().body().path("checks").path("mongodb").path("status").asText())
          .isEqualTo("healthy");
      // A planet the store does not have: looked up there, 404. The world planet: read from the
      // store once, then served from memory.
      assertThat(api.get("/v1/planet/elsewhere/biomes").status()).isEqualTo(404);
      assertThat(api.get("/v1/planet/" + worldPlanet(node) + "/biomes").status()).isEqualTo(200);
      PlayWorld.Player alice = world.newPlayer("mongo_alice");
      AtomicInteger acked = new AtomicInteger();
      ClientListener acks =
          new ClientListener() {
            @Override
            public void onInputAck(InputAck ack, MovementState predicted) {
              acked.accumulateAndGet(ack.getSequence(), Math::max);
            }
          };
      try (BlueMarbleClient ws = world.webSocket(alice, acks)) {
        ws.enterWorld(alice.playerId()).get(30, TimeUnit.SECONDS);

        mongo.shutdownNow();
        mongoRunning = false;

        // Every read of a planet not in memory is answered 503 (never a hang, never 500) until
        // the breaker opens, after which /health names it.
        await()
            .atMost(Duration.ofSeconds(90))
            .pollInterval(Duration.ofMillis(50))
            .until(
                () -> {
                  AdminClient.Response r = api.get("/v1/planet/elsewhere/biomes");
                  assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(503);
                  assertThat(r.headers().firstValue("Retry-After")).isPresent();
                  return api.health()
                      .body()
                      .path("checks")
                      .path("mongodb")
                      .path("message")
                      .asText()
                      .startsWith("circuit open");
                });
        // Open: refused at once, without waiting for the driver's server selection.
        long start = System.nanoTime();
        AdminClient.Response refused = api.get("/v1/planet/elsewhere/biomes");
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.body().path("error").path("message").asText()).contains("mongodb");
        assertThat(millis).as("refusal time while open").isLessThan(2_000);

        AdminClient.Response health = api.health();
        System.out.println("health with MongoDB down: " + health.body());
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().path("status").asText()).isEqualTo("degraded");
        assertThat(health.body().path("checks").path("mongodb").path("status").asText())
            .isEqualTo("degraded");
        assertThat(health.body().path("checks").path("journal").path("status").asText())
            .isEqualTo("healthy");
        // A planet already in memory: its API keeps answering.
        assertThat(api.get("/v1/planet/" + worldPlanet(node) + "/biomes").status()).isEqualTo(200);

        // Alice, in the world since before MongoDB went down, still moves and is acknowledged.
        for (int i = 0; i < 10; i++) {
          ws.sendInput(new MovementIntent.Heading(90, 3));
        }
        await().atMost(PlayWorld.WAIT).until(() -> acked.get() == 10);
      }
    } finally {
      if (mongoRunning) {
        mongo.shutdownNow();
      }
    }
  }

  private static String worldPlanet(InProcessNode node) {
    return BlueMarbleSettings.fromConfig(node.system.settings().config()).world().planetId();
  }
}
