package org.bluemarble.combat;

import java.util.ArrayList;
import java.util.List;

/**
 * The effects on one fighter, with the stacking rules:
 *
 * <ul>
 *   <li>damage over time: one instance per source and ability; a re-application refreshes its
 *       duration and keeps the larger magnitude; at most {@value #MAX_DOTS} instances, a further
 *       one replaces the instance that would end first;
 *   <li>slow: only the strongest counts; an equal or stronger slow replaces it, a weaker one is
 *       ignored while the stronger lasts;
 *   <li>stun: does not stack; a new stun only extends the current one to the later end;
 *   <li>shield: one; a new shield replaces it if it absorbs more than what is left, else only
 *       extends it.
 * </ul>
 */
public final class StatusEffects {
  public static final int MAX_DOTS = 5;

  private final List<StatusEffect> effects = new ArrayList<>(4);

  /** Puts {@code e} on under the stacking rules (expired effects are dropped first). */
  public void apply(StatusEffect e, long nowMillis) {
    expire(nowMillis);
    if (!e.activeAt(nowMillis)) {
      return;
    }
    switch (e.kind()) {
      case DOT -> applyDot(e);
      case SLOW -> {
        StatusEffect cur = find(StatusKind.SLOW);
        if (cur == null || e.magnitude() >= cur.magnitude()) {
          replace(cur, e);
        }
      }
      case STUN, SHIELD -> {
        StatusEffect cur = find(e.kind());
        if (cur == null || e.magnitude() > cur.magnitude()) {
          replace(cur, e);
        } else if (e.untilMillis() > cur.untilMillis()) {
          replace(
              cur,
              new StatusEffect(
                  cur.kind(), cur.magnitude(), e.untilMillis(), cur.sourceId(), cur.abilityId()));
        }
      }
    }
  }

  private void applyDot(StatusEffect e) {
    int dots = 0;
    StatusEffect firstToEnd = null;
    for (int i = 0; i < effects.size(); i++) {
      StatusEffect cur = effects.get(i);
      if (cur.kind() != StatusKind.DOT) {
        continue;
      }
      if (cur.sourceId() == e.sourceId() && cur.abilityId().equals(e.abilityId())) {
        effects.set(
            i,
            new StatusEffect(
                StatusKind.DOT,
                Math.max(cur.magnitude(), e.magnitude()),
                Math.max(cur.untilMillis(), e.untilMillis()),
                e.sourceId(),
                e.abilityId()));
        return;
      }
      dots++;
      if (firstToEnd == null || cur.untilMillis() < firstToEnd.untilMillis()) {
        firstToEnd = cur;
      }
    }
    if (dots >= MAX_DOTS) {
      effects.remove(firstToEnd);
    }
    effects.add(e);
  }

  private void replace(StatusEffect old, StatusEffect e) {
    if (old != null) {
      effects.remove(old);
    }
    effects.add(e);
  }

  /** Drops the effects that ended at or before {@code nowMillis}. */
  public void expire(long nowMillis) {
    effects.removeIf(e -> !e.activeAt(nowMillis));
  }

  /** The active effect of {@code kind} (for DOTs, the first), or null. */
  public StatusEffect find(StatusKind kind) {
    for (StatusEffect e : effects) {
      if (e.kind() == kind) {
        return e;
      }
    }
    return null;
  }

  public boolean stunned(long nowMillis) {
    StatusEffect s = find(StatusKind.STUN);
    return s != null && s.activeAt(nowMillis);
  }

  /** Speed multiplier 0.1..1 from the active slow. */
  public double speedFactor(long nowMillis) {
    StatusEffect s = find(StatusKind.SLOW);
    if (s == null || !s.activeAt(nowMillis)) {
      return 1.0;
    }
    return 1.0 - Math.min(90.0, s.magnitude()) / 100.0;
  }

  /**
   * Takes up to {@code damage} from the shield; returns what the shield absorbed (0 without one). A
   * shield used up is removed.
   */
  double absorb(double damage, long nowMillis) {
    StatusEffect s = find(StatusKind.SHIELD);
    if (s == null || !s.activeAt(nowMillis) || damage <= 0) {
      return 0;
    }
    double taken = Math.min(damage, s.magnitude());
    effects.remove(s);
    if (s.magnitude() - taken > 0) {
      effects.add(s.withMagnitude(s.magnitude() - taken));
    }
    return taken;
  }

  /** A copy of the active effects. */
  public List<StatusEffect> list() {
    return List.copyOf(effects);
  }

  /** Every active damage-over-time effect. */
  List<StatusEffect> dots() {
    List<StatusEffect> out = new ArrayList<>(2);
    for (StatusEffect e : effects) {
      if (e.kind() == StatusKind.DOT) {
        out.add(e);
      }
    }
    return out;
  }

  public void clear() {
    effects.clear();
  }

  public int size() {
    return effects.size();
  }
}
