package org.bluemarble.persistence.terrain;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.bluemarble.planet.PlanetConfig;
import org.bluemarble.planet.PlanetSamples;
import org.bluemarble.spatial.CellIdRange;

/**
 * Port for storing generated planets: save once after generation, load at node start instead of
 * regenerating, read the samples of a region by cell-id range scans. Every method is asynchronous
 * and safe to call from any thread (including an actor's): database work runs elsewhere. Argument
 * checks happen before the call returns and throw {@link InvalidTerrainRequestException}; database
 * failures complete the stage with {@link TerrainStoreException}.
 *
 * <p>Planet ids are 1-64 characters of {@code A-Z a-z 0-9 . _ -}.
 */
public interface TerrainStore {

  /**
   * Saves a planet under {@code planetId}, replacing any planet saved there before. Writes are
   * batched; a reader sees either the old or the new planet, never a mix.
   *
   * @param samples one entry per cell of {@code config.terrainLevel()} in cell-id order (as {@link
   *     org.bluemarble.planet.Planet#samples()} returns them)
   * @return the stored metadata, including the content hash
   * @throws InvalidTerrainRequestException if the id is malformed or the samples do not fit the
   *     config (array lengths, biome ordinals, plate ids)
   */
  CompletionStage<StoredPlanetInfo> save(
      String planetId, PlanetConfig config, PlanetSamples samples);

  /** The planet saved under {@code planetId} with every sample, or empty if there is none. */
  CompletionStage<Optional<StoredPlanet>> load(String planetId);

  /**
   * The samples whose cell id lies in one of {@code ranges}, in cell-id order; empty for an unknown
   * planet. Only the chunks whose leaf range overlaps a range are read. Ranges usually come from
   * {@link org.bluemarble.spatial.SpatialCells#scanRanges} over a covering at the terrain level or
   * coarser (a finer covering only finds terrain cells whose centre id lies in it).
   */
  CompletionStage<List<TerrainSample>> readRegion(String planetId, List<CellIdRange> ranges);

  /** Metadata of every stored planet, sorted by planet id. */
  CompletionStage<List<StoredPlanetInfo>> list();

  /** Deletes the planet; completes with whether there was one. */
  CompletionStage<Boolean> delete(String planetId);
}
