package org.bluemarble.market.inventory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.bluemarble.market.MarketError;
import org.bluemarble.market.MarketException;
import org.bluemarble.market.inventory.InventoryEvent.ItemEquipped;
import org.bluemarble.market.inventory.InventoryEvent.ItemUnequipped;
import org.bluemarble.market.inventory.InventoryEvent.ItemsAdded;
import org.bluemarble.market.inventory.InventoryEvent.ItemsRemoved;
import org.bluemarble.market.inventory.InventoryEvent.Placement;
import org.bluemarble.market.inventory.InventoryEvent.StackMoved;
import org.bluemarble.market.inventory.InventoryEvent.StackSplit;
import org.bluemarble.market.inventory.InventoryEvent.StacksMerged;

/**
 * A character's bag of {@value #SLOTS} slots plus the 12 {@link EquipmentSlot}s. Command methods
 * ({@link #add}, {@link #remove}, {@link #split}, {@link #move}, {@link #equip}, {@link #unequip})
 * validate and return the {@link InventoryEvent} describing the change <em>without</em> changing
 * anything; {@link #apply} performs it, so an event-sourced entity persists first and rebuilds its
 * state by replaying events. Adds and removes are all-or-nothing.
 */
public final class Inventory {
  public static final int SLOTS = 200;

  private final ItemCatalog catalog;
  private final ItemStack[] slots = new ItemStack[SLOTS];
  private final EnumMap<EquipmentSlot, ItemStack> equipped = new EnumMap<>(EquipmentSlot.class);

  public Inventory(ItemCatalog catalog) {
    this.catalog = Objects.requireNonNull(catalog, "catalog");
  }

  /** An independent copy (stacks are immutable, so sharing them is safe). */
  public Inventory copy() {
    Inventory copy = new Inventory(catalog);
    System.arraycopy(slots, 0, copy.slots, 0, SLOTS);
    copy.equipped.putAll(equipped);
    return copy;
  }

  /**
   * Adds {@code quantity} of {@code itemId}; {@link MarketError#INSUFFICIENT_SPACE} if it does not
   * fit.
   */
  public ItemsAdded add(String itemId, int quantity) {
    return add(List.of(new ItemStack(itemId, quantity)));
  }

  /** Adds all of {@code stacks} or nothing. */
  public ItemsAdded add(List<ItemStack> stacks) {
    ItemStack[] sim = slots.clone();
    List<Placement> placements = new ArrayList<>();
    for (ItemStack stack : stacks) {
      int max = catalog.get(stack.itemId()).maxStack();
      int left = stack.quantity();
      for (int i = 0; i < SLOTS && left > 0; i++) {
        if (sim[i] != null && sim[i].itemId().equals(stack.itemId()) && sim[i].quantity() < max) {
          int put = Math.min(left, max - sim[i].quantity());
          sim[i] = new ItemStack(stack.itemId(), sim[i].quantity() + put);
          placements.add(new Placement(i, stack.itemId(), put));
          left -= put;
        }
      }
      for (int i = 0; i < SLOTS && left > 0; i++) {
        if (sim[i] == null) {
          int put = Math.min(left, max);
          sim[i] = new ItemStack(stack.itemId(), put);
          placements.add(new Placement(i, stack.itemId(), put));
          left -= put;
        }
      }
      if (left > 0) {
        throw new MarketException(
            MarketError.INSUFFICIENT_SPACE,
            "no room for " + left + " more " + stack.itemId() + " (of " + stack.quantity() + ")");
      }
    }
    return new ItemsAdded(placements);
  }

  /**
   * Removes exactly {@code quantity} of {@code itemId}; {@link MarketError#INSUFFICIENT_INVENTORY}
   * if short.
   */
  public ItemsRemoved remove(String itemId, int quantity) {
    return remove(List.of(new ItemStack(itemId, quantity)));
  }

  /** Removes all of {@code stacks} or nothing, taking from the last slots first. */
  public ItemsRemoved remove(List<ItemStack> stacks) {
    Map<String, Integer> wanted = new LinkedHashMap<>();
    for (ItemStack s : stacks) {
      wanted.merge(s.itemId(), s.quantity(), Math::addExact);
    }
    List<Placement> placements = new ArrayList<>();
    for (Map.Entry<String, Integer> w : wanted.entrySet()) {
      int have = count(w.getKey());
      if (have < w.getValue()) {
        throw new MarketException(
            MarketError.INSUFFICIENT_INVENTORY,
            "need " + w.getValue() + " " + w.getKey() + ", have " + have);
      }
      int left = w.getValue();
      for (int i = SLOTS - 1; i >= 0 && left > 0; i--) {
        if (slots[i] != null && slots[i].itemId().equals(w.getKey())) {
          int take = Math.min(left, slots[i].quantity());
          placements.add(new Placement(i, w.getKey(), take));
          left -= take;
        }
      }
    }
    return new ItemsRemoved(placements);
  }

  /** Splits {@code quantity} off slot {@code from} into the empty slot {@code to}. */
  public StackSplit split(int from, int quantity, int to) {
    ItemStack source = occupied(from);
    requireSlot(to);
    if (slots[to] != null) {
      throw new MarketException(MarketError.INVALID_SLOT, "slot " + to + " is not empty");
    }
    if (quantity < 1 || quantity >= source.quantity()) {
      throw new MarketException(
          MarketError.INVALID_QUANTITY,
          "split quantity must be 1.." + (source.quantity() - 1) + ", was " + quantity);
    }
    return new StackSplit(from, to, quantity);
  }

