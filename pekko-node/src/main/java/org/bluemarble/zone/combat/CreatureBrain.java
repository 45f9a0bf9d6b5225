package org.bluemarble.zone.combat;

import java.util.HashMap;
import java.util.Map;
import org.bluemarble.zone.CreatureKind;

/**
 * A creature's fighting mind, one per creature: idle or wandering until something draws its
 * attention, then chase, attack, flee or return home. Aggro comes from range (aggressive kinds
 * notice players within their awareness radius) and from damage (every kind turns on whoever hurt
 * it most, timid kinds flee instead). Leash: a creature that is more than {@link #leashMeters} from
 * home, or whose target is gone, returns home and forgets its threats; it fights again only when
 * home. Wounded below {@value #FLEE_BELOW} of its health, any creature but a bear flees. Pure: the
 * cell feeds it {@link Senses} and acts on the state.
 */
public final class CreatureBrain {
  /** Below this fraction of health a creature runs. */
  public static final double FLEE_BELOW = 0.2;

  /** Within this many metres of home a returning creature is back. */
  public static final double HOME_METERS = 3.0;

  /** The behaviour states. */
  public enum State {
    IDLE,
    WANDER,
    CHASE,
    ATTACK,
    FLEE,
    RETURN_HOME
  }

  /**
   * What the creature perceives: distance from home, the nearest player (0 if none) and how far,
   * how far its current target is (NaN if gone or dead), its health fraction, its attack range.
   */
  public record Senses(
      double homeMeters,
      long nearestPlayerId,
      double nearestPlayerMeters,
      double targetMeters,
      double healthFraction,
      double attackRangeMeters,
      boolean wandering) {
    Senses withTarget(double meters) {
      return new Senses(
          homeMeters,
          nearestPlayerId,
          nearestPlayerMeters,
          meters,
          healthFraction,
          attackRangeMeters,
          wandering);
    }
  }

  private final CreatureKind kind;
  private final Map<Long, Double> threat = new HashMap<>();
  private State state = State.IDLE;
  private long targetId;

  public CreatureBrain(CreatureKind kind) {
    this.kind = kind;
  }

  public State state() {
    return state;
  }

  /** Whom it chases, attacks or flees from (0 if nobody). */
  public long targetId() {
    return targetId;
  }

  /** Beyond this distance from home it gives up: twice its home range. */
  public double leashMeters() {
    return kind.homeRangeMeters() * 2;
  }

  /**
   * Whether {@code playerId} hurt it since it last went home (aggro by damage, not by range): it
   * answers such a player even inside a sanctuary.
   */
  public boolean provokedBy(long playerId) {
    return threat.getOrDefault(playerId, 0.0) > 0.0;
  }

  /** It took {@code amount} damage from {@code attackerId}: aggro by damage. */
  public void damagedBy(long attackerId, double amount) {
    if (state == State.RETURN_HOME || attackerId == 0) {
      return;
    }
    threat.merge(attackerId, amount, Double::sum);
    long top = targetId;
    double best = top == 0 ? -1 : threat.getOrDefault(top, 0.0);
    for (Map.Entry<Long, Double> e : threat.entrySet()) {
      if (e.getValue() > best) {
        best = e.getValue();
        top = e.getKey();
      }
    }
    targetId = top;
    if (state != State.ATTACK && state != State.FLEE) {
      state = kind.temperament() == CreatureKind.Temperament.TIMID ? State.FLEE : State.CHASE;
    }
  }

  /** Its target died or left: pick the next one by threat, or go home. */
  public void targetLost() {
    threat.remove(targetId);
    targetId = 0;
    for (Map.Entry<Long, Double> e : threat.entrySet()) {
      if (targetId == 0 || e.getValue() > threat.get(targetId)) {
        targetId = e.getKey();
      }
    }
    if (targetId == 0 && state != State.IDLE && state != State.WANDER) {
      state = State.RETURN_HOME;
    }
  }

  /** Decides the state for this think step. */
  public State think(Senses s) {
    switch (state) {
      case IDLE, WANDER -> {
        if (kind.temperament() == CreatureKind.Temperament.AGGRESSIVE
            && s.nearestPlayerId() != 0
            && s.nearestPlayerMeters() <= kind.awarenessMeters()) {
          targetId = s.nearestPlayerId();
          threat.putIfAbsent(targetId, 0.0);
          state = State.CHASE;
          return think(s.withTarget(s.nearestPlayerMeters()));
        }
        state = s.wandering() ? State.WANDER : State.IDLE;
      }
      case CHASE, ATTACK -> {
        if (Double.isNaN(s.targetMeters())) {
          targetLost();
          if (targetId == 0) {
            goHome();
          }
        } else if (s.homeMeters() > leashMeters()) {
          goHome();
        } else if (s.healthFraction() < FLEE_BELOW && kind != CreatureKind.BEAR) {
          state = State.FLEE;
        } else {
          state = s.targetMeters() <= s.attackRangeMeters() ? State.ATTACK : State.CHASE;
        }
      }
      case FLEE -> {
        if (Double.isNaN(s.targetMeters())
            || s.targetMeters() > kind.awarenessMeters() * 2
            || s.homeMeters() > leashMeters()) {
          goHome();
        }
      }
      case RETURN_HOME -> {
        if (s.homeMeters() <= HOME_METERS) {
          state = State.IDLE;
        }
      }
    }
    return state;
  }

  private void goHome() {
    threat.clear();
    targetId = 0;
    state = State.RETURN_HOME;
  }
}
