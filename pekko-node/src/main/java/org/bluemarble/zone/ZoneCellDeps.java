package org.bluemarble.zone;

import java.time.Clock;
import java.time.Duration;
import org.bluemarble.combat.Sanctuary;

/**
 * What every {@link ZoneCell} on a node needs: the simulation's settings, the ground, the planet
 * seed (spawns are deterministic from it), the number of tag slices (fixed for the journal's life),
 * a clock, the idle timeout, the wall-clock interval between tick timers ({@code 1 / tickHz} in
 * production) and the simulation steps run per timer (1 in production). Each step always advances
 * the simulation by {@code 1 / tickHz} seconds, so tests may run a world faster than real time
 * (shorter interval, several steps per timer) through exactly the production code. The {@code
 * sanctuary} is the safe zone around the world's spawn point ({@link Sanctuary#NONE} by default).
 */
public record ZoneCellDeps(
    ZoneSettings settings,
    Terrain terrain,
    long worldSeed,
    int slices,
    Clock clock,
    Duration idleTimeout,
    Duration tickInterval,
    int stepsPerTick,
    Sanctuary sanctuary) {
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
    if (tickInterval == null) {
      tickInterval = Duration.ofNanos(1_000_000_000L / settings.tickHz());
    }
    if (tickInterval.isNegative() || tickInterval.isZero()) {
      throw new IllegalArgumentException("tickInterval must be > 0, was " + tickInterval);
    }
    if (sanctuary == null) {
      sanctuary = Sanctuary.NONE;
    }
    if (stepsPerTick < 1 || stepsPerTick > 100) {
      throw new IllegalArgumentException(
          "stepsPerTick must be within [1, 100], was " + stepsPerTick);
    }
  }

  /** Deps with the UTC system clock and the default idle timeout. */
  public static ZoneCellDeps of(
      ZoneSettings settings, Terrain terrain, long worldSeed, int slices) {
    return new ZoneCellDeps(
        settings,
        terrain,
        worldSeed,
        slices,
        Clock.systemUTC(),
        DEFAULT_IDLE_TIMEOUT,
        null,
        1,
        Sanctuary.NONE);
  }

  /** A copy with another idle timeout. */
  public ZoneCellDeps withIdleTimeout(Duration timeout) {
    return new ZoneCellDeps(
        settings,
        terrain,
        worldSeed,
        slices,
        clock,
        timeout,
        tickInterval,
        stepsPerTick,
        sanctuary);
  }

  /**
   * A copy whose cells run {@code steps} simulation steps every {@code interval} of wall-clock time
   * (tests: a world faster than real time).
   */
  public ZoneCellDeps withTimeWarp(Duration interval, int steps) {
    return new ZoneCellDeps(
        settings, terrain, worldSeed, slices, clock, idleTimeout, interval, steps, sanctuary);
  }

  /** A copy whose cells keep {@code zone} safe (the world's spawn sanctuary). */
  public ZoneCellDeps withSanctuary(Sanctuary zone) {
    return new ZoneCellDeps(
        settings, terrain, worldSeed, slices, clock, idleTimeout, tickInterval, stepsPerTick, zone);
  }
}
