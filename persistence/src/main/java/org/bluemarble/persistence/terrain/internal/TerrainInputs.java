package org.bluemarble.persistence.terrain.internal;

import java.lang.reflect.Array;
import java.util.List;
import java.util.regex.Pattern;
import org.bluemarble.persistence.terrain.InvalidTerrainRequestException;
import org.bluemarble.planet.Biome;
import org.bluemarble.planet.PlanetConfig;
import org.bluemarble.planet.PlanetSamples;
import org.bluemarble.spatial.CellIdRange;

/** Argument checks shared by the terrain store adapters, and the content hash of a save. */
public final class TerrainInputs {

  private static final Pattern PLANET_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final int BIOMES = Biome.values().length;

  private TerrainInputs() {}

  /** Throws unless {@code planetId} is 1-64 characters of {@code A-Z a-z 0-9 . _ -}. */
  public static String requirePlanetId(String planetId) {
    if (planetId == null || !PLANET_ID.matcher(planetId).matches()) {
      throw new InvalidTerrainRequestException(
          "planetId", planetId, "must be 1-64 characters of A-Z a-z 0-9 . _ -");
    }
    return planetId;
  }

  /** Throws unless {@code ranges} and each range in it are present. */
  public static List<CellIdRange> requireRanges(List<CellIdRange> ranges) {
    if (ranges == null) {
      throw new InvalidTerrainRequestException("ranges", null, "must be a list (may be empty)");
    }
    for (int i = 0; i < ranges.size(); i++) {
      if (ranges.get(i) == null) {
        throw new InvalidTerrainRequestException("ranges[" + i + "]", null, "must be present");
      }
    }
    return ranges;
  }

  /**
   * Throws unless {@code samples} has one entry per cell of the config's terrain level and one
   * continental flag per plate, with valid biome ordinals, plate ids and finite values.
   */
  public static void requireSamplesFit(PlanetConfig config, PlanetSamples samples) {
    if (config == null) {
      throw new InvalidTerrainRequestException("config", null, "must be present");
    }
    if (samples == null) {
      throw new InvalidTerrainRequestException("samples", null, "must be present");
    }
    int cells = ChunkLayout.forTerrainLevel(config.terrainLevel()).cellCount();
    requireLength("samples.elevation", lengthOf(samples.elevation()), cells);
    requireLength("samples.temperature", lengthOf(samples.temperature()), cells);
    requireLength("samples.precipitation", lengthOf(samples.precipitation()), cells);
    requireLength("samples.biome", lengthOf(samples.biome()), cells);
    requireLength("samples.plate", lengthOf(samples.plate()), cells);
    requireLength(
        "samples.continentalPlates", lengthOf(samples.continentalPlates()), config.plateCount());
    for (int k = 0; k < cells; k++) {
      int biome = samples.biome()[k];
      if (biome < 0 || biome >= BIOMES) {
        throw new InvalidTerrainRequestException(
            "samples.biome[" + k + "]", biome, "must be a biome ordinal 0.." + (BIOMES - 1));
      }
      int plate = samples.plate()[k];
      if (plate < 0 || plate >= config.plateCount()) {
        throw new InvalidTerrainRequestException(
            "samples.plate[" + k + "]", plate, "must be 0.." + (config.plateCount() - 1));
      }
      requireFinite("samples.elevation", k, samples.elevation()[k]);
      requireFinite("samples.temperature", k, samples.temperature()[k]);
      requireFinite("samples.precipitation", k, samples.precipitation()[k]);
    }
  }

  private static int lengthOf(Object array) {
    if (array == null) {
      return -1;
    }
    return Array.getLength(array);
  }

  private static void requireLength(String field, int actual, int expected) {
    if (actual != expected) {
      throw new InvalidTerrainRequestException(
          field + ".length",
          actual < 0 ? "missing" : actual,
          "must be " + expected + " to fit the config");
    }
  }

  private static void requireFinite(String field, int k, float value) {
    if (!Float.isFinite(value)) {
      throw new InvalidTerrainRequestException(field + "[" + k + "]", value, "must be finite");
    }
  }
}
