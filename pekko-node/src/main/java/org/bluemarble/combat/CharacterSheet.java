package org.bluemarble.combat;

import java.util.Collection;
import org.bluemarble.market.inventory.ItemDefinition;
import org.bluemarble.player.CharacterClass;

/**
 * A fighter's derived numbers: the class's stats at its level plus its gear, turned into attack,
 * defense, magic, crit chance and the three pools. Creatures get sheets too ({@link #creature}).
 */
public record CharacterSheet(
    int level,
    Stats stats,
    int attack,
    int defense,
    int magic,
    double critPercent,
    int maxHealth,
    int maxMana,
    int maxStamina,
    int bonusRangeMeters) {

  /** A character of {@code cls} at {@code level} wearing {@code worn}. */
  public static CharacterSheet of(CharacterClass cls, int level, Collection<ItemDefinition> worn) {
    Gear gear = Gear.of(worn);
    Stats stats = ClassRules.stats(cls, level).plus(new Stats(0, 0, 0, 0, gear.luck()));
    return new CharacterSheet(
        level,
        stats,
        stats.attack() + gear.damage(),
        stats.defense() + gear.armor(),
        stats.magic() + gear.magic(),
        Math.min(stats.critPercent() + gear.critPercent(), Stats.CRIT_CAP_PERCENT),
        ClassRules.maxHealth(stats, level),
        ClassRules.maxMana(stats, level),
        ClassRules.maxStamina(stats),
        gear.rangeMeters());
  }

  /** A creature of {@code level} with {@code stats} (no gear). */
  public static CharacterSheet creature(int level, Stats stats) {
    return new CharacterSheet(
        level,
        stats,
        stats.attack(),
        stats.defense(),
        stats.magic(),
        stats.critPercent(),
        ClassRules.maxHealth(stats, level),
        ClassRules.maxMana(stats, level),
        ClassRules.maxStamina(stats),
        0);
  }

  /** Health regained per second: 1 % of the maximum plus a tenth of VIT, at least 1. */
  public double healthRegenPerSecond() {
    return Math.max(1.0, maxHealth * 0.01 + stats.vitality() * 0.1);
  }

  /** Mana regained per second: 2 plus a fifth of INT. */
  public double manaRegenPerSecond() {
    return 2.0 + stats.intellect() / 5.0;
  }

  /** Stamina regained per second: 10 plus a tenth of AGI. */
  public double staminaRegenPerSecond() {
    return 10.0 + stats.agility() / 10.0;
  }
}
