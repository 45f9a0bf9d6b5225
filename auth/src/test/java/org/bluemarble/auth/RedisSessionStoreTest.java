package org.bluemarble.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

class RedisSessionStoreTest extends SessionStoreContract {
  private static EmbeddedRedis redis;
  private static RedisClient client;

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

  private final String prefix = "test:" + UUID.randomUUID() + ":";

  @Override
  protected SessionStore newStore() {
    return new RedisSessionStore(client, prefix);
  }

  @Test
  void sessionKeysExpireWithTheSession() {
    SessionStore store = newStore();
    Session session = session("acc-5", Set.of(Role.PLAYER), Duration.ofHours(2));
    store.put(session);
    assertThat(client.pttl(prefix + "session:" + session.sessionId()))
        .isBetween(1L, Duration.ofHours(2).toMillis());
    assertThat(client.pttl(prefix + "account:acc-5")).isBetween(1L, Duration.ofHours(2).toMillis());
  }
}
