package org.bluemarble.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.bluemarble.auth.EmbeddedRedis;
import org.bluemarble.config.Profile;
import org.bluemarble.node.testing.AdminClient;
import org.bluemarble.node.testing.InProcessNode;
import org.bluemarble.node.testing.PlayerSignup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.RedisClient;

/**
 * A node with Redis keeps the planet quotas there (so every node of a cluster draws from one
 * bucket; {@code QuotaLimiterTest} shows two clients sharing it).
 */
class PlanetQuotaRedisTest {
  @TempDir static Path dataDir;
  private static EmbeddedRedis redis;
  private static InProcessNode node;

  @BeforeAll
  static void start() {
    redis = EmbeddedRedis.start();
    node =
        InProcessNode.start(
            Profile.EMBEDDED,
            Map.of(
                "bluemarble.node.data-dir",
                dataDir.toString(),
                "bluemarble.auth.redis-url",
                "redis://127.0.0.1:" + redis.port(),
                "bluemarble.planet.quotas.generation.capacity",
                2));
  }

  @AfterAll
  static void stop() throws Exception {
    node.close();
    redis.close();
  }

  @Test
  void theGenerationQuotaLivesInRedis() throws Exception {
    PlayerSignup.SignedUp user = PlayerSignup.signUp(node.httpPort, "quota_redis", "Mage");
    AdminClient api = node.client();
    String bad = "{\"plateCount\":60}";
    assertThat(api.call("POST", "/v1/planet/generate", bad, user.accessToken()).status())
        .isEqualTo(400);
    try (RedisClient client = redis.client()) {
      assertThat(client.exists("bluemarble:quota:planet-generation:" + user.accountId())).isTrue();
      // Dropping the bucket in Redis gives a fresh quota: the node reads it there, not in memory.
      client.del("bluemarble:quota:planet-generation:" + user.accountId());
    }
    assertThat(api.call("POST", "/v1/planet/generate", bad, user.accessToken()).status())
        .isEqualTo(400);
    assertThat(api.call("POST", "/v1/planet/generate", bad, user.accessToken()).status())
        .isEqualTo(400);
    AdminClient.Response refused = api.call("POST", "/v1/planet/generate", bad, user.accessToken());
    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.headers().firstValue("X-RateLimit-Limit")).hasValue("2");
  }
}