  /**
   * Moves the stack in {@code from} to {@code to}: into an empty slot, onto a stack of the same
   * item (as much as fits), or swapping with a different item.
   */
  public InventoryEvent move(int from, int to) {
    ItemStack source = occupied(from);
    requireSlot(to);
    if (from == to) {
      throw new MarketException(
          MarketError.INVALID_SLOT, "cannot move slot " + from + " onto itself");
    }
    ItemStack target = slots[to];
    if (target != null && target.itemId().equals(source.itemId())) {
      int room = catalog.get(source.itemId()).maxStack() - target.quantity();
      if (room <= 0) {
        throw new MarketException(MarketError.INVALID_SLOT, "stack in slot " + to + " is full");
      }
      return new StacksMerged(from, to, Math.min(room, source.quantity()));
    }
    return new StackMoved(from, to);
  }

  /** Equips the item in {@code fromSlot} into {@code target}, swapping out what was there. */
  public ItemEquipped equip(int fromSlot, EquipmentSlot target) {
    ItemStack stack = occupied(fromSlot);
    ItemDefinition def = catalog.get(stack.itemId());
    if (!def.fits(target)) {
      throw new MarketException(
          MarketError.CANNOT_EQUIP,
          def.id()
              + " ("
              + def.type()
              + ", slot "
              + def.equipSlot()
              + ") cannot go into "
              + target);
    }
    return new ItemEquipped(fromSlot, target);
  }

  /** Puts the item equipped in {@code source} into the first empty inventory slot. */
  public ItemUnequipped unequip(EquipmentSlot source) {
    if (!equipped.containsKey(source)) {
      throw new MarketException(MarketError.INVALID_SLOT, "nothing is equipped in " + source);
    }
    for (int i = 0; i < SLOTS; i++) {
      if (slots[i] == null) {
        return new ItemUnequipped(source, i);
      }
    }
    throw new MarketException(MarketError.INSUFFICIENT_SPACE, "no empty slot to unequip " + source);
  }

  /** Applies a validated event; also the replay path. */
  public void apply(InventoryEvent event) {
    if (event instanceof ItemsAdded e) {
      e.placements().forEach(p -> put(p.slot(), p.itemId(), p.quantity()));
    } else if (event instanceof ItemsRemoved e) {
      e.placements().forEach(p -> take(p.slot(), p.quantity()));
    } else if (event instanceof StackSplit e) {
      String item = slots[e.from()].itemId();
      take(e.from(), e.quantity());
      slots[e.to()] = new ItemStack(item, e.quantity());
    } else if (event instanceof StackMoved e) {
      ItemStack moving = slots[e.from()];
      slots[e.from()] = slots[e.to()];
      slots[e.to()] = moving;
    } else if (event instanceof StacksMerged e) {
      String item = slots[e.from()].itemId();
      take(e.from(), e.quantity());
      put(e.to(), item, e.quantity());
    } else if (event instanceof ItemEquipped e) {
      ItemStack previous = equipped.put(e.equipmentSlot(), slots[e.fromSlot()]);
      slots[e.fromSlot()] = previous;
    } else if (event instanceof ItemUnequipped e) {
      slots[e.toSlot()] = equipped.remove(e.equipmentSlot());
    } else {
      throw new IllegalArgumentException("unknown inventory event " + event);
    }
  }

  private void put(int slot, String itemId, int quantity) {
    ItemStack s = slots[slot];
    slots[slot] = new ItemStack(itemId, s == null ? quantity : s.quantity() + quantity);
  }

  private void take(int slot, int quantity) {
    ItemStack s = slots[slot];
    slots[slot] =
        s.quantity() == quantity ? null : new ItemStack(s.itemId(), s.quantity() - quantity);
  }

  private ItemStack occupied(int slot) {
    requireSlot(slot);
    if (slots[slot] == null) {
      throw new MarketException(MarketError.INVALID_SLOT, "slot " + slot + " is empty");
    }
    return slots[slot];
  }

  private static void requireSlot(int slot) {
    if (slot < 0 || slot >= SLOTS) {
      throw new MarketException(
          MarketError.INVALID_SLOT, "slot must be 0.." + (SLOTS - 1) + ", was " + slot);
    }
  }

  /** The stack in {@code slot}, if any. */
  public Optional<ItemStack> slot(int slot) {
    requireSlot(slot);
    return Optional.ofNullable(slots[slot]);
  }

  /** The item equipped in {@code slot}, if any. */
  public Optional<ItemStack> equipped(EquipmentSlot slot) {
    return Optional.ofNullable(equipped.get(slot));
  }

  /** How many of {@code itemId} the bag holds (equipped items not counted). */
  public int count(String itemId) {
    return Arrays.stream(slots)
        .filter(s -> s != null && s.itemId().equals(itemId))
        .mapToInt(ItemStack::quantity)
        .sum();
  }

  /** Number of empty bag slots. */
  public int freeSlots() {
    return (int) Arrays.stream(slots).filter(Objects::isNull).count();
  }

  /** Total carried weight in grams, bag and equipment. */
  public long weightGrams() {
    long sum = 0;
    for (ItemStack s : slots) {
      if (s != null) {
        sum += (long) catalog.get(s.itemId()).weightGrams() * s.quantity();
      }
    }
    for (ItemStack s : equipped.values()) {
      sum += (long) catalog.get(s.itemId()).weightGrams() * s.quantity();
    }
    return sum;
  }
}
