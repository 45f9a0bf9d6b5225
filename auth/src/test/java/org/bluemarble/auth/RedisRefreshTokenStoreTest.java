package org.bluemarble.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
  void twoNodesRotatingOneTokenAtOnceProduceExactlyOneSuccessor() throws Exception {
    // Own threads: the common pool has a single worker on a 2-core machine, which would serialise
    // the race.
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try (RedisClient otherNode = redis.client()) {
      RefreshTokens nodeA = new RefreshTokens(newStore(), RefreshTokens.DEFAULT_TTL, clock);
      RefreshTokens nodeB =
          new RefreshTokens(
              new RedisRefreshTokenStore(otherNode, prefix), RefreshTokens.DEFAULT_TTL, clock);
      for (int round = 0; round < 20; round++) {
        String token = nodeA.issue("acc-" + round).token();
        CompletableFuture<RefreshTokens.Rotation> a =
            CompletableFuture.supplyAsync(() -> nodeA.rotate(token), threads);
        CompletableFuture<RefreshTokens.Rotation> b =
            CompletableFuture.supplyAsync(() -> nodeB.rotate(token), threads);
        long winners =
            Stream.of(a.get(30, TimeUnit.SECONDS), b.get(30, TimeUnit.SECONDS))
                .filter(r -> r instanceof RefreshTokens.Rotated)
                .count();
        assertThat(winners).isEqualTo(1);
      }
    } finally {
      threads.shutdownNow();
    }
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
