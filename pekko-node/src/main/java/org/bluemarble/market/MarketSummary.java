package org.bluemarble.market;

import java.util.Map;
import org.bluemarble.node.CborSerializable;

/**
 * What one market holds, for the ledger invariant: {@code escrowCopper} (buyers' money not yet paid
 * on, refunds not yet delivered), {@code feeSink} (fees collected), items held (listed items and
 * items on their way to players) and how many legs and operations are still in flight (the
 * invariant is exact when both are 0).
 */
public record MarketSummary(
    String marketId,
    long escrowCopper,
    long feeSink,
    Map<String, Long> itemsHeld,
    int pendingLegs,
    int openOps,
    int activeListings)
    implements CborSerializable {
  public MarketSummary {
    itemsHeld = Map.copyOf(itemsHeld);
  }
}
