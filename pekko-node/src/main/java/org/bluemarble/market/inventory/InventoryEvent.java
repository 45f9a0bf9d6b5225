package org.bluemarble.market.inventory;

import java.util.List;

/**
 * Every change of an {@link Inventory}, as the entity persists it. Events name exact slots and
 * quantities, so applying them needs no catalogue and replays identically.
 */
public sealed interface InventoryEvent {

  /** {@code quantity} of {@code itemId} put into or taken from inventory slot {@code slot}. */
  record Placement(int slot, String itemId, int quantity) {}

  /** Items added (stacked onto existing stacks first, then into empty slots). */
  record ItemsAdded(List<Placement> placements) implements InventoryEvent {
    public ItemsAdded {
      placements = List.copyOf(placements);
    }
  }

  /** Items removed; a slot emptied to zero becomes free. */
  record ItemsRemoved(List<Placement> placements) implements InventoryEvent {
    public ItemsRemoved {
      placements = List.copyOf(placements);
    }
  }

  /** {@code quantity} split off slot {@code from} into the empty slot {@code to}. */
  record StackSplit(int from, int to, int quantity) implements InventoryEvent {}

  /** The stack in {@code from} moved to {@code to}; a stack already in {@code to} moves back. */
  record StackMoved(int from, int to) implements InventoryEvent {}

  /** {@code quantity} moved from {@code from} onto the same item's stack in {@code to}. */
  record StacksMerged(int from, int to, int quantity) implements InventoryEvent {}

  /** The item in {@code fromSlot} equipped; what was equipped there goes to {@code fromSlot}. */
  record ItemEquipped(int fromSlot, EquipmentSlot equipmentSlot) implements InventoryEvent {}

  /**
   * The item equipped in {@code equipmentSlot} put into the empty inventory slot {@code toSlot}.
   */
  record ItemUnequipped(EquipmentSlot equipmentSlot, int toSlot) implements InventoryEvent {}
}
