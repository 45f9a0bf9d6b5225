package org.bluemarble.market.inventory;

/**
 * The 12 equipment slots of the companion schema's {@code equipment} table. A weapon declared for
 * the main hand may also be held in the off hand; every other item fits only the slot it declares.
 */
public enum EquipmentSlot {
  HEAD,
  NECK,
  SHOULDERS,
  CHEST,
  BACK,
  HANDS,
  WAIST,
  LEGS,
  FEET,
  FINGER,
  MAIN_HAND,
  OFF_HAND
}
