package org.bluemarble.planet;

import java.util.Arrays;
import org.bluemarble.planet.internal.ContentHash;

/**
 * A planet's raw samples, one entry per S2 cell of the terrain level in cell-id order: the form to
 * store and load a planet in ({@link Planet#samples()}, {@link Planet#restore}). A plain carrier:
 * arrays are shared, not copied, and equality is identity.
 *
 * @param elevation metres above sea level
 * @param temperature annual mean, °C
 * @param precipitation mm per year
 * @param biome {@link Biome} ordinals
 * @param plate plate ids, 0..plateCount-1
 * @param continentalPlates per plate: continental (true) or oceanic
 */
public record PlanetSamples(
    float[] elevation,
    float[] temperature,
    float[] precipitation,
    byte[] biome,
    byte[] plate,
    boolean[] continentalPlates) {

  /**
   * The content hash of a planet with these samples and {@code config} (what {@link
   * Planet#contentHash()} returns).
   */
  public String contentHash(PlanetConfig config) {
    return ContentHash.of(config, elevation, temperature, precipitation, biome, plate);
  }

  /** A deep copy. */
  public PlanetSamples copy() {
    return new PlanetSamples(
        elevation.clone(),
        temperature.clone(),
        precipitation.clone(),
        biome.clone(),
        plate.clone(),
        continentalPlates.clone());
  }

  /** Throws {@link IllegalArgumentException} naming the first array that does not fit. */
  void requireShape(int cells, int plateCount) {
    requireLength("elevation", elevation == null ? -1 : elevation.length, cells);
    requireLength("temperature", temperature == null ? -1 : temperature.length, cells);
    requireLength("precipitation", precipitation == null ? -1 : precipitation.length, cells);
    requireLength("biome", biome == null ? -1 : biome.length, cells);
    requireLength("plate", plate == null ? -1 : plate.length, cells);
    requireLength(
        "continentalPlates", continentalPlates == null ? -1 : continentalPlates.length, plateCount);
    for (int k = 0; k < cells; k++) {
      if (biome[k] < 0 || biome[k] >= Biome.values().length) {
        throw new IllegalArgumentException("biome[" + k + "] = " + biome[k] + " is not a biome");
      }
      if (plate[k] < 0 || plate[k] >= plateCount) {
        throw new IllegalArgumentException(
            "plate[" + k + "] = " + plate[k] + " is outside 0.." + (plateCount - 1));
      }
      if (!Float.isFinite(elevation[k])) {
        throw new IllegalArgumentException("elevation[" + k + "] = " + elevation[k]);
      }
    }
  }

  private static void requireLength(String name, int actual, int expected) {
    if (actual != expected) {
      throw new IllegalArgumentException(
          name
              + " has "
              + (actual < 0 ? "no array" : actual + " entries")
              + ", expected "
              + expected);
    }
  }

  @Override
  public String toString() {
    return "PlanetSamples[" + elevation.length + " cells, " + continentalPlates.length + " plates]";
  }

  @Override
  public boolean equals(Object o) {
    return this == o;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(this);
  }

  /** Whether two sample sets hold the same values (for tests and store round trips). */
  public boolean sameValues(PlanetSamples other) {
    return Arrays.equals(elevation, other.elevation)
        && Arrays.equals(temperature, other.temperature)
        && Arrays.equals(precipitation, other.precipitation)
        && Arrays.equals(biome, other.biome)
        && Arrays.equals(plate, other.plate)
        && Arrays.equals(continentalPlates, other.continentalPlates);
  }
}
