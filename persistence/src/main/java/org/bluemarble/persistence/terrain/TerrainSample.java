package org.bluemarble.persistence.terrain;

/**
 * One terrain cell's stored values, as returned by {@link TerrainStore#readRegion}.
 *
 * @param cellId S2 cell id of the cell at the planet's terrain level (unsigned 64-bit; cells of
 *     cube faces 4 and 5 are negative as Java longs)
 * @param elevation metres above sea level (negative under the sea)
 * @param temperature annual mean, °C
 * @param precipitation mm per year
 * @param biomeOrdinal ordinal of {@link org.bluemarble.planet.Biome}
 * @param plateId tectonic plate, 0..plateCount-1
 */
public record TerrainSample(
    long cellId,
    float elevation,
    float temperature,
    float precipitation,
    int biomeOrdinal,
    int plateId) {}
