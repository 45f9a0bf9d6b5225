package org.bluemarble.market.exchange;

import java.util.List;
import org.bluemarble.market.Settlement;

/**
 * What placing one order did: the fills in matching order, the quantity left resting in the book
 * (zero when fully filled or cancelled), the quantity cancelled by self-trade prevention (its
 * escrow paid back in the settlement), and the legs of the decision: the charge (funds for buys,
 * items for sells), then payments, refunds and deliveries, and the fees kept.
 */
public record MatchResult(
    List<Fill> fills, long restingQuantity, long cancelledQuantity, Settlement settlement) {
  public MatchResult {
    fills = List.copyOf(fills);
  }
}
