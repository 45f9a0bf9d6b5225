package org.bluemarble.edge.port;

/**
 * One line a player wants to say, as the edge decoded it from {@code ChatSend}: the world checks
 * the limits, filters and delivers it (see {@link Presence#chat}).
 *
 * @param toName the recipient's character name for {@link Channel#WHISPER}, else empty
 */
public record ChatLine(Channel channel, String text, String toName) {

  /** Where a line goes; mirrors the protocol's {@code ChatChannel}. */
  public enum Channel {
    SAY,
    YELL,
    WHISPER,
    PARTY,
    GUILD,
    TRADE,
    GENERAL,
    SYSTEM
  }

  public ChatLine {
    text = text == null ? "" : text;
    toName = toName == null ? "" : toName;
  }
}
