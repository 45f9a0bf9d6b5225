package org.bluemarble.market;

import java.util.List;

/**
 * The money and item moves one market decision requires, in the order they should be applied. The
 * entity persists the decision and hands these to the ledger and inventories (each move carries its
 * own idempotency key, so re-running after a crash is safe).
 */
public record Settlement(List<MoneyMove> money, List<ItemMove> items) {
  public Settlement {
    money = List.copyOf(money);
    items = List.copyOf(items);
  }

  public static Settlement of(List<MoneyMove> money, List<ItemMove> items) {
    return new Settlement(money, items);
  }

  /** Nothing to move. */
  public static Settlement none() {
    return new Settlement(List.of(), List.of());
  }
}
