package org.bluemarble.market.entity;

import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.bluemarble.market.MarketError;
import org.bluemarble.market.MarketException;
import org.bluemarble.market.Money;
import org.bluemarble.market.inventory.EquipmentSlot;
import org.bluemarble.market.inventory.Inventory;
import org.bluemarble.market.inventory.InventoryEvent.ItemsAdded;
import org.bluemarble.market.inventory.InventoryEvent.ItemsRemoved;
import org.bluemarble.market.inventory.ItemCatalog;

/**
 * The state of one {@link Holdings} entity. Mutable (it wraps {@link Inventory}) and therefore
 * never leaves the actor: views are copies. {@link #decide} validates a leg into an event without
 * changing anything; the event handler applies it.
 */
public final class HoldingsState {
  static final int RECENT_LEGS = 50;

  private final java.util.ArrayDeque<LegLine> recent = new java.util.ArrayDeque<>();
  private final Inventory inventory;
  private final Set<String> appliedKeys = new HashSet<>();
  private long copper;
  private long honor;
  private boolean frozen;
  private String frozenReason = "";

  HoldingsState(ItemCatalog catalog) {
    this.inventory = new Inventory(catalog);
  }

  boolean applied(String key) {
    return appliedKeys.contains(key);
  }

  boolean frozen() {
    return frozen;
  }

  /** The event applying {@code leg}; throws the refusal when it cannot be applied as a whole. */
  Holdings.LegApplied decide(String playerId, Leg leg, Instant at) {
    ItemsAdded added = null;
    ItemsRemoved removed = null;
    if (leg.direction() == Leg.Direction.OUT) {
      if (leg.honor() > 0) {
        throw new MarketException(MarketError.NOT_TRADEABLE, "honor points cannot be paid out");
      }
      if (copper < leg.copper()) {
        throw new MarketException(
            MarketError.INSUFFICIENT_FUNDS,
            playerId
                + " has "
                + Money.format(copper)
                + ", needs "
                + Money.format(leg.copper())
                + " ("
                + leg.copper()
                + " copper)");
      }
      if (!leg.items().isEmpty()) {
        removed = inventory.remove(leg.items());
      }
      if (!leg.requireSpace().isEmpty()) {
        spaceCheck(removed, leg);
      }
    } else {
      Money.add(copper, leg.copper());
      if (!leg.items().isEmpty()) {
        added = inventory.add(leg.items());
      }
    }
    return new Holdings.LegApplied(playerId, leg, added, removed, at);
  }

  /** Whether {@code requireSpace} fits after the leg's own removal (checked on a dry run). */
  private void spaceCheck(ItemsRemoved removed, Leg leg) {
    if (removed == null) {
      inventory.add(leg.requireSpace());
      return;
    }
    // The removal frees slots; apply it, test, and undo by adding the same placements back.
    inventory.apply(removed);
    try {
      inventory.add(leg.requireSpace());
    } finally {
      inventory.apply(new ItemsAdded(removed.placements()));
    }
  }

  HoldingsState applied(Holdings.LegApplied e) {
    if (!appliedKeys.add(e.leg().key())) {
      return this;
    }
    copper += e.leg().signedCopper();
    honor += e.leg().direction() == Leg.Direction.IN ? e.leg().honor() : -e.leg().honor();
    if (e.removed() != null) {
      inventory.apply(e.removed());
    }
    if (e.added() != null) {
      inventory.apply(e.added());
    }
    Leg leg = e.leg();
    recent.addFirst(
        new LegLine(
            leg.key(), leg.direction().name(), leg.copper(), leg.honor(), leg.items(), e.at()));
    if (recent.size() > RECENT_LEGS) {
      recent.removeLast();
    }
    return this;
  }

  HoldingsState freezeChanged(Holdings.FreezeChanged e) {
    frozen = e.frozen();
    frozenReason = e.reason() == null ? "" : e.reason();
    return this;
  }

  HoldingsView view(String playerId) {
    Map<String, Integer> items = new TreeMap<>();
    for (int i = 0; i < Inventory.SLOTS; i++) {
      inventory.slot(i).ifPresent(s -> items.merge(s.itemId(), s.quantity(), Integer::sum));
    }
    for (EquipmentSlot slot : EquipmentSlot.values()) {
      inventory.equipped(slot).ifPresent(s -> items.merge(s.itemId(), s.quantity(), Integer::sum));
    }
    return new HoldingsView(
        playerId,
        copper,
        honor,
        items,
        inventory.freeSlots(),
        frozen,
        frozenReason,
        appliedKeys.size(),
        java.util.List.copyOf(recent));
  }
}
