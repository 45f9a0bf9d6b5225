package org.bluemarble.market.holdings;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.pekko.persistence.typed.SnapshotAdapter;
import org.bluemarble.market.MarketError;
import org.bluemarble.market.MarketException;
import org.bluemarble.market.Money;
import org.bluemarble.market.TrustTier;
import org.bluemarble.market.inventory.EquipmentSlot;
import org.bluemarble.market.inventory.Inventory;
import org.bluemarble.market.inventory.InventoryEvent.ItemEquipped;
import org.bluemarble.market.inventory.InventoryEvent.ItemsAdded;
import org.bluemarble.market.inventory.InventoryEvent.ItemsRemoved;
import org.bluemarble.market.inventory.InventoryEvent.Placement;
import org.bluemarble.market.inventory.ItemCatalog;

/**
 * The state of one {@link Holdings} entity. Mutable (it wraps {@link Inventory}) and therefore
 * never leaves the actor: views and snapshots are copies. {@link #decide} validates a leg into an
 * event without changing anything; the event handler applies it.
 */
public final class HoldingsState {
  static final int RECENT_LEGS = 50;

  /** Order books remembered per player (most recent first), for "my orders" across items. */
  static final int ORDER_BOOKS_KEPT = 32;

  /** Settled idempotency keys kept per player at least (see {@link KeyWindow}). */
  static final int KEY_WINDOW = 4_000;

  /** A key younger than this (settled before the newest key) is never forgotten. */
  static final Duration KEY_RETENTION = Duration.ofHours(24);

  /** Keys kept per player at most, whatever their age. */
  static final int KEY_WINDOW_MAX = 100_000;

  private final ArrayDeque<LegLine> recent = new ArrayDeque<>();

  /** Books the player placed orders in, oldest first; derived from order charge legs. */
  private final LinkedHashSet<String> orderBooks = new LinkedHashSet<>();

  private final Inventory inventory;
  private final KeyWindow keys = new KeyWindow(KEY_WINDOW, KEY_RETENTION, KEY_WINDOW_MAX);
  private long legsApplied;
  private long copper;
  private long honor;
  private boolean frozen;
  private String frozenReason = "";
  private TrustTier trustTier;
  private String trustTierReason = "";

  HoldingsState(ItemCatalog catalog) {
    this.inventory = new Inventory(catalog);
  }

  /** How {@code key} was settled (applied: null error; voided: the refusal), or null if new. */
  KeyWindow.Entry settled(String key) {
    return keys.get(key);
  }

  boolean frozen() {
    return frozen;
  }

  /** The tier an admin gave the player, or null (then the configured default applies). */
  TrustTier trustTier() {
    return trustTier;
  }

  /** A scratch copy for deciding several legs in a row before any of them is persisted. */
  HoldingsDraft draft() {
    return new HoldingsDraft(this, inventory.copy(), copper);
  }

