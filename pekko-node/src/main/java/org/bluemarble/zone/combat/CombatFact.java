package org.bluemarble.zone.combat;

import java.util.List;
import org.bluemarble.combat.Refusal;
import org.bluemarble.combat.StatusKind;
import org.bluemarble.market.inventory.ItemStack;
import org.bluemarble.node.CborSerializable;

/**
 * What combat in a cell decided, tick by tick: the facts the cell journals (tagged for the event
 * stream: kills, deaths, damage per ability, loot) and pushes to observers. Ids are simulation ids
 * of players and creatures; {@code tick} is the cell's simulation tick.
 */
public sealed interface CombatFact extends CborSerializable {
  long tick();

  /** {@code userId} started {@code abilityId} on {@code targetId} (0 for self-centred ones). */
  record AbilityUsed(long tick, long userId, String abilityId, long targetId)
      implements CombatFact {}

  /** {@code amount} damage after mitigation ({@code absorbed} more taken by a shield). */
  record Hit(
      long tick,
      long userId,
      long targetId,
      String abilityId,
      int amount,
      int absorbed,
      boolean crit,
      int healthLeft)
      implements CombatFact {}

  record Missed(long tick, long userId, long targetId, String abilityId) implements CombatFact {}

  record Healed(long tick, long userId, long targetId, String abilityId, int amount, int healthLeft)
      implements CombatFact {}

  /** A status effect put on {@code targetId} until simulation millisecond {@code untilMillis}. */
  record EffectApplied(
      long tick, long userId, long targetId, StatusKind kind, double magnitude, long untilMillis)
      implements CombatFact {}

  /**
   * {@code victimId} died; {@code killerId} (0 if none) gets the kill, {@code experience} for it.
   */
  record Died(
      long tick,
      long victimId,
      boolean victimIsPlayer,
      long killerId,
      String abilityId,
      long experience)
      implements CombatFact {}

  /** A kill's loot for {@code playerId}, credited once under {@code lootKey}. */
  record LootDropped(
      long tick, long playerId, long victimId, String lootKey, long copper, List<ItemStack> items)
      implements CombatFact {
    public LootDropped {
      items = List.copyOf(items);
    }
  }

  /** Back to life (players at their spawn point, creatures at home). */
  record Respawned(long tick, long entityId) implements CombatFact {}

  /** An ability request refused (counted per player for anti-cheat). */
  record Refused(long tick, long userId, String abilityId, Refusal refusal) implements CombatFact {}
}
