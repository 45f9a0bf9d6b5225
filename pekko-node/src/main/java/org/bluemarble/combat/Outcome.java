package org.bluemarble.combat;

/**
 * What one ability did to one target: {@code amount} is health removed (damage) or restored (heal)
 * after mitigation and shields, {@code absorbed} what a shield took, {@code killed} whether this
 * took the target's health to 0.
 */
public record Outcome(
    Kind kind,
    long targetId,
    int amount,
    int absorbed,
    boolean crit,
    boolean killed,
    StatusEffect status) {
  /** Hit, miss, heal or a status-only effect. */
  public enum Kind {
    HIT,
    MISS,
    HEAL,
    EFFECT
  }
}
