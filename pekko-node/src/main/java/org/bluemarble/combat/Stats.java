package org.bluemarble.combat;

/**
 * The five primary attributes of the companion schema's {@code character_stats}. Values are
 * non-negative; the derived numbers use the companion formulas.
 */
public record Stats(int strength, int agility, int intellect, int vitality, int luck) {
  /** No points in anything (the neutral element of {@link #plus}). */
  public static final Stats ZERO = new Stats(0, 0, 0, 0, 0);

  /** Crit chance never exceeds this many percent. */
  public static final double CRIT_CAP_PERCENT = 50.0;

  public Stats {
    if (strength < 0 || agility < 0 || intellect < 0 || vitality < 0 || luck < 0) {
      throw new IllegalArgumentException(
          "stats must be >= 0, were "
              + strength
              + "/"
              + agility
              + "/"
              + intellect
              + "/"
              + vitality
              + "/"
              + luck);
    }
  }

  public Stats plus(Stats o) {
    return new Stats(
        strength + o.strength,
        agility + o.agility,
        intellect + o.intellect,
        vitality + o.vitality,
        luck + o.luck);
  }

  /** {@code this + o * times}. */
  public Stats plusTimes(Stats o, int times) {
    return new Stats(
        strength + o.strength * times,
        agility + o.agility * times,
        intellect + o.intellect * times,
        vitality + o.vitality * times,
        luck + o.luck * times);
  }

  /** attack = 2 * STR + AGI. */
  public int attack() {
    return 2 * strength + agility;
  }

  /** defense = 3 * VIT. */
  public int defense() {
    return 3 * vitality;
  }

  /** magic = 2 * INT. */
  public int magic() {
    return 2 * intellect;
  }

  /** crit = min(LUK * 0.1, 50) percent. */
  public double critPercent() {
    return Math.min(luck * 0.1, CRIT_CAP_PERCENT);
  }
}
