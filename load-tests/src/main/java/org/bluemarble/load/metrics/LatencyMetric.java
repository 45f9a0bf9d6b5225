package org.bluemarble.load.metrics;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * One latency measured from many threads: an HdrHistogram {@link Recorder} (wait-free recording)
 * whose interval histograms are folded into a whole-run total and a steady-state total. Values in
 * microseconds, up to one minute, 3 significant digits.
 */
public final class LatencyMetric {

  /** Largest value tracked, in microseconds. */
  public static final long HIGHEST_MICROS = 60_000_000L;

  private final Recorder recorder = new Recorder(HIGHEST_MICROS, 3);
  private final Histogram total = new Histogram(HIGHEST_MICROS, 3);
  private final Histogram steady = new Histogram(HIGHEST_MICROS, 3);
  private Histogram interval;

  /** Records one latency given in nanoseconds (clamped into the tracked range). */
  public void recordNanos(long nanos) {
    recorder.recordValue(Math.max(0, Math.min(HIGHEST_MICROS, nanos / 1_000)));
  }

  /**
   * Closes the current interval, adds it to the totals ({@code steadyState}: also to the steady
   * total) and returns its summary. Called by one sampling thread.
   */
  public synchronized LatencySummary sample(boolean steadyState) {
    interval = recorder.getIntervalHistogram(interval);
    total.add(interval);
    if (steadyState) {
      steady.add(interval);
    }
    return LatencySummary.of(interval);
  }

  /** Everything recorded until the last {@link #sample}. */
  public synchronized LatencySummary total() {
    return LatencySummary.of(total);
  }

  /** What was recorded during steady-state intervals. */
  public synchronized LatencySummary steady() {
    return LatencySummary.of(steady);
  }
}
