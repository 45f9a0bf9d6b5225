package org.bluemarble.auth;

import java.time.Duration;

/**
 * At most {@code capacity} events per {@code period}, refilled smoothly (a token bucket, so a
 * client that paused may burst up to {@code capacity}).
 *
 * @param capacity 1 .. 1,000,000 events
 * @param period 1 ms .. 1 day
 */
public record RateLimit(long capacity, Duration period) {
  public RateLimit {
    if (capacity < 1 || capacity > 1_000_000) {
      throw new IllegalArgumentException("rate limit capacity must be 1..1000000, was " + capacity);
    }
    if (period == null
        || period.compareTo(Duration.ofMillis(1)) < 0
        || period.compareTo(Duration.ofDays(1)) > 0) {
      throw new IllegalArgumentException("rate limit period must be 1ms..1d, was " + period);
    }
  }
}
