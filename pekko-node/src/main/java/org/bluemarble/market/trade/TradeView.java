package org.bluemarble.market.trade;

import java.util.Map;
import org.bluemarble.node.CborSerializable;

/**
 * A copy of one trade: both offers at {@code version}, who confirmed, the {@code status}
 * (NEGOTIATING, ESCROWING, RELEASING, COMPLETED, ABORTING, CANCELLED, or NONE before it is opened),
 * why it was aborted, and what it holds in escrow right now (copper and items by id).
 */
public record TradeView(
    String tradeId,
    String first,
    String second,
    TradeOffer firstOffer,
    TradeOffer secondOffer,
    long version,
    boolean firstConfirmed,
    boolean secondConfirmed,
    String status,
    String failure,
    long heldCopper,
    Map<String, Long> heldItems,
    int pendingLegs)
    implements CborSerializable {
  public TradeView {
    heldItems = Map.copyOf(heldItems);
  }
}
