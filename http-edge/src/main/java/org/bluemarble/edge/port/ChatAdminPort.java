package org.bluemarble.edge.port;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Chat moderation for Moderators and Admins: timed mutes, the degraded switch, channel history. */
public interface ChatAdminPort {

  /** A mute in force: {@code playerId} may not chat before {@code until}. */
  record Mute(String playerId, Instant until, String reason, String by) {}

  /** One line of a channel's history. */
  record Line(
      String channel,
      String fromPlayerId,
      String fromName,
      String text,
      Instant at,
      long sequence) {}

  /** Chat as this node sees it. */
  record Status(boolean degraded, int queued, List<Mute> mutes) {}

  /** Mutes {@code playerId} on every node for {@code duration}. */
  CompletionStage<Mute> mute(String playerId, Duration duration, String reason, String by);

  /** Lifts the mute of {@code playerId} on every node. */
  CompletionStage<Void> unmute(String playerId, String by);

  /** Switches degraded chat (lines delayed in a bounded queue) on or off on every node. */
  CompletionStage<Status> setDegraded(boolean on, String by);

  /** Degraded switch, queue length and mutes on this node. */
  CompletionStage<Status> status();

  /** The last lines of {@code channel} (GENERAL, or TRADE/&lt;region&gt;) this node keeps. */
  CompletionStage<List<Line>> history(String channel);

  /** A line attached to a report (what the reported player said where the reporter heard it). */
  record ReportLine(String channel, String fromName, String text, Instant at) {}

  /**
   * A player's report; {@code status} OPEN, or the action that closed it (DISMISSED, MUTED) with
   * who closed it and the note.
   */
  record Report(
      String id,
      String reporterId,
      String reportedId,
      String reason,
      List<ReportLine> lines,
      Instant at,
      String status,
      String resolvedBy,
      String note) {}

  /** Reports, newest first; only open ones when {@code openOnly}. */
  default CompletionStage<List<Report>> reports(boolean openOnly) {
    return CompletableFuture.failedFuture(
        new PortException(PortException.Code.UNAVAILABLE, "this server takes no reports"));
  }

  /**
   * Closes report {@code reportId}: {@code mute} null dismisses it, otherwise the reported player
   * is muted (persisted, on every node) for that long. Fails NOT_FOUND for an unknown report.
   */
  default CompletionStage<Report> resolveReport(
      String reportId, Duration mute, String note, String by) {
    return CompletableFuture.failedFuture(
        new PortException(PortException.Code.UNAVAILABLE, "this server takes no reports"));
  }

  /** A port whose every call fails with UNAVAILABLE (games without chat). */
  static ChatAdminPort unavailable() {
    return new ChatAdminPort() {
      private <T> CompletionStage<T> no() {
        return CompletableFuture.failedFuture(
            new PortException(PortException.Code.UNAVAILABLE, "this server has no chat"));
      }

      @Override
      public CompletionStage<Mute> mute(String p, Duration d, String r, String by) {
        return no();
      }

      @Override
      public CompletionStage<Void> unmute(String p, String by) {
        return no();
      }

      @Override
      public CompletionStage<Status> setDegraded(boolean on, String by) {
        return no();
      }

      @Override
      public CompletionStage<Status> status() {
        return no();
      }

      @Override
      public CompletionStage<List<Line>> history(String channel) {
        return no();
      }
    };
  }
}
