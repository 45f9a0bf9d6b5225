package org.bluemarble.planet;

/**
 * The companion documents' 15 biomes, with their wire names and map colours. Colours for Ocean,
 * TropicalRainforest, Desert, Tundra and BorealForest are the companion's (tech-spherical-planet-
 * implementation.md); the others are our own conventional choices. The ordinal is stored per cell,
 * so never reorder the constants.
 */
public enum Biome {
  OCEAN("Ocean", 0x4169E1),
  TROPICAL_RAINFOREST("TropicalRainforest", 0x228B22),
  TEMPERATE_RAINFOREST("TemperateRainforest", 0x2F6F4F),
  BOREAL_FOREST("BorealForest", 0x2E8B57),
  TUNDRA("Tundra", 0xB0E0E6),
  DESERT("Desert", 0xEECBAD),
  GRASSLAND("Grassland", 0x9ACD32),
  SAVANNA("Savanna", 0xC8B560),
  TEMPERATE_FOREST("TemperateForest", 0x4F9A3A),
  TROPICAL_SAVANNA("TropicalSavanna", 0xD2B048),
  ALPINE("Alpine", 0x8B8680),
  WETLAND("Wetland", 0x5F9EA0),
  ICE_SHEET("IceSheet", 0xF5FAFF),
  BARREN_LAND("BarrenLand", 0xA89F91),
  URBAN_AREA("UrbanArea", 0xD2232A);

  private static final Biome[] VALUES = values();

  private final String wireName;
  private final int rgb;

  Biome(String wireName, int rgb) {
    this.wireName = wireName;
    this.rgb = rgb;
  }

  /** The companion API's name, e.g. {@code TropicalRainforest}. */
  public String wireName() {
    return wireName;
  }

  /** Map colour as 0xRRGGBB. */
  public int rgb() {
    return rgb;
  }

  /** Map colour as {@code #RRGGBB}. */
  public String hexColor() {
    return String.format("#%06X", rgb);
  }

  /** The biome with this ordinal (as stored per cell). */
  public static Biome ofOrdinal(int ordinal) {
    if (ordinal < 0 || ordinal >= VALUES.length) {
      throw new IllegalArgumentException(
          "biome ordinal " + ordinal + " is outside 0.." + (VALUES.length - 1));
    }
    return VALUES[ordinal];
  }

  /** The biome with this companion name; throws {@link IllegalArgumentException} if unknown. */
  public static Biome fromWireName(String name) {
    for (Biome b : VALUES) {
      if (b.wireName.equals(name)) {
        return b;
      }
    }
    throw new IllegalArgumentException("unknown biome '" + name + "'");
  }
}
