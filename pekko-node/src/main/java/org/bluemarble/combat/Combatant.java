package org.bluemarble.combat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One fighter's live combat state inside a cell: its sheet, health/mana/stamina (never below 0 or
 * above their maxima), cooldowns, the cast under way and status effects. Times are simulation
 * milliseconds (tick * tick length), never wall clock, so a replay gives the same results. Not
 * thread-safe: owned by the cell's actor.
 */
public final class Combatant {
  private final long id;
  private CharacterSheet sheet;
  private double health;
  private double mana;
  private double stamina;
  private final Map<String, Long> readyAt = new HashMap<>();
  private final StatusEffects effects = new StatusEffects();
  private long castingUntil;
  private long lastAttackerId;
  private long lastHurtMillis = Long.MIN_VALUE / 2;

  /** What {@link #damage} did: health removed, shield absorbed, whether it killed. */
  public record Damage(int dealt, int absorbed, boolean killed) {}

  /** A fighter at full health, mana and stamina. */
  public Combatant(long id, CharacterSheet sheet) {
    this.id = id;
    this.sheet = sheet;
    this.health = sheet.maxHealth();
    this.mana = sheet.maxMana();
    this.stamina = sheet.maxStamina();
  }

  public long id() {
    return id;
  }

  public CharacterSheet sheet() {
    return sheet;
  }

  /** New numbers (level up, gear change); the pools keep their values, capped at the new maxima. */
  public void resheet(CharacterSheet next) {
    this.sheet = next;
    health = Math.min(health, next.maxHealth());
    mana = Math.min(mana, next.maxMana());
    stamina = Math.min(stamina, next.maxStamina());
  }

  public int health() {
    return (int) Math.ceil(health);
  }

  public int mana() {
    return (int) Math.floor(mana);
  }

  public int stamina() {
    return (int) Math.floor(stamina);
  }

  public boolean dead() {
    return health <= 0;
  }

  public StatusEffects effects() {
    return effects;
  }

  /** The id of whoever hurt it last (0 if nobody), for kill credit of damage over time. */
  public long lastAttackerId() {
    return lastAttackerId;
  }

  public long lastHurtMillis() {
    return lastHurtMillis;
  }

  /** Milliseconds until {@code a} may be used again (0 if ready). */
  public long cooldownLeft(Ability a, long nowMillis) {
    Long ready = readyAt.get(a.id());
    return ready == null ? 0 : Math.max(0, ready - nowMillis);
  }

  public boolean casting(long nowMillis) {
    return nowMillis < castingUntil;
  }

  /**
   * Whether {@code a} may be started now, as far as the user is concerned (target checks are the
   * cell's): empty if yes, else why not.
   */
  public Optional<Refusal> check(Ability a, long nowMillis) {
    if (dead() || effects.stunned(nowMillis) || casting(nowMillis)) {
      return Optional.of(Refusal.INCAPACITATED);
    }
    if (cooldownLeft(a, nowMillis) > 0) {
      return Optional.of(Refusal.ON_COOLDOWN);
    }
    if (pool(a.pool()) < a.cost()) {
      return Optional.of(Refusal.NOT_ENOUGH_RESOURCE);
    }
    return Optional.empty();
  }

  /**
   * Starts {@code a}: pays the cost, starts the cooldown and the cast. Throws if {@link #check}
   * refuses, so a cooldown can never be bypassed.
   */
  public void begin(Ability a, long nowMillis) {
    Optional<Refusal> r = check(a, nowMillis);
    if (r.isPresent()) {
      throw new IllegalStateException("ability " + a.id() + " refused: " + r.get());
    }
    switch (a.pool()) {
      case MANA -> mana -= a.cost();
      case STAMINA -> stamina -= a.cost();
      case NONE -> {}
    }
    readyAt.put(a.id(), nowMillis + a.cooldownMillis());
    castingUntil = nowMillis + a.castMillis();
  }

  /** Interrupts a cast under way (the cost and cooldown stay spent). */
  public void interrupt() {
    castingUntil = 0;
  }

  private double pool(Ability.Pool p) {
    return switch (p) {
      case MANA -> mana;
      case STAMINA -> stamina;
      case NONE -> Double.MAX_VALUE;
    };
  }

  /**
   * Takes {@code amount} (> 0) of damage from {@code attackerId}: the shield first, then health,
   * which stops at 0.
   */
  public Damage damage(double amount, long attackerId, long nowMillis) {
    if (dead() || !(amount > 0)) {
      return new Damage(0, 0, false);
    }
    double absorbed = effects.absorb(amount, nowMillis);
    double rest = amount - absorbed;
    double before = health;
    health = Math.max(0.0, health - rest);
    lastAttackerId = attackerId;
    lastHurtMillis = nowMillis;
    boolean killed = before > 0 && health <= 0;
    if (killed) {
      effects.clear();
      castingUntil = 0;
    }
    return new Damage((int) Math.round(before - health), (int) Math.round(absorbed), killed);
  }

  /** Restores up to {@code amount} health (not to the dead); returns what was restored. */
  public int heal(double amount) {
    if (dead() || !(amount > 0)) {
      return 0;
    }
    double before = health;
    health = Math.min(sheet.maxHealth(), health + amount);
    return (int) Math.round(health - before);
  }

  /**
   * Advances time by {@code dtMillis} to {@code nowMillis}: pools regenerate, damage over time
   * bites, ended effects drop. Returns what the damage over time did (killed if it was fatal).
   */
  public Damage advance(long nowMillis, long dtMillis) {
    if (dead() || dtMillis <= 0) {
      return new Damage(0, 0, false);
    }
    double seconds = dtMillis / 1000.0;
    double dot = 0;
    long source = 0;
    for (StatusEffect e : effects.size() == 0 ? List.<StatusEffect>of() : effects.dots()) {
      long active = Math.min(nowMillis, e.untilMillis()) - (nowMillis - dtMillis);
      if (active > 0) {
        dot += e.magnitude() * Math.min(active, dtMillis) / 1000.0;
        source = e.sourceId();
      }
    }
    effects.expire(nowMillis);
    mana = Math.min(sheet.maxMana(), mana + sheet.manaRegenPerSecond() * seconds);
    stamina = Math.min(sheet.maxStamina(), stamina + sheet.staminaRegenPerSecond() * seconds);
    Damage d = dot > 0 ? damage(dot, source, nowMillis) : new Damage(0, 0, false);
    if (!dead() && nowMillis - lastHurtMillis >= OUT_OF_COMBAT_MILLIS) {
      health = Math.min(sheet.maxHealth(), health + sheet.healthRegenPerSecond() * seconds);
    }
    return d;
  }

  /** Health only regenerates this long after the last damage taken. */
  public static final long OUT_OF_COMBAT_MILLIS = 5_000;

  /**
   * Back to life at full pools with effects cleared. Cooldowns keep running: dying is never a way
   * around one.
   */
  public void revive() {
    health = sheet.maxHealth();
    mana = sheet.maxMana();
    stamina = sheet.maxStamina();
    effects.clear();
    castingUntil = 0;
    lastAttackerId = 0;
  }
}
