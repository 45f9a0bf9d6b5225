package org.bluemarble.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

class QuotaLimiterTest {
  // An hour: no token refills during a test, whatever the machine's speed.
  private static final RateLimit FIVE_PER_HOUR = new RateLimit(5, Duration.ofHours(1));

  private static EmbeddedRedis redis;
  private static RedisClient nodeA;
  private static RedisClient nodeB;

  @BeforeAll
  static void startRedis() {
    redis = EmbeddedRedis.start();
    nodeA = redis.client();
    nodeB = redis.client();
  }

  @AfterAll
  static void stopRedis() {
    nodeA.close();
    nodeB.close();
    redis.close();
  }

  @Test
  void inProcessAllowsTheQuotaPerKeyThenRefuses() {
    QuotaLimiter quota = QuotaLimiter.inProcess("planet-generation", FIVE_PER_HOUR);
    for (int i = 4; i >= 0; i--) {
      RateLimitDecision d = quota.tryAcquire("alice");
      assertThat(d.allowed()).isTrue();
      assertThat(d.remaining()).isEqualTo(i);
      assertThat(d.limit()).isEqualTo(5);
    }
    RateLimitDecision refused = quota.tryAcquire("alice");
    assertThat(refused.allowed()).isFalse();
    // One unit comes back every 12 minutes.
    assertThat(refused.retryAfterSeconds()).isBetween(700L, 720L);
    assertThat(refused.resetAfterSeconds()).isBetween(3500L, 3600L);
    assertThat(quota.tryAcquire("bob").allowed()).isTrue();
  }

  @Test
  void inProcessForgetsBucketsThatAreFullAgainButNotSpentOnes() {
    QuotaLimiter quota = QuotaLimiter.inProcess("projection", FIVE_PER_HOUR);
    for (int i = 0; i < 5; i++) {
      quota.tryAcquire("spender");
    }
    // Enough distinct keys to trigger purges; the spender's empty bucket must survive them.
    for (int i = 0; i < 3000; i++) {
      quota.tryAcquire("key-" + i);
    }
    assertThat(quota.tryAcquire("spender").allowed()).isFalse();
  }

  @Test
  void redisBucketsAreSharedByEveryNode() {
    String name = "q" + UUID.randomUUID().toString().substring(0, 8);
    QuotaLimiter a = QuotaLimiter.redis(name, FIVE_PER_HOUR, nodeA, "test:");
    QuotaLimiter b = QuotaLimiter.redis(name, FIVE_PER_HOUR, nodeB, "test:");
    for (int i = 0; i < 5; i++) {
      assertThat((i % 2 == 0 ? a : b).tryAcquire("alice").allowed()).isTrue();
    }
    assertThat(a.tryAcquire("alice").allowed()).isFalse();
    assertThat(b.tryAcquire("alice").allowed()).isFalse();
    // Another quota name is another bucket.
    QuotaLimiter other = QuotaLimiter.redis(name + "x", FIVE_PER_HOUR, nodeA, "test:");
    assertThat(other.tryAcquire("alice").allowed()).isTrue();
  }

  @Test
  void refusesBadNamesAndEmptyKeys() {
    assertThatThrownBy(() -> QuotaLimiter.inProcess("Bad Name", FIVE_PER_HOUR))
        .isInstanceOf(IllegalArgumentException.class);
    QuotaLimiter quota = QuotaLimiter.inProcess("ok", FIVE_PER_HOUR);
    assertThatThrownBy(() -> quota.tryAcquire("")).isInstanceOf(IllegalArgumentException.class);
  }
}
