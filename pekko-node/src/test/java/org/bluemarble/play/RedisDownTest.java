package org.bluemarble.play;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.bluemarble.auth.EmbeddedRedis;
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
 * Redis (sessions, refresh tokens, rate limits) goes down under a running node: logins are refused
 * with 503 instead of hanging, the breaker opens and {@code /health} reports {@code redis} degraded
 * (not unhealthy: the node keeps serving), and a player already in the world keeps playing.
 */
class RedisDownTest {
  @TempDir Path dataDir;

  @Test
  void loginsAreRefusedWith503WhilePlayersInTheWorldKeepPlaying() throws Exception {
    EmbeddedRedis redis = EmbeddedRedis.start();
    boolean redisRunning = true;
    Map<String, Object> config = new HashMap<>(PlayWorld.config(dataDir.toString(), "30s"));
    config.put("bluemarble.auth.redis-url", "redis://127.0.0.1:" + redis.port());
    try (InProcessNode node = InProcessNode.start(Profile.EMBEDDED, config)) {
      PlayWorld world = new PlayWorld(node);
      AdminClient api = node.client();
      assertThat(api.health().body().path("checks").path("redis").path("status").asText())
          .isEqualTo("healthy");
      PlayWorld.Player alice = world.newPlayer("redis_alice");
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

        redis.close();
        redisRunning = false;

        String login =
            PlayWorld.JSON.writeValueAsString(
                Map.of("username", "redis_alice", "password", PlayWorld.PASSWORD));
        // Every login is answered 503 UNAVAILABLE (never a hang, never 500) until the breaker
        // opens, after which /health names it.
        await()
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(50))
            .until(
                () -> {
                  AdminClient.Response r = api.post("/v1/auth/login", login);
                  assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(503);
                  assertThat(r.body().path("error").path("code").asText()).isEqualTo("UNAVAILABLE");
                  return api.health()
                      .body()
                      .path("checks")
                      .path("redis")
                      .path("message")
                      .asText()
                      .startsWith("circuit open");
                });
        AdminClient.Response health = api.health();
        JsonNode checks = health.body().path("checks");
        System.out.println("health with Redis down: " + health.body());
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().path("status").asText()).isEqualTo("degraded");
        assertThat(checks.path("redis").path("status").asText()).isEqualTo("degraded");
        assertThat(checks.path("journal").path("status").asText()).isEqualTo("healthy");

        // Alice, in the world since before Redis went down, still moves and is acknowledged.
        for (int i = 0; i < 10; i++) {
          ws.sendInput(new MovementIntent.Heading(90, 3));
        }
        await().atMost(PlayWorld.WAIT).until(() -> acked.get() == 10);
      }
    } finally {
      if (redisRunning) {
        redis.close();
      }
    }
  }
}
