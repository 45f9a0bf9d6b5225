package org.bluemarble.combat;

import java.util.Objects;

/**
 * One ability: who may use it on whom, how far, how long it takes to cast, how long until it may be
 * used again, what it costs and what it does. The amount is {@code power + scale * attack} for
 * {@link Scaling#ATTACK} or {@code power + scale * magic} for {@link Scaling#MAGIC}; for {@link
 * Effect#HEAL} it is health restored, for {@link Effect#DAMAGE} damage before mitigation. A
 * positive {@code radiusMeters} makes it an area ability: it hits every valid target within that
 * radius of the chosen target (or of the user for self-centred ones). {@code status} (null if none)
 * is put on every target hit; its magnitude is absolute and its duration relative to the hit.
 */
public record Ability(
    String id,
    Targeting targeting,
    Effect effect,
    DamageType damageType,
    int power,
    double scale,
    Scaling scaling,
    double rangeMeters,
    double radiusMeters,
    long castMillis,
    long cooldownMillis,
    Pool pool,
    int cost,
    StatusTemplate status) {

  /** Who the ability is used on. */
  public enum Targeting {
    /** A hostile target. */
    ENEMY,
    /** A friendly target (oneself included). */
    ALLY,
    /** The user; an area around the user hits enemies near it. */
    SELF
  }

  /** What it does to the targets. */
  public enum Effect {
    DAMAGE,
    HEAL,
    /** Only its status effect (a shield, a stun without damage). */
    STATUS
  }

  /** Which derived number the amount grows with. */
  public enum Scaling {
    ATTACK,
    MAGIC
  }

  /** The resource the cost is paid from. */
  public enum Pool {
    NONE,
    MANA,
    STAMINA
  }

  /** A status effect an ability applies: kind, magnitude and duration in milliseconds. */
  public record StatusTemplate(StatusKind kind, double magnitude, long durationMillis) {
    public StatusEffect at(long nowMillis, long sourceId, String abilityId) {
      return new StatusEffect(kind, magnitude, nowMillis + durationMillis, sourceId, abilityId);
    }
  }

  public Ability {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(targeting, "targeting");
    Objects.requireNonNull(effect, "effect");
    Objects.requireNonNull(damageType, "damageType");
    Objects.requireNonNull(scaling, "scaling");
    Objects.requireNonNull(pool, "pool");
    if (rangeMeters < 0 || radiusMeters < 0 || castMillis < 0 || cooldownMillis <= 0 || cost < 0) {
      throw new IllegalArgumentException("bad numbers in ability " + id);
    }
  }

  public boolean hostile() {
    return targeting != Targeting.ALLY;
  }

  public boolean area() {
    return radiusMeters > 0;
  }
}
