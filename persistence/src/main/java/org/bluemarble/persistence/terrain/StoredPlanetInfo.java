package org.bluemarble.persistence.terrain;

import java.time.Instant;
import org.bluemarble.planet.PlanetConfig;

/**
 * What a store knows about one saved planet without reading its samples: the entry {@link
 * TerrainStore#list()} returns and the header of {@link StoredPlanet}.
 *
 * @param planetId the key it was saved under
 * @param config the generation config (its name is the planet's display name)
 * @param contentHash lower-case hex SHA-256 of config and samples, equal to {@link
 *     org.bluemarble.planet.Planet#contentHash()} of the planet the samples came from
 * @param cellCount number of samples, 6 · 4^terrainLevel
 * @param createdAt when this version was saved (millisecond precision)
 */
public record StoredPlanetInfo(
    String planetId, PlanetConfig config, String contentHash, int cellCount, Instant createdAt) {

  /** The planet's display name. */
  public String name() {
    return config.name();
  }
}
