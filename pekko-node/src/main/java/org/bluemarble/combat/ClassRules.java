package org.bluemarble.combat;

import java.util.EnumMap;
import java.util.Map;
import org.bluemarble.player.CharacterClass;

/**
 * What each class starts with and gains per level: Warriors are strong and tough, Rangers agile,
 * Mages and Healers intelligent (Healers tougher, Mages luckier). Health, mana and stamina follow
 * from the stats and the level.
 */
public final class ClassRules {
  /** Base stats at level 1 and the points added for every further level. */
  public record Growth(Stats base, Stats perLevel) {}

  private static final Map<CharacterClass, Growth> TABLE = new EnumMap<>(CharacterClass.class);

  static {
    TABLE.put(
        CharacterClass.WARRIOR, new Growth(new Stats(12, 8, 4, 12, 4), new Stats(3, 1, 0, 3, 1)));
    TABLE.put(
        CharacterClass.RANGER, new Growth(new Stats(8, 14, 5, 8, 6), new Stats(1, 3, 1, 2, 1)));
    TABLE.put(CharacterClass.MAGE, new Growth(new Stats(4, 6, 15, 6, 8), new Stats(0, 1, 4, 1, 2)));
    TABLE.put(
        CharacterClass.HEALER, new Growth(new Stats(5, 6, 13, 10, 6), new Stats(0, 1, 3, 2, 2)));
  }

  private ClassRules() {}

  public static Growth growth(CharacterClass cls) {
    return TABLE.get(cls);
  }

  /** The class's own stats at {@code level} (without equipment). */
  public static Stats stats(CharacterClass cls, int level) {
    Experience.totalFor(level); // validates the level
    Growth g = TABLE.get(cls);
    return g.base().plusTimes(g.perLevel(), level - 1);
  }

  /** 100 + 10 per VIT + 5 per level. */
  public static int maxHealth(Stats stats, int level) {
    return 100 + 10 * stats.vitality() + 5 * level;
  }

  /** 50 + 8 per INT + 3 per level. */
  public static int maxMana(Stats stats, int level) {
    return 50 + 8 * stats.intellect() + 3 * level;
  }

  /** 100 + 2 per AGI + 2 per VIT. */
  public static int maxStamina(Stats stats) {
    return 100 + 2 * stats.agility() + 2 * stats.vitality();
  }
}
