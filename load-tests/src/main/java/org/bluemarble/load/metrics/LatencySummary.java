package org.bluemarble.load.metrics;

import org.HdrHistogram.Histogram;

/**
 * The percentiles the reports print for one latency histogram, in milliseconds (recorded in
 * microseconds). {@link #EMPTY} when nothing was recorded.
 */
public record LatencySummary(
    long count, double p50Ms, double p90Ms, double p99Ms, double p999Ms, double maxMs) {

  /** Nothing recorded. */
  public static final LatencySummary EMPTY = new LatencySummary(0, 0, 0, 0, 0, 0);

  /** Summarises a histogram of microseconds. */
  public static LatencySummary of(Histogram micros) {
    if (micros.getTotalCount() == 0) {
      return EMPTY;
    }
    return new LatencySummary(
        micros.getTotalCount(),
        ms(micros.getValueAtPercentile(50)),
        ms(micros.getValueAtPercentile(90)),
        ms(micros.getValueAtPercentile(99)),
        ms(micros.getValueAtPercentile(99.9)),
        ms(micros.getMaxValue()));
  }

  private static double ms(long micros) {
    return Math.round(micros / 10.0) / 100.0;
  }

  /** {@code p50 1.23 / p99 4.56 ms (n)}, for the console. */
  public String brief() {
    return count == 0
        ? "no samples"
        : String.format(
            "p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f ms  (n=%d)",
            p50Ms, p90Ms, p99Ms, p999Ms, maxMs, count);
  }
}
