package org.bluemarble.edge.port;

import java.util.List;

/**
 * What combat and gathering tell one player's connection through {@link WorldListener#onCombat}:
 * the events of a tick it sees (with the vitals they changed), the answer to its own {@link
 * Presence#useAbility} or {@link Presence#harvest}, loot or a yield credited to its holdings, and
 * its progress after experience.
 */
public sealed interface CombatPush
    permits CombatPush.Events, CombatPush.Refused, CombatPush.Credited, CombatPush.Progress {

  /** What combat did at {@code tick} that this player sees, oldest first, and changed vitals. */
  record Events(long tick, List<Event> events, List<Vitals> vitals) implements CombatPush {
    public Events {
      events = List.copyOf(events);
      vitals = List.copyOf(vitals);
    }
  }

  /**
   * One combat event.
   *
   * @param userId who acted (0 if unknown)
   * @param targetId who was affected
   * @param amount damage dealt or health restored
   * @param absorbed damage a shield took
   * @param healthLeft the target's health after the event
   * @param effect the status effect of an {@link Kind#EFFECT}, else null
   * @param effectMillis how long the effect lasts
   * @param experience for a {@link Kind#DEATH}: what the killer earned
   */
  record Event(
      Kind kind,
      long userId,
      long targetId,
      String abilityId,
      int amount,
      int absorbed,
      boolean crit,
      int healthLeft,
      Effect effect,
      long effectMillis,
      long experience) {}

  /** Kinds of combat event. */
  enum Kind {
    ABILITY_USED,
    HIT,
    MISS,
    HEAL,
    EFFECT,
    DEATH,
    RESPAWN
  }

  /** Status effects. */
  enum Effect {
    DAMAGE_OVER_TIME,
    SLOW,
    STUN,
    SHIELD
  }

  /** Health and mana of one entity. */
  record Vitals(long entityId, int health, int maxHealth, int mana, int maxMana) {}

  /**
   * The request {@code correlationId} (an ability or a harvest) was refused; nothing happened.
   * {@code reason} is the stable name, e.g. OUT_OF_RANGE.
   */
  record Refused(long correlationId, Reason reason, String message) implements CombatPush {}

  /** Why a combat or harvest request was refused. */
  enum Reason {
    INVALID_TARGET,
    OUT_OF_RANGE,
    NO_LINE_OF_SIGHT,
    PROTECTED_ZONE,
    ON_COOLDOWN,
    NOT_ENOUGH_RESOURCE,
    UNKNOWN_ABILITY,
    INCAPACITATED,
    NOTHING_TO_HARVEST,
    INVENTORY_FULL,
    /** The character is not in the world (entering, between cells). */
    NOT_IN_WORLD
  }

  /**
   * Loot or a harvest's yield credited to the holdings under {@code key} (exactly once), or held
   * back because the bag is full ({@code inventoryFull}). {@code correlationId} is the harvest
   * request's, 0 for loot.
   */
  record Credited(
      long correlationId, String key, long copper, List<Item> items, boolean inventoryFull)
      implements CombatPush {
    public Credited {
      items = List.copyOf(items);
    }
  }

  /** A catalogue item and how many. */
  record Item(String itemId, int quantity) {}

  /** The character's level and experience after a change. */
  record Progress(int level, long experience, long nextLevelAt) implements CombatPush {}
}
