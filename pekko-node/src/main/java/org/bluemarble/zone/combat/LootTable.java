package org.bluemarble.zone.combat;

import java.util.ArrayList;
import java.util.List;
import org.bluemarble.combat.CombatRoll;
import org.bluemarble.market.inventory.ItemStack;

/**
 * What a slain creature drops: copper between {@code minCopper} and {@code maxCopper} and each
 * entry with its chance, rolled from deterministic dice so a replay drops the same loot.
 */
public record LootTable(long minCopper, long maxCopper, List<Entry> entries) {
  /** {@code itemId} dropped with {@code chance} (0..1), {@code min..max} of it. */
  public record Entry(String itemId, double chance, int min, int max) {}

  public LootTable {
    entries = List.copyOf(entries);
    if (minCopper < 0 || maxCopper < minCopper) {
      throw new IllegalArgumentException("bad copper range");
    }
  }

  /** A drop: copper and stacks (possibly empty). */
  public record Drop(long copper, List<ItemStack> items) {}

  public Drop roll(CombatRoll dice) {
    long copper = minCopper + (long) Math.floor(dice.next() * (maxCopper - minCopper + 1));
    List<ItemStack> items = new ArrayList<>();
    for (Entry e : entries) {
      double chance = dice.next();
      int n = e.min() + (int) Math.floor(dice.next() * (e.max() - e.min() + 1));
      if (chance < e.chance()) {
        items.add(new ItemStack(e.itemId(), n));
      }
    }
    return new Drop(copper, items);
  }
}
