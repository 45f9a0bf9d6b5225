package org.bluemarble.auth;

import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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

  @Override
  protected SessionStore newStore() {
    return new RedisSessionStore(client, "test:" + UUID.randomUUID() + ":");
  }
}