  /**
   * The event applying {@code leg} to a wallet of {@code copper} and {@code inventory}; throws the
   * refusal when it cannot be applied as a whole. Changes nothing (a space check applies and undoes
   * the removal on {@code inventory}).
   */
  static Holdings.LegApplied decide(
      String playerId, Leg leg, Instant at, long copper, Inventory inventory) {
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
        spaceCheck(inventory, removed, leg);
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
  private static void spaceCheck(Inventory inventory, ItemsRemoved removed, Leg leg) {
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
    if (!keys.remember(new KeyWindow.Entry(e.leg().key(), null, null, e.at()))) {
      return this;
    }
    legsApplied++;
    copper += e.leg().signedCopper();
    honor += e.leg().direction() == Leg.Direction.IN ? e.leg().honor() : -e.leg().honor();
    if (e.removed() != null) {
      inventory.apply(e.removed());
    }
    if (e.added() != null) {
      inventory.apply(e.added());
    }
    Leg leg = e.leg();
    rememberBook(leg.key());
    if (historyErased()) {
      // The owner's account is gone: legs still arriving (escrow returned by a cancel) move the
      // balances but leave no line behind.
      return this;
    }
    recent.addFirst(
        new LegLine(
            leg.key(), leg.direction().name(), leg.copper(), leg.honor(), leg.items(), e.at()));
    if (recent.size() > RECENT_LEGS) {
      recent.removeLast();
    }
    return this;
  }

  HoldingsState recorded(Holdings.LegsRecorded e) {
    e.applied().forEach(this::applied);
    e.voided().forEach(this::voided);
    return this;
  }

  /** Order charge keys look like {@code book:<market>.<item>:charge:<orderId>}. */
  private void rememberBook(String key) {
    int charge = key.indexOf(":charge:");
    if (!key.startsWith("book:") || charge < 0) {
      return;
    }
    String book = key.substring("book:".length(), charge);
    orderBooks.remove(book);
    orderBooks.add(book);
    if (orderBooks.size() > ORDER_BOOKS_KEPT) {
      orderBooks.remove(orderBooks.iterator().next());
    }
  }

  HoldingsState voided(Holdings.LegVoided e) {
    keys.remember(new KeyWindow.Entry(e.key(), e.error(), e.message(), e.at()));
    return this;
  }

  HoldingsState freezeChanged(Holdings.FreezeChanged e) {
    frozen = e.frozen();
    frozenReason = e.reason() == null ? "" : e.reason();
    return this;
  }

  /**
   * The owner's account was erased: the lines are forgotten and trading is frozen with {@link
   * Holdings#ERASED}, which also keeps later lines from being recorded (read from the freeze
   * reason, so snapshots need no new field; an admin who lifts the freeze records lines again).
   */
  HoldingsState historyErased(Holdings.HistoryErased e) {
    recent.clear();
    frozen = true;
    frozenReason = Holdings.ERASED;
    return this;
  }

  private boolean historyErased() {
    return frozen && Holdings.ERASED.equals(frozenReason);
  }

  HoldingsState trustTierChanged(Holdings.TrustTierChanged e) {
    trustTier = e.tier();
    trustTierReason = e.reason() == null ? "" : e.reason();
    return this;
  }

  /** The event wearing one {@code itemId} from the bag in {@code slot}; throws if it cannot. */
  Holdings.ItemWorn wear(String playerId, String itemId, EquipmentSlot slot, Instant at) {
    java.util.Objects.requireNonNull(slot, "slot");
    for (int i = Inventory.SLOTS - 1; i >= 0; i--) {
      var stack = inventory.slot(i);
      if (stack.isPresent() && stack.get().itemId().equals(itemId)) {
        inventory.equip(i, slot); // validates that the item fits the slot
        return new Holdings.ItemWorn(playerId, slot, itemId, i, at);
      }
    }
    throw new MarketException(
        MarketError.INSUFFICIENT_INVENTORY, "no " + itemId + " in the bag to equip");
  }

  /** The event putting what is worn in {@code slot} back into the bag; throws if it cannot. */
  Holdings.ItemTakenOff takeOff(String playerId, EquipmentSlot slot, Instant at) {
    if (slot == null) {
      throw new MarketException(MarketError.INVALID_SLOT, "slot required");
    }
    var off = inventory.unequip(slot);
    String itemId = inventory.equipped(slot).orElseThrow().itemId();
    return new Holdings.ItemTakenOff(playerId, slot, itemId, off.toSlot(), at);
  }

  HoldingsState wore(Holdings.ItemWorn e) {
    inventory.apply(new ItemEquipped(e.fromBagSlot(), e.slot()));
    return this;
  }

  HoldingsState tookOff(Holdings.ItemTakenOff e) {
    inventory.apply(
        new org.bluemarble.market.inventory.InventoryEvent.ItemUnequipped(e.slot(), e.toBagSlot()));
    return this;
  }

  /** What is worn, by slot. */
  Holdings.Worn worn() {
    Map<EquipmentSlot, String> worn = new java.util.EnumMap<>(EquipmentSlot.class);
    for (EquipmentSlot slot : EquipmentSlot.values()) {
      inventory.equipped(slot).ifPresent(st -> worn.put(slot, st.itemId()));
    }
    return new Holdings.Worn(worn);
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
        legsApplied,
        List.copyOf(recent),
        trustTier == null ? null : trustTier.name(),
        trustTierReason,
        newestFirst(orderBooks));
  }

  private static List<String> newestFirst(Collection<String> oldestFirst) {
    List<String> out = new ArrayList<>(oldestFirst);
    Collections.reverse(out);
    return out;
  }

  // Snapshots

  HoldingsSnapshot snapshot() {
    List<Placement> bag = new ArrayList<>();
    for (int i = 0; i < Inventory.SLOTS; i++) {
      int slot = i;
      inventory.slot(i).ifPresent(s -> bag.add(new Placement(slot, s.itemId(), s.quantity())));
    }
    List<HoldingsSnapshot.Equipped> worn = new ArrayList<>();
    for (EquipmentSlot slot : EquipmentSlot.values()) {
      inventory
          .equipped(slot)
          .ifPresent(s -> worn.add(new HoldingsSnapshot.Equipped(slot, s.itemId(), s.quantity())));
    }
    return new HoldingsSnapshot(
        copper,
        honor,
        frozen,
        frozenReason,
        legsApplied,
        bag,
        worn,
        keys.entries(),
        List.copyOf(recent),
        trustTier,
        trustTierReason,
        List.copyOf(orderBooks));
  }

  static HoldingsState restore(ItemCatalog catalog, HoldingsSnapshot s) {
    HoldingsState state = new HoldingsState(catalog);
    state.copper = s.copper();
    state.honor = s.honor();
    state.frozen = s.frozen();
    state.frozenReason = s.frozenReason() == null ? "" : s.frozenReason();
    state.legsApplied = s.legsApplied();
    state.trustTier = s.trustTier();
    state.trustTierReason = s.trustTierReason() == null ? "" : s.trustTierReason();
    if (s.orderBooks() != null) {
      state.orderBooks.addAll(s.orderBooks());
    }
    // Equipment first, through slot 0 of the still empty bag, then the bag itself.
    for (HoldingsSnapshot.Equipped e : s.equipment()) {
      state.inventory.apply(new ItemsAdded(List.of(new Placement(0, e.itemId(), e.quantity()))));
      state.inventory.apply(new ItemEquipped(0, e.slot()));
    }
    if (!s.bag().isEmpty()) {
      state.inventory.apply(new ItemsAdded(s.bag()));
    }
    s.keys().forEach(state.keys::remember);
    state.recent.addAll(s.recent());
    return state;
  }

  /** Stores the mutable state as an immutable {@link HoldingsSnapshot}. */
  static SnapshotAdapter<HoldingsState> snapshotAdapter(ItemCatalog catalog) {
    return new SnapshotAdapter<>() {
      @Override
      public Object toJournal(HoldingsState state) {
        return state.snapshot();
      }

      @Override
      public HoldingsState fromJournal(Object from) {
        return restore(catalog, (HoldingsSnapshot) from);
      }
    };
  }
}
