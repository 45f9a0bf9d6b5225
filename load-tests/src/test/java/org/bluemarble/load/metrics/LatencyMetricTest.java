package org.bluemarble.load.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class LatencyMetricTest {

  @Test
  void summarisesPercentilesInMilliseconds() {
    Histogram h = new Histogram(LatencyMetric.HIGHEST_MICROS, 3);
    for (int ms = 1; ms <= 1000; ms++) {
      h.recordValue(ms * 1000L);
    }
    LatencySummary s = LatencySummary.of(h);
    assertThat(s.count()).isEqualTo(1000);
    assertThat(s.p50Ms()).isCloseTo(500, within(1.0));
    assertThat(s.p90Ms()).isCloseTo(900, within(1.0));
    assertThat(s.p99Ms()).isCloseTo(990, within(1.0));
    assertThat(s.p999Ms()).isCloseTo(999, within(1.0));
    assertThat(s.maxMs()).isCloseTo(1000, within(1.0));
  }

  @Test
  void anEmptyHistogramSummarisesAsEmpty() {
    assertThat(LatencySummary.of(new Histogram(3))).isEqualTo(LatencySummary.EMPTY);
    assertThat(LatencySummary.EMPTY.brief()).isEqualTo("no samples");
  }

  @Test
  void steadyTotalHoldsOnlySteadyIntervals() {
    LatencyMetric m = new LatencyMetric();
    m.recordNanos(900_000_000L);
    assertThat(m.sample(false).count()).isEqualTo(1);
    m.recordNanos(2_000_000L);
    m.recordNanos(4_000_000L);
    LatencySummary interval = m.sample(true);
    assertThat(interval.count()).isEqualTo(2);
    assertThat(m.steady().count()).isEqualTo(2);
    assertThat(m.steady().maxMs()).isCloseTo(4, within(0.01));
    assertThat(m.total().count()).isEqualTo(3);
    assertThat(m.total().maxMs()).isCloseTo(900, within(1.0));
  }

  @Test
  void clampsValuesOutsideTheTrackedRange() {
    LatencyMetric m = new LatencyMetric();
    m.recordNanos(-5);
    m.recordNanos(Long.MAX_VALUE);
    LatencySummary s = m.sample(true);
    assertThat(s.count()).isEqualTo(2);
    assertThat(s.maxMs()).isCloseTo(60_000, within(60.0));
  }
}
