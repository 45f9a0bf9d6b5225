package org.bluemarble.zone;

import java.util.Arrays;

/**
 * Tick-cost statistics of one cell: ticks run, overruns (a tick that took longer than its period),
 * and p50/p99 over the last {@link #WINDOW} ticks. Also rate-limits overrun log lines. Not
 * thread-safe: one actor owns it.
 */
final class TickStats {
  /** Ticks kept for percentiles. */
  static final int WINDOW = 1024;

  /** At most one overrun log line per this many nanoseconds. */
  static final long LOG_EVERY_NANOS = 10_000_000_000L;

  private final long periodNanos;
  private final long[] costs = new long[WINDOW];
  private long ticks;
  private long overruns;
  private long overrunsSinceLog;
  private long lastLogNanos;
  private boolean logged;

  TickStats(long periodNanos) {
    this.periodNanos = periodNanos;
  }

  /**
   * Records one tick's cost at monotonic time {@code nowNanos}; returns the number of overruns to
   * report now (0 when nothing is to be logged, rate limit included).
   */
  long record(long costNanos, long nowNanos) {
    costs[(int) (ticks % WINDOW)] = costNanos;
    ticks++;
    if (costNanos <= periodNanos) {
      return 0;
    }
    overruns++;
    overrunsSinceLog++;
    if (logged && nowNanos - lastLogNanos < LOG_EVERY_NANOS) {
      return 0;
    }
    logged = true;
    lastLogNanos = nowNanos;
    long n = overrunsSinceLog;
    overrunsSinceLog = 0;
    return n;
  }

  long ticks() {
    return ticks;
  }

  long overruns() {
    return overruns;
  }

  long periodNanos() {
    return periodNanos;
  }

  /** The {@code q}-quantile (0..1) of the recent tick costs in nanoseconds; 0 before any tick. */
  long percentile(double q) {
    int n = (int) Math.min(ticks, WINDOW);
    if (n == 0) {
      return 0;
    }
    long[] sorted = Arrays.copyOf(costs, n);
    Arrays.sort(sorted);
    int index = (int) Math.ceil(q * n) - 1;
    return sorted[Math.max(0, Math.min(n - 1, index))];
  }
}
