package org.bluemarble.market;

import java.util.ArrayList;
import java.util.List;
import org.bluemarble.market.holdings.Leg;
import org.bluemarble.market.inventory.ItemStack;

/**
 * What one rule decision moves, as {@link Leg}s in the order the decision makes them, and the fee
 * it keeps. An {@code OUT} leg is a charge: it takes copper or items from a player into the
 * deciding entity's escrow (the entity collects it with its own charge leg before the rule runs).
 * An {@code IN} leg is a payout from that escrow to a player, owed until the holdings acknowledge
 * it. {@code fee} copper leaves the escrow as collected fees. Each leg's key is its idempotency
 * key; the entity may prefix it to make it unique across entities. Money is never created: the
 * escrow keeps the charges minus the payouts and the fee.
 */
public record Settlement(List<Leg> legs, long fee) {
  public Settlement {
    legs = List.copyOf(legs);
    Money.requireAmount("fee", fee);
  }

  /** The {@code charges} first, then the {@code payouts}. */
  public static Settlement of(List<Leg> charges, List<Leg> payouts, long fee) {
    List<Leg> legs = new ArrayList<>(charges);
    legs.addAll(payouts);
    return new Settlement(legs, fee);
  }

  /** Nothing to move. */
  public static Settlement none() {
    return new Settlement(List.of(), 0);
  }

  /** The {@code OUT} legs, in order. */
  public List<Leg> charges() {
    return legs.stream().filter(l -> l.direction() == Leg.Direction.OUT).toList();
  }

  /** The {@code IN} legs, in order. */
  public List<Leg> payouts() {
    return legs.stream().filter(l -> l.direction() == Leg.Direction.IN).toList();
  }

  /** One stack of {@code quantity} of {@code itemId}, as legs carry items. */
  public static List<ItemStack> stack(String itemId, long quantity) {
    return List.of(new ItemStack(itemId, Math.toIntExact(quantity)));
  }
}
