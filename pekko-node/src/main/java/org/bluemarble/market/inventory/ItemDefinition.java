package org.bluemarble.market.inventory;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.bluemarble.market.MarketError;
import org.bluemarble.market.MarketException;

/**
 * One entry of the item catalogue ({@code items_master} of the companion schema). {@code equipSlot}
 * is null for items that cannot be equipped; {@code weightGrams} is per unit; {@code properties}
 * are free numeric stats (damage, armor, heal, ...).
 */
public record ItemDefinition(
    String id,
    String name,
    ItemType type,
    Rarity rarity,
    int maxStack,
    boolean tradeable,
    int weightGrams,
    EquipmentSlot equipSlot,
    Map<String, Long> properties) {
  /** Largest stack any item may declare. */
  public static final int MAX_STACK_LIMIT = 9_999;

  public ItemDefinition {
    if (id == null || !id.matches("[a-z0-9_]{1,64}")) {
      throw invalid("id must match [a-z0-9_]{1,64}, was " + id);
    }
    if (name == null || name.isBlank()) {
      throw invalid("name of " + id + " must not be blank");
    }
    Objects.requireNonNull(type, "type of " + id);
    Objects.requireNonNull(rarity, "rarity of " + id);
    if (maxStack < 1 || maxStack > MAX_STACK_LIMIT) {
      throw invalid("maxStack of " + id + " must be 1.." + MAX_STACK_LIMIT + ", was " + maxStack);
    }
    if (weightGrams < 0) {
      throw invalid("weightGrams of " + id + " must be >= 0, was " + weightGrams);
    }
    if (equipSlot != null && !type.allowedSlots().contains(equipSlot)) {
      throw invalid(
          "equipSlot of " + id + " must be one of " + type.allowedSlots() + ", was " + equipSlot);
    }
    if ((type == ItemType.WEAPON || type == ItemType.ARMOR) && equipSlot == null) {
      throw invalid("equipSlot of " + id + " is required for " + type);
    }
    if (equipSlot != null && maxStack != 1) {
      throw invalid("maxStack of equippable " + id + " must be 1, was " + maxStack);
    }
    properties = properties == null ? Map.of() : Map.copyOf(properties);
  }

  private static MarketException invalid(String message) {
    return new MarketException(MarketError.INVALID_CONFIG, message);
  }

  /** The slot this item declares, if it can be equipped at all. */
  public Optional<EquipmentSlot> slot() {
    return Optional.ofNullable(equipSlot);
  }

  /** Whether the item may be put into {@code target}. */
  public boolean fits(EquipmentSlot target) {
    if (equipSlot == null) {
      return false;
    }
    return equipSlot == target
        || (type == ItemType.WEAPON
            && equipSlot == EquipmentSlot.MAIN_HAND
            && target == EquipmentSlot.OFF_HAND);
  }
}
