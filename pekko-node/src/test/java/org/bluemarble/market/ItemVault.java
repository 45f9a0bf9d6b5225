package org.bluemarble.market;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.bluemarble.market.holdings.Leg;
import org.bluemarble.market.inventory.ItemStack;

/**
 * Test stand-in for the holdings' items: items per holder (a player, or an escrow named by its
 * purpose), each leg applied once per idempotency key and refused when the source lacks the items.
 */
public final class ItemVault {
  private final Map<String, Map<String, Long>> held = new HashMap<>();
  private final Set<String> applied = new HashSet<>();

  /** The holder name of {@code player}'s inventory. */
  public static String player(String player) {
    return "player:" + player;
  }

  public void give(String player, String item, long quantity) {
    held.computeIfAbsent(player(player), h -> new HashMap<>()).merge(item, quantity, Long::sum);
  }

  public long of(String holder, String item) {
    return held.getOrDefault(holder, Map.of()).getOrDefault(item, 0L);
  }

  /** Total of {@code item} over every holder, escrows included. */
  public long total(String item) {
    return held.values().stream().mapToLong(m -> m.getOrDefault(item, 0L)).sum();
  }

  /** Moves the items of {@code s}: charges from the players into {@code escrow}, payouts back. */
  public void settle(Settlement s, String escrow) {
    for (Leg leg : s.legs()) {
      String player = player(leg.playerId());
      if (leg.direction() == Leg.Direction.OUT) {
        move(leg, player, escrow);
      } else {
        move(leg, escrow, player);
      }
    }
  }

  private void move(Leg leg, String from, String to) {
    if (leg.items().isEmpty() || applied.contains(leg.key())) {
      return;
    }
    for (ItemStack stack : leg.items()) {
      if (of(from, stack.itemId()) < stack.quantity()) {
        throw new MarketException(MarketError.INSUFFICIENT_INVENTORY, leg.toString());
      }
    }
    for (ItemStack stack : leg.items()) {
      held.computeIfAbsent(from, h -> new HashMap<>())
          .merge(stack.itemId(), (long) -stack.quantity(), Long::sum);
      held.computeIfAbsent(to, h -> new HashMap<>())
          .merge(stack.itemId(), (long) stack.quantity(), Long::sum);
    }
    applied.add(leg.key());
  }

  /** Whether any holder has a negative count (never, if moves are checked). */
  public boolean anyNegative() {
    return held.values().stream().flatMap(m -> m.values().stream()).anyMatch(q -> q < 0);
  }
}
