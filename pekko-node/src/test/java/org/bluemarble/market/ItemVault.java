package org.bluemarble.market;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Test stand-in for the inventory entities: item holdings per holder, each move applied once per
 * idempotency key and refused when the source lacks the items.
 */
final class ItemVault {
  private final Map<ItemHolder, Map<String, Long>> held = new HashMap<>();
  private final Set<String> applied = new HashSet<>();

  void give(String player, String item, long quantity) {
    held.computeIfAbsent(ItemHolder.player(player), h -> new HashMap<>())
        .merge(item, quantity, Long::sum);
  }

  long of(ItemHolder holder, String item) {
    return held.getOrDefault(holder, Map.of()).getOrDefault(item, 0L);
  }

  /** Total of {@code item} over every holder, escrows included. */
  long total(String item) {
    return held.values().stream().mapToLong(m -> m.getOrDefault(item, 0L)).sum();
  }

  void apply(ItemMove move) {
    if (applied.contains(move.idempotencyKey())) {
      return;
    }
    if (of(move.from(), move.itemId()) < move.quantity()) {
      throw new MarketException(MarketError.INSUFFICIENT_INVENTORY, move.toString());
    }
    held.computeIfAbsent(move.from(), h -> new HashMap<>())
        .merge(move.itemId(), -move.quantity(), Long::sum);
    held.computeIfAbsent(move.to(), h -> new HashMap<>())
        .merge(move.itemId(), move.quantity(), Long::sum);
    applied.add(move.idempotencyKey());
  }

  /** Whether any holder has a negative count (never, if moves are checked). */
  boolean anyNegative() {
    return held.values().stream().flatMap(m -> m.values().stream()).anyMatch(q -> q < 0);
  }
}
