package org.bluemarble.load.driver;

import java.util.Locale;

/**
 * Which transport the bots use; {@code mixed} alternates by bot index (even WebSocket, odd UDP).
 */
public enum TransportMode {
  /** Every bot on UDP (connect token fetched over a short WebSocket session). */
  UDP,
  /** Every bot on WebSocket. */
  WS,
  /** Even bots WebSocket, odd bots UDP. */
  MIXED;

  /** Parses {@code udp}, {@code ws} or {@code mixed} (any case). */
  public static TransportMode parse(String text) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "transport must be udp, ws or mixed, was '" + text + "'", e);
    }
  }

  /** Whether bot {@code index} uses UDP. */
  public boolean udpFor(int index) {
    return this == UDP || (this == MIXED && index % 2 == 1);
  }
}
