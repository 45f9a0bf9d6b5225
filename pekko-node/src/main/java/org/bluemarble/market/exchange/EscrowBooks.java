package org.bluemarble.market.exchange;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.bluemarble.market.MarketSummary;
import org.bluemarble.market.Settlement;
import org.bluemarble.market.holdings.Leg;
import org.bluemarble.market.inventory.ItemStack;

/**
 * The escrow side of an entity that takes players' money and items in with charge legs and pays
 * them out with owed legs (order books, auction houses): the copper and items it holds, the fees it
 * collected and the legs it still owes. A rule class's {@link Settlement} is applied knowing that
 * its charges were already taken (by the entity's own charge leg), its fee stays here and its
 * payouts become legs owed until the holdings acknowledge them. Mutable; lives inside one actor.
 */
final class EscrowBooks {
  private final String keyPrefix;
  private final Map<String, Leg> pending = new LinkedHashMap<>();
  private final Map<String, Long> items = new TreeMap<>();
  private long copper;
  private long fees;

  /** {@code keyPrefix} makes the rule's idempotency keys unique across entities. */
  EscrowBooks(String keyPrefix) {
    this.keyPrefix = keyPrefix;
  }

  /** A charge leg was applied by the player's holdings: its copper and items are held now. */
  void charged(Leg charge) {
    copper += charge.copper();
    for (ItemStack s : charge.items()) {
      items.merge(s.itemId(), (long) s.quantity(), Long::sum);
    }
  }

  /** Applies a rule's decision (see the class comment). */
  void apply(Settlement settlement) {
    copper -= settlement.fee();
    fees += settlement.fee();
    for (Leg leg : settlement.payouts()) {
      owe(
          new Leg(
              keyPrefix + leg.key(),
              leg.playerId(),
              leg.direction(),
              leg.copper(),
              leg.honor(),
              leg.items(),
              leg.requireSpace(),
              leg.tierCheck()));
    }
  }

  /** Owes {@code leg} (already counted as held) until {@link #settled}. */
  void owe(Leg leg) {
    pending.put(leg.key(), leg);
  }

  /** The owed leg {@code key} was applied: what it carried is no longer held here. */
  void settled(String key) {
    Leg leg = pending.remove(key);
    if (leg == null) {
      return;
    }
    copper -= leg.copper();
    for (ItemStack s : leg.items()) {
      items.merge(s.itemId(), (long) -s.quantity(), Long::sum);
      items.remove(s.itemId(), 0L);
    }
  }

  Optional<Leg> pendingLeg(String key) {
    return Optional.ofNullable(pending.get(key));
  }

  List<Leg> pendingLegs() {
    return List.copyOf(pending.values());
  }

  long copper() {
    return copper;
  }

  long fees() {
    return fees;
  }

  /** The serialized form of escrow books: owed legs in order, held items, copper and fees. */
  record Snapshot(List<Leg> pending, Map<String, Long> items, long copper, long fees) {
    Snapshot {
      pending = List.copyOf(pending);
      items = Map.copyOf(items);
    }
  }

  Snapshot snapshot() {
    return new Snapshot(List.copyOf(pending.values()), items, copper, fees);
  }

  /** Escrow books with {@code keyPrefix} as {@code s} left them. */
  static EscrowBooks restore(String keyPrefix, Snapshot s) {
    EscrowBooks books = new EscrowBooks(keyPrefix);
    s.pending().forEach(l -> books.pending.put(l.key(), l));
    books.items.putAll(s.items());
    books.copper = s.copper();
    books.fees = s.fees();
    return books;
  }

  /** The ledger view, as markets report it. */
  MarketSummary summary(String id, int openOps, int active) {
    return new MarketSummary(id, copper, fees, items, pending.size(), openOps, active);
  }
}
