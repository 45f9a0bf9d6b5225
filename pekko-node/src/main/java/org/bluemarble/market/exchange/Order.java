package org.bluemarble.market.exchange;

import java.util.Objects;
import org.bluemarble.market.Ids;
import org.bluemarble.market.MarketError;
import org.bluemarble.market.MarketException;
import org.bluemarble.market.Money;

/**
 * A limit order as submitted: buy or sell up to {@code quantity} units at {@code limitPrice} copper
 * per unit or better. {@code id} is chosen by the caller and must be unique within a book.
 */
public record Order(String id, String owner, Side side, long limitPrice, long quantity) {
  /** Largest quantity one order may carry. */
  public static final long MAX_QUANTITY = 1_000_000;

  public Order {
    Ids.require("order id", id);
    Ids.require("order owner", owner);
    Objects.requireNonNull(side, "side");
    Money.requirePositive("limitPrice", limitPrice);
    if (quantity < 1 || quantity > MAX_QUANTITY) {
      throw new MarketException(
          MarketError.INVALID_QUANTITY,
          "quantity must be 1.." + MAX_QUANTITY + ", was " + quantity);
    }
    Money.times(limitPrice, quantity);
  }
}
