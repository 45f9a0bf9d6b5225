package org.bluemarble.market.exchange;

import java.time.Instant;
import org.bluemarble.node.CborSerializable;

/**
 * One order of an order book as players see it. {@code status}: PENDING (escrow being taken), OPEN
 * (resting, possibly partly filled), FILLED, CANCELLED (the unfilled rest was returned) or REJECTED
 * (the escrow could not be taken; {@code reason} says why). Prices are copper per unit.
 */
public record OrderView(
    String orderId,
    String market,
    String itemId,
    String owner,
    String side,
    long limitPrice,
    long quantity,
    long filled,
    String status,
    String reason,
    Instant at)
    implements CborSerializable {

  /** Units still waiting in the book (0 unless OPEN or PENDING). */
  public long remaining() {
    return status.equals("OPEN") || status.equals("PENDING") ? quantity - filled : 0;
  }

  OrderView with(long newFilled, String newStatus, String newReason) {
    return new OrderView(
        orderId,
        market,
        itemId,
        owner,
        side,
        limitPrice,
        quantity,
        newFilled,
        newStatus,
        newReason,
        at);
  }
}
