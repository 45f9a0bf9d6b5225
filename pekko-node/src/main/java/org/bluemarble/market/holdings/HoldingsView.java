package org.bluemarble.market.holdings;

import java.util.List;
import java.util.Map;
import org.bluemarble.node.CborSerializable;

/**
 * A copy of one player's holdings: {@code copper} and {@code honor} balances, item counts by id
 * (bag and equipment together), free bag slots, the freeze flag, how many legs were applied and the
 * last {@value HoldingsState#RECENT_LEGS} of them, newest first (the player's ledger view), and the
 * trust tier an admin gave the player (null: the configured default applies).
 */
public record HoldingsView(
    String playerId,
    long copper,
    long honor,
    Map<String, Integer> items,
    int freeSlots,
    boolean frozen,
    String frozenReason,
    long legsApplied,
    List<LegLine> recentLegs,
    String trustTier,
    String trustTierReason,
    List<String> orderBooks)
    implements CborSerializable {
  public HoldingsView {
    items = Map.copyOf(items);
    recentLegs = List.copyOf(recentLegs);
    orderBooks = List.copyOf(orderBooks);
  }
}
