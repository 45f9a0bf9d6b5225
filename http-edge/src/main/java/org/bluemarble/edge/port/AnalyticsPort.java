package org.bluemarble.edge.port;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Analytics for admins: daily counters kept by the node's analytics projections (registrations,
 * characters created and active, economy volume by kind, harvests).
 */
public interface AnalyticsPort {
  /** Analytics switched off on this node: every call fails with UNAVAILABLE. */
  AnalyticsPort OFF =
      (from, to) ->
          CompletableFuture.failedFuture(
              new PortException(
                  PortException.Code.UNAVAILABLE,
                  "analytics are off on this node (bluemarble.stream.analytics.enabled)"));

  /** One day's (UTC) value of one metric. */
  record DailyMetric(String day, String metric, long value) {}

  /** Every metric of every day in [from, to], ordered by day then metric. */
  CompletionStage<List<DailyMetric>> daily(LocalDate from, LocalDate to);
}
