package org.bluemarble.edge.port;

/**
 * What the chat service tells one player's connection through {@link WorldListener#onChat}: a
 * delivered line, or the answer to one of its own {@link Presence#chat} calls.
 */
public sealed interface ChatPush permits ChatPush.Delivered, ChatPush.Accepted, ChatPush.Refused {

  /**
   * A line for this player (its own lines included).
   *
   * @param fromPlayerId empty for system announcements
   * @param toName the whisper's recipient, else empty
   * @param sequence the speaker's own increasing number for its lines
   * @param delayed true when degraded chat held it back, or it comes from a channel's history
   */
  record Delivered(
      ChatLine.Channel channel,
      String fromPlayerId,
      String fromName,
      String text,
      long sentAtMillis,
      String toName,
      long sequence,
      boolean delayed)
      implements ChatPush {}

  /** The line of request {@code correlationId} was accepted with this sequence and text. */
  record Accepted(long correlationId, long sequence, boolean delayed, String text)
      implements ChatPush {}

  /** The line of request {@code correlationId} was refused; nothing was delivered. */
  record Refused(long correlationId, Reason reason, String message, long retryAfterMillis)
      implements ChatPush {}

  /** Why a line was refused. */
  enum Reason {
    /** More lines than the flood limit allows; retry after {@code retryAfterMillis}. */
    RATE_LIMITED,
    /** Empty, too long, or a channel players cannot send on. */
    INVALID,
    /** The whisper's recipient is not online. */
    RECIPIENT_OFFLINE,
    /** A moderator muted the sender. */
    MUTED,
    /** The sender is not in a party or guild for that channel. */
    NOT_A_MEMBER,
    /** Degraded chat's queue is full; retry after {@code retryAfterMillis}. */
    BUSY
  }
}
