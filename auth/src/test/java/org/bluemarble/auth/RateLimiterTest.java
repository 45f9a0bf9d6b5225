package org.bluemarble.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

class RateLimiterTest {
  // Long periods so no token refills during a test, whatever the machine's speed.
  private static final RateLimitSettings SETTINGS =
      new RateLimitSettings(
          new RateLimit(100, Duration.ofHours(1)),
          new RateLimit(10, Duration.ofHours(1)),
          new RateLimit(5, Duration.ofHours(1)),
          new RateLimit(3, Duration.ofHours(1)),
          new RateLimit(4, Duration.ofHours(1)));

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
  void inProcessAllowsUpToTheLimitThenRefusesWithRetryAfter() {
    RateLimiter limiter = Bucket4jRateLimiter.inProcess(SETTINGS);
    assertAllowsExactly(limiter, RateLimitKind.TRADE, "acc-1", 5);
  }

  @Test
  void reportsRemainingAndResetForHeaders() {
    RateLimiter limiter = Bucket4jRateLimiter.inProcess(RateLimitSettings.DEFAULTS);
    RateLimitDecision first = limiter.tryAcquire(RateLimitKind.API, "acc-1");
    assertThat(first.allowed()).isTrue();
    assertThat(first.limit()).isEqualTo(100);
    assertThat(first.remaining()).isEqualTo(99);
    assertThat(first.retryAfterSeconds()).isZero();
    assertThat(first.resetAfterSeconds()).isBetween(1L, 60L);
  }

  @Test
  void inProcessBucketsAreForgottenOnceFullAgainByTheAcquisitionsThemselves() {
    MutableClock clock = new MutableClock(java.time.Instant.now());
    Bucket4jRateLimiter limiter = Bucket4jRateLimiter.inProcess(RateLimitSettings.DEFAULTS, clock);
    for (int i = 0; i < 200; i++) {
      limiter.tryAcquire(RateLimitKind.LOGIN_ADDRESS, "198.51.100." + i);
    }
    assertThat(limiter.inProcessBucketCount()).isEqualTo(200);
    // Past the login-per-address period (15 min) every one of them would be full again.
    clock.advance(java.time.Duration.ofMinutes(16));

    limiter.tryAcquire(RateLimitKind.LOGIN_ADDRESS, "203.0.113.1");

    assertThat(limiter.inProcessBucketCount()).isEqualTo(1);
  }

  @Test
  void kindsAndKeysHaveSeparateBuckets() {
    RateLimiter limiter = Bucket4jRateLimiter.inProcess(SETTINGS);
    assertAllowsExactly(limiter, RateLimitKind.LOGIN_ACCOUNT, "alice", 3);
    assertThat(limiter.tryAcquire(RateLimitKind.LOGIN_ACCOUNT, "bob").allowed()).isTrue();
    assertThat(limiter.tryAcquire(RateLimitKind.LOGIN_ADDRESS, "alice").allowed()).isTrue();
  }

  @Test
  void redisLimiterHoldsTheLimit() {
    RateLimiter limiter = Bucket4jRateLimiter.redis(SETTINGS, nodeA, prefix());
    assertAllowsExactly(limiter, RateLimitKind.CHAT, "acc-1", 10);
  }

  @Test
  void twoNodesSharingOneRedisShareTheBucket() {
    String prefix = prefix();
    RateLimiter first = Bucket4jRateLimiter.redis(SETTINGS, nodeA, prefix);
    RateLimiter second = Bucket4jRateLimiter.redis(SETTINGS, nodeB, prefix);
    int allowed = 0;
    for (int i = 0; i < 10; i++) {
      RateLimiter node = i % 2 == 0 ? first : second;
      if (node.tryAcquire(RateLimitKind.TRADE, "acc-7").allowed()) {
        allowed++;
      }
    }
    assertThat(allowed).isEqualTo(5);
    assertThat(second.tryAcquire(RateLimitKind.TRADE, "acc-7").remaining()).isZero();
  }

  @Test
  void defaultsFollowTheArchitectureDocument() {
    assertThat(RateLimitSettings.DEFAULTS.api())
        .isEqualTo(new RateLimit(100, Duration.ofMinutes(1)));
    assertThat(RateLimitSettings.DEFAULTS.chat())
        .isEqualTo(new RateLimit(10, Duration.ofSeconds(1)));
    assertThat(RateLimitSettings.DEFAULTS.trade())
        .isEqualTo(new RateLimit(5, Duration.ofMinutes(1)));
  }

  @Test
  void rejectsNonsensicalLimitsAndEmptyKeys() {
    assertThatThrownBy(() -> new RateLimit(0, Duration.ofSeconds(1)))
        .hasMessageContaining("capacity");
    assertThatThrownBy(() -> new RateLimit(1, Duration.ZERO)).hasMessageContaining("period");
    RateLimiter limiter = Bucket4jRateLimiter.inProcess(SETTINGS);
    assertThatThrownBy(() -> limiter.tryAcquire(RateLimitKind.API, "")).hasMessageContaining("API");
  }

  private static void assertAllowsExactly(
      RateLimiter limiter, RateLimitKind kind, String key, int n) {
    for (int i = 0; i < n; i++) {
      RateLimitDecision decision = limiter.tryAcquire(kind, key);
      assertThat(decision.allowed()).as("attempt %d", i + 1).isTrue();
      assertThat(decision.remaining()).isEqualTo(n - i - 1);
    }
    RateLimitDecision refused = limiter.tryAcquire(kind, key);
    assertThat(refused.allowed()).isFalse();
    assertThat(refused.remaining()).isZero();
    assertThat(refused.retryAfter()).isPositive();
    assertThat(refused.retryAfterSeconds()).isGreaterThanOrEqualTo(1);
  }

  private static String prefix() {
    return "test:" + UUID.randomUUID() + ":";
  }
}
