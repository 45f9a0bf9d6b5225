package org.bluemarble.combat;

/**
 * Deterministic dice: a SplitMix64 stream seeded from the cell's seed, the tick, the acting entity
 * and the action's sequence within the tick, so a replay of the same inputs rolls the same numbers
 * on any node. Not thread-safe (one per action).
 */
public final class CombatRoll {
  private long state;

  private CombatRoll(long seed) {
    this.state = seed;
  }

  /** The dice of action {@code sequence} of {@code actorId} at {@code tick} in a cell. */
  public static CombatRoll of(long cellSeed, long tick, long actorId, int sequence) {
    long s = mix(cellSeed ^ 0x9E3779B97F4A7C15L);
    s = mix(s ^ tick);
    s = mix(s ^ actorId);
    return new CombatRoll(mix(s ^ sequence));
  }

  /** A roll in [0, 1). */
  public double next() {
    state += 0x9E3779B97F4A7C15L;
    return (mix(state) >>> 11) * 0x1.0p-53;
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
