package org.bluemarble.planet;

/**
 * Climate inputs of the companion temperature and precipitation formulas (see {@link Climate}).
 *
 * @param globalTemperature sea-level temperature at the equator in °C, allowed -50..60
 * @param temperatureVariation drop in °C from the equator to a pole, allowed 0..100
 * @param precipitationBase base precipitation in mm per year, allowed 0..10,000
 * @param seasonalVariation amplitude in °C of the seasonal term, allowed 0..50 (generation uses the
 *     annual mean, where the seasonal term is zero; {@link Climate#temperature} takes a day of
 *     year)
 */
public record ClimateConfig(
    double globalTemperature,
    double temperatureVariation,
    double precipitationBase,
    double seasonalVariation) {

  /** The companion API's defaults: 15 °C, 40 °C, 1000 mm/yr, 0.2. */
  public static final ClimateConfig COMPANION_DEFAULTS = new ClimateConfig(15.0, 40.0, 1000.0, 0.2);

  /**
   * Earth-like values for the companion formulas: 30 °C at the equator and -10 °C at the poles (sea
   * level), an area-weighted mean of 15.5 °C like Earth's 15 °C. The formula's "globalTemperature"
   * is the equator value, so the companion default of 15 °C leaves no tropical biomes and no
   * Grassland (which needs T &gt; 15 °C beyond 30°). Base precipitation is 1200 mm/yr rather than
   * 1000 because the formula's max(0.1, T/30) term makes cold land so dry that BorealForest (P &gt;
   * 400 mm at T &lt; 5 °C) would hardly exist. This preset is what {@link
   * PlanetConfig#earthLike(long)} uses.
   */
  public static final ClimateConfig EARTH_LIKE = new ClimateConfig(30.0, 40.0, 1200.0, 0.2);

  /**
   * Validates every field; throws {@link InvalidPlanetConfigException} naming the first bad one.
   */
  public ClimateConfig {
    PlanetConfig.requireRange("climate.globalTemperature", globalTemperature, -50, 60);
    PlanetConfig.requireRange("climate.temperatureVariation", temperatureVariation, 0, 100);
    PlanetConfig.requireRange("climate.precipitationBase", precipitationBase, 0, 10_000);
    PlanetConfig.requireRange("climate.seasonalVariation", seasonalVariation, 0, 50);
  }
}
