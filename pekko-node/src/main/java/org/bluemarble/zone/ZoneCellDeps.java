package org.bluemarble.zone;

import java.time.Clock;
import java.time.Duration;

/**
 * What every {@link ZoneCell} on a node needs: the simulation's settings, the ground, the planet
 * seed (spawns are deterministic from it), the number of tag slices (fixed for the journal's life),
 * a clock.
 */
public record ZoneCellDeps(
    ZoneSettings settings,
    Terrain terrain,
    long worldSeed,
    int slices,
    Clock clock,
    Duration idleTimeout) {
  /** How long an empty, unwatched cell lives by default. */
  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);

  /** Requires every part; {@code slices} must be positive. */
  public ZoneCellDeps {
    if (settings == null || terrain == null || clock == null) {
      throw new IllegalArgumentException("settings, terrain and clock must be given");
    }
    if (idleTimeout == null || idleTimeout.isNegative() || idleTimeout.isZero()) {
      throw new IllegalArgumentException("idleTimeout must be > 0, was " + idleTimeout);
    }
    if (slices < 1) {
      throw new IllegalArgumentException("slices must be >= 1, was " + slices);
    }
  }

  /** Deps with the UTC system clock and the default idle timeout. */
  public static ZoneCellDeps of(
      ZoneSettings settings, Terrain terrain, long worldSeed, int slices) {
    return new ZoneCellDeps(
        settings, terrain, worldSeed, slices, Clock.systemUTC(), DEFAULT_IDLE_TIMEOUT);
  }

  /** A copy with another idle timeout. */
  public ZoneCellDeps withIdleTimeout(Duration timeout) {
    return new ZoneCellDeps(settings, terrain, worldSeed, slices, clock, timeout);
  }
}
