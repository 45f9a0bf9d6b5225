package org.bluemarble.persistence.terrain;

import org.bluemarble.planet.Planet;
import org.bluemarble.planet.PlanetConfig;
import org.bluemarble.planet.PlanetSamples;

/**
 * A planet as loaded from a {@link TerrainStore}: its metadata and every sample in cell-id order.
 * Use {@link #toPlanet()} to rebuild the {@link Planet} (validates the samples and recomputes the
 * hash; takes about as long as building the cell grid, far less than generating).
 *
 * @param info metadata saved with the planet
 * @param samples one entry per cell of the terrain level, in cell-id order
 */
public record StoredPlanet(StoredPlanetInfo info, PlanetSamples samples) {

  /** The generation config saved with the planet. */
  public PlanetConfig config() {
    return info.config();
  }

  /** Rebuilds the planet; see {@link Planet#restore}. */
  public Planet toPlanet() {
    return Planet.restore(info.config(), samples);
  }
}
