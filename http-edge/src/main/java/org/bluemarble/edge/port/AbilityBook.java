package org.bluemarble.edge.port;

import java.util.List;
import java.util.Map;

/**
 * The abilities of each character class as clients show them (the browser client's abilities bar
 * reads it from {@code /web/abilities.json}): made at start-up from the game's own catalogue, so it
 * is never copied by hand. Keys of {@code byClass} are class names as the character API spells them
 * ("Warrior"); the lists are in the catalogue's order (the bar's hotkeys 1-5 follow it).
 */
public record AbilityBook(Map<String, List<Entry>> byClass) {

  public AbilityBook {
    byClass = Map.copyOf(byClass);
  }

  /**
   * One ability: its wire id ({@code UseAbility.ability_id}); {@code targeting} ENEMY, ALLY or
   * SELF; {@code effect} DAMAGE, HEAL or STATUS; range and area radius in metres; cast time and
   * cooldown in milliseconds; the pool (NONE, MANA, STAMINA) its {@code cost} is paid from; the
   * status it applies (empty if none).
   */
  public record Entry(
      String id,
      String targeting,
      String effect,
      double rangeMeters,
      double radiusMeters,
      long castMillis,
      long cooldownMillis,
      String pool,
      int cost,
      String status) {}

  /** A book without classes (games without combat). */
  public static AbilityBook empty() {
    return new AbilityBook(Map.of());
  }
}
