package org.bluemarble.chat;

import org.bluemarble.edge.port.ChatLine;
import org.bluemarble.edge.port.ChatPush;
import org.bluemarble.node.CborSerializable;

/**
 * One accepted chat line as it travels between presences, cells and nodes (and as the {@code chat}
 * fact other services may project): who said what on which channel, when, with the speaker's own
 * sequence number.
 *
 * @param scope the channel's audience key: the trade region's S2 token for TRADE, the party or
 *     guild id, else empty
 * @param toName the whisper's recipient, else empty
 */
public record ChatEntry(
    ChatLine.Channel channel,
    String scope,
    String fromPlayerId,
    String fromName,
    String text,
    long sentAtMillis,
    String toName,
    long sequence,
    boolean delayed)
    implements CborSerializable {

  /** The same line marked as held back (degraded chat or history). */
  public ChatEntry asDelayed() {
    return new ChatEntry(
        channel, scope, fromPlayerId, fromName, text, sentAtMillis, toName, sequence, true);
  }

  /** The push a recipient's connection gets. */
  public ChatPush.Delivered toPush() {
    return new ChatPush.Delivered(
        channel, fromPlayerId, fromName, text, sentAtMillis, toName, sequence, delayed);
  }
}
