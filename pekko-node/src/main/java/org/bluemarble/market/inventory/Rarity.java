package org.bluemarble.market.inventory;

/** Item rarity of the companion schema, from most to least common. */
public enum Rarity {
  COMMON,
  UNCOMMON,
  RARE,
  EPIC,
  LEGENDARY,
  MYTHIC
}
