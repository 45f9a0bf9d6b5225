package org.bluemarble.combat;

import java.util.Objects;

/**
 * One effect on a fighter until simulation time {@code untilMillis}, put there by {@code sourceId}
 * with {@code abilityId}. See {@link StatusKind} for the meaning of {@code magnitude}.
 */
public record StatusEffect(
    StatusKind kind, double magnitude, long untilMillis, long sourceId, String abilityId) {
  public StatusEffect {
    Objects.requireNonNull(kind, "kind");
    if (!(magnitude >= 0) || Double.isInfinite(magnitude)) {
      throw new IllegalArgumentException("magnitude must be >= 0, was " + magnitude);
    }
  }

  public boolean activeAt(long nowMillis) {
    return nowMillis < untilMillis;
  }

  StatusEffect withMagnitude(double m) {
    return new StatusEffect(kind, m, untilMillis, sourceId, abilityId);
  }
}
