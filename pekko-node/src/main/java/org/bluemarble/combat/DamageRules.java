package org.bluemarble.combat;

/**
 * Rolls an ability against one target. Damage is {@code raw * (0.9..1.1)}, times 1.5 on a crit
 * (chance from the user's sheet), then mitigated: {@code 100 / (100 + m)} where {@code m} is the
 * target's defense for physical damage, half of it plus a quarter of its magic for magical damage,
 * a quarter of it for elemental damage and 0 for true damage; at least 1. A hostile ability misses
 * with chance {@code 5 % + 2 %} per level the target is above the user (0-50 %); true damage, heals
 * and status-only abilities never miss.
 */
public final class DamageRules {
  public static final double CRIT_MULTIPLIER = 1.5;

  private DamageRules() {}

  /** The amount before variance, crit and mitigation. */
  public static double raw(Ability a, CharacterSheet user) {
    int stat = a.scaling() == Ability.Scaling.ATTACK ? user.attack() : user.magic();
    return a.power() + a.scale() * stat;
  }

  /** The factor damage of {@code type} is multiplied by against {@code target}. */
  public static double mitigation(DamageType type, CharacterSheet target) {
    double m =
        switch (type) {
          case PHYSICAL -> target.defense();
          case MAGICAL -> target.defense() / 2.0 + target.magic() / 4.0;
          case ELEMENTAL -> target.defense() / 4.0;
          case TRUE -> 0.0;
        };
    return 100.0 / (100.0 + m);
  }

  public static double missChance(Ability a, CharacterSheet user, CharacterSheet target) {
    if (a.damageType() == DamageType.TRUE || a.effect() != Ability.Effect.DAMAGE) {
      return 0.0;
    }
    return Math.max(0.0, Math.min(0.5, 0.05 + 0.02 * (target.level() - user.level())));
  }

  /**
   * Applies {@code a} used by {@code user} to {@code target} at {@code nowMillis}, rolling with
   * {@code roll}; changes the target's health and effects and says what happened. A dead target is
   * not touched (a miss).
   */
  public static Outcome resolve(
      Ability a, Combatant user, Combatant target, CombatRoll roll, long nowMillis) {
    if (target.dead()) {
      return new Outcome(Outcome.Kind.MISS, target.id(), 0, 0, false, false, null);
    }
    double missRoll = roll.next();
    double variance = 0.9 + 0.2 * roll.next();
    boolean crit = roll.next() * 100.0 < user.sheet().critPercent();
    if (missRoll < missChance(a, user.sheet(), target.sheet())) {
      return new Outcome(Outcome.Kind.MISS, target.id(), 0, 0, false, false, null);
    }
    StatusEffect status = a.status() == null ? null : a.status().at(nowMillis, user.id(), a.id());
    double amount = raw(a, user.sheet()) * variance * (crit ? CRIT_MULTIPLIER : 1.0);
    switch (a.effect()) {
      case HEAL -> {
        int healed = target.heal(amount);
        applyStatus(target, status, nowMillis);
        return new Outcome(Outcome.Kind.HEAL, target.id(), healed, 0, crit, false, status);
      }
      case STATUS -> {
        applyStatus(target, status, nowMillis);
        return new Outcome(Outcome.Kind.EFFECT, target.id(), 0, 0, false, false, status);
      }
      default -> {
        double mitigated = Math.max(1.0, amount * mitigation(a.damageType(), target.sheet()));
        Combatant.Damage d = target.damage(mitigated, user.id(), nowMillis);
        if (!d.killed()) {
          applyStatus(target, status, nowMillis);
        }
        return new Outcome(
            Outcome.Kind.HIT, target.id(), d.dealt(), d.absorbed(), crit, d.killed(), status);
      }
    }
  }

  private static void applyStatus(Combatant target, StatusEffect status, long nowMillis) {
    if (status != null && !target.dead()) {
      target.effects().apply(status, nowMillis);
    }
  }
}
