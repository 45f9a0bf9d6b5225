package org.bluemarble.market.inventory;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/** The item types of the companion schema, each with the equipment slots it may occupy. */
public enum ItemType {
  WEAPON(EnumSet.of(EquipmentSlot.MAIN_HAND, EquipmentSlot.OFF_HAND)),
  ARMOR(
      EnumSet.of(
          EquipmentSlot.HEAD,
          EquipmentSlot.SHOULDERS,
          EquipmentSlot.CHEST,
          EquipmentSlot.BACK,
          EquipmentSlot.HANDS,
          EquipmentSlot.WAIST,
          EquipmentSlot.LEGS,
          EquipmentSlot.FEET,
          EquipmentSlot.OFF_HAND)),
  CONSUMABLE(EnumSet.noneOf(EquipmentSlot.class)),
  MATERIAL(EnumSet.noneOf(EquipmentSlot.class)),
  QUEST(EnumSet.noneOf(EquipmentSlot.class)),
  /** Jewellery lives here: necklaces and rings are misc items with a slot. */
  MISC(EnumSet.of(EquipmentSlot.NECK, EquipmentSlot.FINGER));

  private final Set<EquipmentSlot> slots;

  ItemType(Set<EquipmentSlot> slots) {
    this.slots = slots;
  }

  /** Equipment slots an item of this type may declare; empty for types that cannot be equipped. */
  public Set<EquipmentSlot> allowedSlots() {
    return Collections.unmodifiableSet(slots);
  }
}
