package org.bluemarble.combat;

/**
 * Levels 1 to {@value #MAX_LEVEL} and the experience curve: going from level {@code L} to {@code L
 * + 1} costs {@code 100 * L^1.5} (rounded down) points, so level 2 needs 100 and level 100 about 4
 * million in total. Experience past the cap is kept but no longer raises the level.
 */
public final class Experience {
  public static final int MAX_LEVEL = 100;

  /** TOTAL[L] = experience needed to reach level L (TOTAL[1] = 0). */
  private static final long[] TOTAL = new long[MAX_LEVEL + 1];

  static {
    for (int level = 2; level <= MAX_LEVEL; level++) {
      TOTAL[level] = TOTAL[level - 1] + toNext(level - 1);
    }
  }

  private Experience() {}

  /** Points from {@code level} to the next one; 0 at the cap. */
  public static long toNext(int level) {
    requireLevel(level);
    return level >= MAX_LEVEL ? 0 : (long) Math.floor(100.0 * Math.pow(level, 1.5));
  }

  /** Total experience needed to reach {@code level}. */
  public static long totalFor(int level) {
    requireLevel(level);
    return TOTAL[level];
  }

  /** The level a character with {@code totalExperience} points has. */
  public static int levelFor(long totalExperience) {
    if (totalExperience < 0) {
      throw new IllegalArgumentException("experience must be >= 0, was " + totalExperience);
    }
    int lo = 1;
    int hi = MAX_LEVEL;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (TOTAL[mid] <= totalExperience) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }

  /**
   * Experience for defeating an opponent of {@code victimLevel} at {@code killerLevel}: 20 + 10 per
   * victim level, scaled down by 20 % per level the victim is below the killer (never below 10 %)
   * and up by 10 % per level above (at most double).
   */
  public static long forKill(int killerLevel, int victimLevel) {
    requireLevel(killerLevel);
    requireLevel(victimLevel);
    double base = 20 + 10.0 * victimLevel;
    int diff = victimLevel - killerLevel;
    double factor = diff >= 0 ? Math.min(2.0, 1.0 + 0.1 * diff) : Math.max(0.1, 1.0 + 0.2 * diff);
    return Math.round(base * factor);
  }

  private static void requireLevel(int level) {
    if (level < 1 || level > MAX_LEVEL) {
      throw new IllegalArgumentException("level must be 1.." + MAX_LEVEL + ", was " + level);
    }
  }
}
