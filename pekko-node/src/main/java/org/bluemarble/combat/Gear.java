package org.bluemarble.combat;

import java.util.Collection;
import org.bluemarble.market.inventory.ItemDefinition;

/**
 * What worn items add, read from the catalogue's numeric properties: {@code damage} to attack,
 * {@code armor} to defense, {@code magic} to magic, {@code luck} to LUK, {@code crit} percent to
 * the crit chance (still capped at 50 %) and {@code range} metres to ranged abilities. Unknown
 * properties (durability, speed) do not touch combat.
 */
public record Gear(int damage, int armor, int magic, int luck, int critPercent, int rangeMeters) {
  public static final Gear NONE = new Gear(0, 0, 0, 0, 0, 0);

  /** The sum over {@code worn}. */
  public static Gear of(Collection<ItemDefinition> worn) {
    int damage = 0;
    int armor = 0;
    int magic = 0;
    int luck = 0;
    int crit = 0;
    int range = 0;
    for (ItemDefinition item : worn) {
      damage += prop(item, "damage");
      armor += prop(item, "armor");
      magic += prop(item, "magic");
      luck += prop(item, "luck");
      crit += prop(item, "crit");
      range = Math.max(range, prop(item, "range"));
    }
    return new Gear(damage, armor, magic, luck, crit, range);
  }

  private static int prop(ItemDefinition item, String key) {
    long v = item.properties().getOrDefault(key, 0L);
    return (int) Math.max(0, Math.min(10_000, v));
  }
}
