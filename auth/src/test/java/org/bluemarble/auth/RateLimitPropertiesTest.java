package org.bluemarble.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class RateLimitPropertiesTest {

  @Property(tries = 50)
  void anInProcessBucketAllowsExactlyItsCapacityBeforeRefusing(
      @ForAll @IntRange(min = 1, max = 60) int capacity) {
    RateLimit limit = new RateLimit(capacity, Duration.ofHours(1));
    RateLimiter limiter =
        Bucket4jRateLimiter.inProcess(new RateLimitSettings(limit, limit, limit, limit, limit));
    int allowed = 0;
    for (int i = 0; i < capacity + 5; i++) {
      if (limiter.tryAcquire(RateLimitKind.CHAT, "acc").allowed()) {
        allowed++;
      }
    }
    assertThat(allowed).isEqualTo(capacity);
  }

  @Property
  void headerSecondsRoundUpAndRefusalsWaitAtLeastOneSecond(
      @ForAll @IntRange(min = 0, max = 10_000_000) int retryMicros,
      @ForAll @IntRange(min = 0, max = 10_000_000) int resetMicros) {
    Duration retry = Duration.ofNanos(retryMicros * 1_000L);
    Duration reset = Duration.ofNanos(resetMicros * 1_000L);
    RateLimitDecision refused = new RateLimitDecision(false, 5, 0, retry, reset);
    assertThat(refused.retryAfterSeconds()).isGreaterThanOrEqualTo(1);
    assertThat(refused.retryAfterSeconds() * 1_000_000L).isGreaterThanOrEqualTo(retryMicros);
    assertThat(refused.resetAfterSeconds() * 1_000_000L).isGreaterThanOrEqualTo(resetMicros);
    assertThat((refused.resetAfterSeconds() - 1) * 1_000_000L).isLessThan(Math.max(1, resetMicros));
  }
}
