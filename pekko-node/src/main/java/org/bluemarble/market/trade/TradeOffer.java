package org.bluemarble.market.trade;

import java.util.List;
import org.bluemarble.market.Money;
import org.bluemarble.market.inventory.ItemStack;

/** What one side puts into a trade: copper and item stacks (either may be empty). */
public record TradeOffer(long money, List<ItemStack> items) {
  public static final TradeOffer EMPTY = new TradeOffer(0, List.of());

  public TradeOffer {
    Money.requireAmount("money", money);
    items = List.copyOf(items);
  }

  public boolean isEmpty() {
    return money == 0 && items.isEmpty();
  }
}
