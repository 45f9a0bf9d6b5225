package org.bluemarble.planet;

/**
 * The companion documents' climate formulas, as pure functions.
 *
 * <ul>
 *   <li>Temperature (°C): {@code T = globalTemperature - (|lat|/90)·temperatureVariation -
 *       6.5·elevKm + seasonalVariation·sin(2π·day/365)}. Elevation below sea level counts as 0 km
 *       (the sea surface), so ocean temperature is the sea-level value.
 *   <li>Precipitation (mm/yr): {@code P = precipitationBase · f(|lat|) · max(0.1, T/30)} with
 *       {@code f = 1.5 + 0.5·sin(|lat|·π/30)} below 30°, {@code 1.0} from 30° to 60° inclusive,
 *       {@code 0.3} beyond 60° (latitude in degrees).
 * </ul>
 *
 * <p>Uses {@link StrictMath} so results are identical on every JVM and CPU.
 */
public final class Climate {

  /** Temperature lapse rate of the formula, °C per km of elevation. */
  public static final double LAPSE_RATE_PER_KM = 6.5;

  private Climate() {}

  /**
   * Temperature in °C.
   *
   * @param latitudeDegrees -90..90
   * @param elevationMeters elevation above sea level (negative values count as 0)
   * @param dayOfYear day for the seasonal term; use 0 (or any multiple of 182.5) for the annual
   *     mean
   */
  public static double temperature(
      ClimateConfig climate, double latitudeDegrees, double elevationMeters, double dayOfYear) {
    double elevKm = Math.max(0.0, elevationMeters) / 1000.0;
    double seasonal = climate.seasonalVariation() * StrictMath.sin(2 * Math.PI * dayOfYear / 365.0);
    return climate.globalTemperature()
        - Math.abs(latitudeDegrees) / 90.0 * climate.temperatureVariation()
        - LAPSE_RATE_PER_KM * elevKm
        + seasonal;
  }

  /** Annual mean temperature in °C (the seasonal term averages out). */
  public static double annualTemperature(
      ClimateConfig climate, double latitudeDegrees, double elevationMeters) {
    return temperature(climate, latitudeDegrees, elevationMeters, 0.0);
  }

  /**
   * Precipitation in mm per year.
   *
   * @param latitudeDegrees -90..90
   * @param temperatureCelsius the local temperature from {@link #temperature}
   */
  public static double precipitation(
      ClimateConfig climate, double latitudeDegrees, double temperatureCelsius) {
    return climate.precipitationBase()
        * latitudeFactor(latitudeDegrees)
        * Math.max(0.1, temperatureCelsius / 30.0);
  }

  /** The latitude factor f of the precipitation formula. */
  public static double latitudeFactor(double latitudeDegrees) {
    double lat = Math.abs(latitudeDegrees);
    if (lat < 30.0) {
      return 1.5 + 0.5 * StrictMath.sin(lat * Math.PI / 30.0);
    }
    return lat <= 60.0 ? 1.0 : 0.3;
  }
}
