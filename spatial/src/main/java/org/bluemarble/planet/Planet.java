package org.bluemarble.planet;

import com.google.common.geometry.S2CellId;
import org.bluemarble.planet.internal.CellGrid;

/**
 * A generated planet: its config, one sample per S2 cell at the terrain level (cells in id order,
 * index 0..{@link #cellCount()}-1), summary stats and a content hash. Immutable; samples live in
 * plain arrays (about 14 bytes per cell plus the grid's 20), so level 9 needs roughly 55 MB. Use
 * {@link #terrainQuery()} for look-ups by latitude/longitude.
 */
public final class Planet {

  private final PlanetConfig config;
  private final CellGrid grid;
  private final float[] elevation;
  private final float[] temperature;
  private final float[] precipitation;
  private final byte[] biome;
  private final byte[] plate;
  private final boolean[] continentalPlates;
  private final PlanetStats stats;
  private final String contentHash;
  private volatile TerrainQuery terrainQuery;

  private Planet(
      PlanetConfig config,
      CellGrid grid,
      PlanetSamples samples,
      PlanetStats stats,
      String contentHash) {
    this.config = config;
    this.grid = grid;
    this.elevation = samples.elevation();
    this.temperature = samples.temperature();
    this.precipitation = samples.precipitation();
    this.biome = samples.biome();
    this.plate = samples.plate();
    this.continentalPlates = samples.continentalPlates();
    this.stats = stats;
    this.contentHash = contentHash;
  }

  /**
   * Rebuilds a planet from stored samples (e.g. loaded from a terrain store) without regenerating
   * it: checks the arrays against the config, recomputes stats and hash. The arrays are copied.
   *
   * @throws IllegalArgumentException if an array has the wrong length or holds an impossible value
   */
  public static Planet restore(PlanetConfig config, PlanetSamples samples) {
    int cells = 6 << (2 * config.terrainLevel());
    samples.requireShape(cells, config.plateCount());
    return assemble(config, CellGrid.build(config.terrainLevel()), samples.copy());
  }

  /** Builds a planet around arrays it takes ownership of. */
  static Planet assemble(PlanetConfig config, CellGrid grid, PlanetSamples samples) {
    PlanetStats stats = PlanetStats.compute(grid, samples.elevation(), samples.biome());
    return new Planet(config, grid, samples, stats, samples.contentHash(config));
  }

  /** A copy of every sample, e.g. to store the planet. */
  public PlanetSamples samples() {
    return new PlanetSamples(elevation, temperature, precipitation, biome, plate, continentalPlates)
        .copy();
  }

  public PlanetConfig config() {
    return config;
  }

  /** Number of samples: 6 · 4^terrainLevel. */
  public int cellCount() {
    return elevation.length;
  }

  /** S2 cell id of sample {@code index}. */
  public S2CellId cellId(int index) {
    return grid.cellId(index);
  }

  /** Sample index of a cell at the terrain level. */
  public int indexOf(S2CellId id) {
    return grid.indexOf(id);
  }

  /** Elevation of sample {@code index} in metres above sea level (negative under the sea). */
  public float elevation(int index) {
    return elevation[index];
  }

  /** Annual mean temperature of sample {@code index} in °C. */
  public float temperature(int index) {
    return temperature[index];
  }

  /** Precipitation of sample {@code index} in mm per year. */
  public float precipitation(int index) {
    return precipitation[index];
  }

  /** Biome of sample {@code index}. */
  public Biome biome(int index) {
    return Biome.ofOrdinal(biome[index]);
  }

  /** Biome ordinal of sample {@code index} (allocation-free). */
  public int biomeOrdinal(int index) {
    return biome[index];
  }

  /** Tectonic plate of sample {@code index}, 0..plateCount-1. */
  public int plateId(int index) {
    return plate[index];
  }

  /** Whether {@code plateId} is a continental (rather than oceanic) plate. */
  public boolean isContinentalPlate(int plateId) {
    return continentalPlates[plateId];
  }

  public PlanetStats stats() {
    return stats;
  }

  /** Lower-case hex SHA-256 over the config and every sample; equal hashes mean equal planets. */
  public String contentHash() {
    return contentHash;
  }

  /** The cell grid behind the samples (centres, areas, lookup tables). */
  public CellGrid grid() {
    return grid;
  }

  /** A query object for this planet (created once, thread-safe). */
  public TerrainQuery terrainQuery() {
    TerrainQuery q = terrainQuery;
    if (q == null) {
      q = new TerrainQuery(this);
      terrainQuery = q;
    }
    return q;
  }

  float[] elevations() {
    return elevation;
  }

  byte[] biomes() {
    return biome;
  }
}
