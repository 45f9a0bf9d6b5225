package org.bluemarble.stream;

import java.time.Duration;
import java.util.Optional;

/**
 * The presence analytics rules, pure: a character in the world journals a position checkpoint at
 * least every {@code bluemarble.zone.checkpoint-interval} (at most 10 s) and one on leaving, and
 * nothing while away. So checkpoints at most {@code gap} apart belong to one session, which lasts
 * from its first checkpoint to its last; and a character is online in every minute it checkpoints
 * in (CCU of a minute: the characters online at some time during it).
 */
public final class PresenceRules {
  private PresenceRules() {}

  /** A session still open: its first and newest checkpoint (epoch milliseconds). */
  public record Open(long startedMs, long lastMs) {}

  /** A finished session (epoch milliseconds, {@code endedMs >= startedMs}). */
  public record Session(long startedMs, long endedMs) {
    public long lengthMs() {
      return endedMs - startedMs;
    }
  }

  /** After one checkpoint: the open session, and the one it closed if the gap was too long. */
  public record Step(Open open, Optional<Session> closed) {}

  /**
   * The session state after a checkpoint at {@code atMs}; {@code open} is null for a character with
   * no session yet. A checkpoint older than the newest (clock skew between nodes) extends nothing.
   */
  public static Step checkpoint(Open open, long atMs, Duration gap) {
    if (open == null) {
      return new Step(new Open(atMs, atMs), Optional.empty());
    }
    if (atMs - open.lastMs() > gap.toMillis()) {
      return new Step(
          new Open(atMs, atMs), Optional.of(new Session(open.startedMs(), open.lastMs())));
    }
    return new Step(new Open(open.startedMs(), Math.max(open.lastMs(), atMs)), Optional.empty());
  }

  /** Whether {@code open} is over at {@code nowMs}: no checkpoint for longer than {@code gap}. */
  public static boolean ended(Open open, long nowMs, Duration gap) {
    return nowMs - open.lastMs() > gap.toMillis();
  }

  /** The minute (since the epoch, UTC) of {@code atMs}. */
  public static long minute(long atMs) {
    return Math.floorDiv(atMs, 60_000L);
  }
}
