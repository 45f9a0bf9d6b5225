package org.bluemarble.market.inventory;

import java.util.Objects;
import org.bluemarble.market.MarketError;
import org.bluemarble.market.MarketException;

/** A quantity (at least one) of one item id, as held in an inventory or equipment slot. */
public record ItemStack(String itemId, int quantity) {
  public ItemStack {
    Objects.requireNonNull(itemId, "itemId");
    if (quantity < 1) {
      throw new MarketException(
          MarketError.INVALID_QUANTITY, "quantity of " + itemId + " must be >= 1, was " + quantity);
    }
  }
}
