package org.bluemarble.planet;

/**
 * Assigns one of the 15 biomes to a site. The core is the companion's [TECH] decision tree; rules
 * marked "ours" add the biomes that tree never returns (Ocean, Alpine, Wetland, BarrenLand,
 * UrbanArea, Savanna). First match wins:
 *
 * <ol>
 *   <li>elevation &lt; 0 m → Ocean (ours: sea level is 0 m).
 *   <li>T &lt; -10 °C or elevation &gt; 5000 m → IceSheet [TECH].
 *   <li>elevation &gt; {@value #ALPINE_MIN_ELEVATION} m → Alpine (ours: above the tree line).
 *   <li>T &lt; 0 °C and |lat| &gt; 60° → Tundra [TECH].
 *   <li>settlement ≥ {@value #URBAN_THRESHOLD}, elevation &lt; {@value #URBAN_MAX_ELEVATION} m, 5 ≤
 *       T ≤ 25 °C and 400 ≤ P ≤ 2000 mm → UrbanArea (ours: settlements grow on mild, watered
 *       lowland; "settlement" is a seeded noise field in 0..1).
 *   <li>elevation &lt; {@value #WETLAND_MAX_ELEVATION} m, P ≥ {@value #WETLAND_MIN_PRECIPITATION}
 *       mm and wetness ≥ {@value #WETLAND_THRESHOLD} → Wetland (ours: wet, flat coastal lowland;
 *       "wetness" is a seeded noise field in 0..1).
 *   <li>P &lt; 250 mm → BarrenLand if T &lt; 5 °C (ours: cold desert), else Desert [TECH].
 *   <li>P &gt; 2000 mm and T &gt; 20 °C → TropicalRainforest [TECH].
 *   <li>P &gt; 1000 mm and T &gt; 10 °C → TemperateRainforest [TECH].
 *   <li>T &lt; 5 °C and P &gt; 400 mm → BorealForest [TECH].
 *   <li>T &lt; 5 °C → Tundra (ours: cold and too dry for forest).
 *   <li>P &lt; 1000 mm and T &gt; 15 °C → TropicalSavanna inside the tropics (|lat| ≤ 23.5°),
 *       Savanna from there to 30° (ours: the companion's climate zones), Grassland beyond 30°
 *       [TECH].
 *   <li>otherwise TemperateForest [TECH].
 * </ol>
 */
public final class BiomeClassifier {

  public static final double ICE_MAX_TEMPERATURE = -10.0;
  public static final double ICE_MIN_ELEVATION = 5000.0;
  public static final double ALPINE_MIN_ELEVATION = 2500.0;
  public static final double URBAN_THRESHOLD = 0.8;
  public static final double URBAN_MAX_ELEVATION = 400.0;
  public static final double WETLAND_MAX_ELEVATION = 60.0;
  public static final double WETLAND_MIN_PRECIPITATION = 700.0;
  public static final double WETLAND_THRESHOLD = 0.6;
  public static final double TROPIC_LATITUDE = 23.5;

  private BiomeClassifier() {}

  /**
   * @param absLatitude |latitude| in degrees, 0..90
   * @param elevation metres above sea level
   * @param temperature °C
   * @param precipitation mm per year
   * @param wetness 0..1, how waterlogged flat ground is
   * @param settlement 0..1, how attractive the site is for a city
   */
  public static Biome classify(
      double absLatitude,
      double elevation,
      double temperature,
      double precipitation,
      double wetness,
      double settlement) {
    if (elevation < 0) {
      return Biome.OCEAN;
    }
    if (temperature < ICE_MAX_TEMPERATURE || elevation > ICE_MIN_ELEVATION) {
      return Biome.ICE_SHEET;
    }
    if (elevation > ALPINE_MIN_ELEVATION) {
      return Biome.ALPINE;
    }
    if (temperature < 0 && absLatitude > 60) {
      return Biome.TUNDRA;
    }
    if (settlement >= URBAN_THRESHOLD
        && elevation < URBAN_MAX_ELEVATION
        && temperature >= 5
        && temperature <= 25
        && precipitation >= 400
        && precipitation <= 2000) {
      return Biome.URBAN_AREA;
    }
    if (elevation < WETLAND_MAX_ELEVATION
        && precipitation >= WETLAND_MIN_PRECIPITATION
        && wetness >= WETLAND_THRESHOLD) {
      return Biome.WETLAND;
    }
    if (precipitation < 250) {
      return temperature < 5 ? Biome.BARREN_LAND : Biome.DESERT;
    }
    if (precipitation > 2000 && temperature > 20) {
      return Biome.TROPICAL_RAINFOREST;
    }
    if (precipitation > 1000 && temperature > 10) {
      return Biome.TEMPERATE_RAINFOREST;
    }
    if (temperature < 5) {
      return precipitation > 400 ? Biome.BOREAL_FOREST : Biome.TUNDRA;
    }
    if (precipitation < 1000 && temperature > 15) {
      if (absLatitude <= TROPIC_LATITUDE) {
        return Biome.TROPICAL_SAVANNA;
      }
      return absLatitude < 30 ? Biome.SAVANNA : Biome.GRASSLAND;
    }
    return Biome.TEMPERATE_FOREST;
  }
}
