package org.bluemarble.auth;

import java.time.Duration;

/**
 * The answer of a {@link RateLimiter}, carrying what the edge puts into headers: {@code
 * X-RateLimit-Limit} = {@link #limit}, {@code X-RateLimit-Remaining} = {@link #remaining}, {@code
 * X-RateLimit-Reset} = {@link #resetAfter} in seconds, and, when not allowed, {@code Retry-After} =
 * {@link #retryAfter} in seconds (rounded up).
 *
 * @param retryAfter zero when allowed
 * @param resetAfter time until the bucket is full again
 */
public record RateLimitDecision(
    boolean allowed, long limit, long remaining, Duration retryAfter, Duration resetAfter) {

  /** {@link #retryAfter} in whole seconds, rounded up, at least 1 when refused. */
  public long retryAfterSeconds() {
    return allowed ? 0 : Math.max(1, ceilSeconds(retryAfter));
  }

  /** {@link #resetAfter} in whole seconds, rounded up. */
  public long resetAfterSeconds() {
    return ceilSeconds(resetAfter);
  }

  private static long ceilSeconds(Duration duration) {
    long seconds = duration.getSeconds();
    return duration.getNano() > 0 ? seconds + 1 : seconds;
  }
}
