package org.bluemarble.edge.port;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Analytics for admins: daily counters kept by the node's analytics projections (registrations,
 * characters created and active, economy volume by kind, harvests, kills), and presence: concurrent
 * characters per minute, session lengths, daily and monthly active characters.
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

  /** The characters online during one minute (UTC, ISO-8601 instant of its start). */
  record MinuteCount(String minute, long players) {}

  /**
   * The finished sessions that started on one day (UTC): how many, and their lengths in seconds
   * (total, average, median, longest).
   */
  record SessionDay(
      String day,
      long sessions,
      long totalSeconds,
      long averageSeconds,
      long medianSeconds,
      long longestSeconds) {}

  /**
   * Active characters (created or in the world) on one day (UTC): that day (DAU) and in the 30 days
   * ending with it (MAU).
   */
  record ActiveDay(String day, long dau, long mau) {}

  /** Concurrent characters of every minute in [from, to), oldest first, zero minutes included. */
  default CompletionStage<List<MinuteCount>> ccu(Instant from, Instant to) {
    return off();
  }

  /** The sessions of every day in [from, to] that has one, by day. */
  default CompletionStage<List<SessionDay>> sessions(LocalDate from, LocalDate to) {
    return off();
  }

  /** DAU and MAU of every day in [from, to], by day. */
  default CompletionStage<List<ActiveDay>> active(LocalDate from, LocalDate to) {
    return off();
  }

  private static <T> CompletionStage<T> off() {
    return CompletableFuture.failedFuture(
        new PortException(
            PortException.Code.UNAVAILABLE,
            "analytics are off on this node (bluemarble.stream.analytics.enabled)"));
  }
}
