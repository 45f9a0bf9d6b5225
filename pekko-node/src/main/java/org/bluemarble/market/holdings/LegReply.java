package org.bluemarble.market.holdings;

import org.bluemarble.market.MarketError;
import org.bluemarble.node.CborSerializable;

/** What {@link Holdings} answers to a posted {@link Leg}. */
public sealed interface LegReply extends CborSerializable {
  String key();

  /** Applied now or earlier (a re-post of an applied key answers this too). */
  record LegDone(String key) implements LegReply {}

  /**
   * Not applied, and nothing changed. For an OUT leg or a mint the refusal stands (re-posts of the
   * key get it again); another IN leg may succeed when re-posted once there is room.
   */
  record LegRefused(String key, MarketError error, String message) implements LegReply {}
}
