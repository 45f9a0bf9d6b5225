package org.bluemarble.zone;

import java.time.Clock;

/**
 * What every {@link ZoneCell} on a node needs: the simulation's settings, the ground, the planet
 * seed (spawns are deterministic from it), the number of tag slices (fixed for the journal's life),
 * a clock.
 */
public record ZoneCellDeps(
    ZoneSettings settings, Terrain terrain, long worldSeed, int slices, Clock clock) {
  /** Requires every part; {@code slices} must be positive. */
  public ZoneCellDeps {
    if (settings == null || terrain == null || clock == null) {
      throw new IllegalArgumentException("settings, terrain and clock must be given");
    }
    if (slices < 1) {
      throw new IllegalArgumentException("slices must be >= 1, was " + slices);
    }
  }

  /** Deps with the UTC system clock. */
  public static ZoneCellDeps of(
      ZoneSettings settings, Terrain terrain, long worldSeed, int slices) {
    return new ZoneCellDeps(settings, terrain, worldSeed, slices, Clock.systemUTC());
  }
}
