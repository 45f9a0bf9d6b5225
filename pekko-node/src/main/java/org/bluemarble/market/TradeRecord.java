package org.bluemarble.market;

import java.time.Instant;
import java.util.Objects;

/** One completed sale for the trade history: {@code quantity} units at {@code unitPrice} copper. */
public record TradeRecord(String itemId, long unitPrice, long quantity, Instant at) {
  public TradeRecord {
    Objects.requireNonNull(itemId, "itemId");
    Objects.requireNonNull(at, "at");
    Money.requirePositive("unitPrice", unitPrice);
    if (quantity < 1) {
      throw new MarketException(
          MarketError.INVALID_QUANTITY, "quantity must be >= 1, was " + quantity);
    }
  }
}
