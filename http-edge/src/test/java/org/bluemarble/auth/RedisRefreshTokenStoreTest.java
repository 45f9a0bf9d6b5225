package org.bluemarble.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.bluemarble.auth.internal.OpaqueTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

class RedisRefreshTokenStoreTest extends RefreshTokensContract {
  private static EmbeddedRedis redis;
  private static RedisClient client;
  // Each test its own prefix, so tests share the server without seeing each other's keys.
  private final String prefix = "test:" + UUID.randomUUID() + ":";

  @BeforeAll
  static void startRedis() {
    redis = EmbeddedRedis.start();
    client = redis.client();
  }

  @AfterAll
  static void stopRedis() {
    client.close();
    redis.close();
  }

  @Override
  protected RefreshTokenStore newStore() {
    return new RedisRefreshTokenStore(client, prefix);
  }

  @Test
  void storesOnlyTheHashWithATimeToLive() {
    RefreshTokens tokens =
        new RefreshTokens(newStore(), RefreshTokens.DEFAULT_TTL, java.time.Clock.systemUTC());
    String token = tokens.issue("acc-9").token();
    String key = prefix + "token:" + OpaqueTokens.sha256(token);
    assertThat(client.keys(prefix + "*")).containsExactly(key);
    assertThat(client.get(key)).doesNotContain(token).endsWith("|acc-9");
    assertThat(client.pttl(key)).isPositive();
  }
}
