package org.bluemarble.planet;

/**
 * Everything that determines a generated planet: the companion API's config plus the S2 level of
 * the terrain samples. The same config always yields the same planet, bit for bit.
 *
 * @param name display name, 1-100 characters, not blank
 * @param radiusMeters sphere radius, 1,000,000..20,000,000 m (default 6,371,000)
 * @param plateCount number of tectonic plates, 3..50 (default 12)
 * @param oceanCoverage target share of the surface (by area) below sea level, 0.0..1.0 (default
 *     0.71)
 * @param seed any value; drives every random choice
 * @param climate climate formula inputs
 * @param terrainLevel S2 level of the samples, {@value #MIN_TERRAIN_LEVEL}..{@value
 *     #MAX_TERRAIN_LEVEL} (default {@value #DEFAULT_TERRAIN_LEVEL}: 1,572,864 cells of about 20 km
 *     on Earth; each level up multiplies cells by 4 and memory by about 4)
 */
public record PlanetConfig(
    String name,
    double radiusMeters,
    int plateCount,
    double oceanCoverage,
    long seed,
    ClimateConfig climate,
    int terrainLevel) {

  public static final double DEFAULT_RADIUS_METERS = 6_371_000.0;
  public static final int DEFAULT_PLATE_COUNT = 12;
  public static final double DEFAULT_OCEAN_COVERAGE = 0.71;
  public static final int DEFAULT_TERRAIN_LEVEL = 9;
  public static final int MIN_TERRAIN_LEVEL = 3;
  public static final int MAX_TERRAIN_LEVEL = 10;

  /**
   * Validates every field; throws {@link InvalidPlanetConfigException} naming the first bad one.
   */
  public PlanetConfig {
    if (name == null || name.isBlank() || name.length() > 100) {
      throw new InvalidPlanetConfigException(
          "name", name, "must be 1-100 characters and not blank");
    }
    requireRange("radiusMeters", radiusMeters, 1_000_000, 20_000_000);
    requireIntRange("plateCount", plateCount, 3, 50);
    requireRange("oceanCoverage", oceanCoverage, 0.0, 1.0);
    if (climate == null) {
      throw new InvalidPlanetConfigException("climate", null, "must be present");
    }
    requireIntRange("terrainLevel", terrainLevel, MIN_TERRAIN_LEVEL, MAX_TERRAIN_LEVEL);
  }

  /** An Earth-sized planet: 12 plates, 71 % ocean, Earth-like climate, terrain level 9. */
  public static PlanetConfig earthLike(long seed) {
    return new PlanetConfig(
        "Earth-like " + seed,
        DEFAULT_RADIUS_METERS,
        DEFAULT_PLATE_COUNT,
        DEFAULT_OCEAN_COVERAGE,
        seed,
        ClimateConfig.EARTH_LIKE,
        DEFAULT_TERRAIN_LEVEL);
  }

  /** This config with another terrain level (tests and previews use coarse levels). */
  public PlanetConfig withTerrainLevel(int level) {
    return new PlanetConfig(name, radiusMeters, plateCount, oceanCoverage, seed, climate, level);
  }

  /** This config with another seed. */
  public PlanetConfig withSeed(long newSeed) {
    return new PlanetConfig(
        name, radiusMeters, plateCount, oceanCoverage, newSeed, climate, terrainLevel);
  }

  /** This config with another plate count. */
  public PlanetConfig withPlateCount(int plates) {
    return new PlanetConfig(name, radiusMeters, plates, oceanCoverage, seed, climate, terrainLevel);
  }

  /** This config with another ocean coverage. */
  public PlanetConfig withOceanCoverage(double coverage) {
    return new PlanetConfig(name, radiusMeters, plateCount, coverage, seed, climate, terrainLevel);
  }

  static void requireRange(String field, double value, double min, double max) {
    if (!Double.isFinite(value)) {
      throw new InvalidPlanetConfigException(field, value, "must be a finite number");
    }
    if (value < min || value > max) {
      throw new InvalidPlanetConfigException(
          field, value, "must be between " + plain(min) + " and " + plain(max));
    }
  }

  private static void requireIntRange(String field, int value, int min, int max) {
    if (value < min || value > max) {
      throw new InvalidPlanetConfigException(
          field, value, "must be between " + min + " and " + max);
    }
  }

  private static String plain(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }
}
