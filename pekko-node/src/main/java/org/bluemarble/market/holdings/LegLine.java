package org.bluemarble.market.holdings;

import java.time.Instant;
import java.util.List;
import org.bluemarble.market.inventory.ItemStack;
import org.bluemarble.node.CborSerializable;

/**
 * One line of a player's ledger as admins see it: the leg's idempotency key (which names the saga
 * step, e.g. {@code listing:capital.x:pay}), direction, amounts, items and when it was applied.
 */
public record LegLine(
    String key, String direction, long copper, long honor, List<ItemStack> items, Instant at)
    implements CborSerializable {
  public LegLine {
    items = List.copyOf(items);
  }
}
