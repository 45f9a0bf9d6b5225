package org.bluemarble.zone;

import java.time.Instant;

/**
 * Facts a cell's simulation produces that the {@code ZoneCell} actor persists as events; replaying
 * them through {@link ResourceField#apply} rebuilds the same state.
 */
public sealed interface ZoneFact {

  /** A player took {@code amount} units from a node, leaving {@code remaining}. */
  record ResourceHarvested(long nodeId, long playerId, int amount, int remaining, Instant at)
      implements ZoneFact {}

  /** A node ran empty at {@code at} and will be full again at {@code respawnAt}. */
  record ResourceDepleted(long nodeId, Instant at, Instant respawnAt) implements ZoneFact {}

  /** A depleted node became full again. */
  record ResourceRespawned(long nodeId, Instant at) implements ZoneFact {}

  /**
   * Combat killed {@code victimId} at simulation tick {@code tick} (killer 0 if none), worth {@code
   * experience} to the killer. Journaled once per death (the hits before it are not).
   */
  record CombatKill(
      long tick,
      long victimId,
      boolean victimIsPlayer,
      long killerId,
      String abilityId,
      long experience,
      Instant at)
      implements ZoneFact {}

  /**
   * A kill's loot for {@code playerId} (account player id {@code holder}), credited to its holdings
   * once under {@code lootKey}.
   */
  record CombatLoot(
      long tick,
      long playerId,
      long victimId,
      String lootKey,
      long copper,
      java.util.List<org.bluemarble.market.inventory.ItemStack> items,
      Instant at,
      String holder)
      implements ZoneFact {
    public CombatLoot {
      items = java.util.List.copyOf(items);
    }
  }

  /**
   * What each ability did in the cell since the previous summary (at most one per {@link
   * CellFights#SUMMARY_EVERY_SECONDS} of simulation time, only when something hit): the compact
   * record of the hits, which are not journaled one by one.
   */
  record CombatDamage(long tick, java.util.List<ZoneCell.AbilityDamage> abilities, Instant at)
      implements ZoneFact {
    public CombatDamage {
      abilities = java.util.List.copyOf(abilities);
    }
  }
}
