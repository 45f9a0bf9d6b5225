package org.bluemarble.planet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ClimateTest {

  private static final ClimateConfig COMPANION = ClimateConfig.COMPANION_DEFAULTS;

  @Test
  void temperatureAtTheEquatorAtSeaLevelIsTheGlobalTemperature() {
    assertThat(Climate.annualTemperature(COMPANION, 0, 0)).isEqualTo(15.0);
  }

  @Test
  void temperatureFallsWithLatitudeAndElevationByHand() {
    // 15 - (45/90)*40 - 6.5*2 = 15 - 20 - 13 = -18
    assertThat(Climate.annualTemperature(COMPANION, 45, 2000)).isCloseTo(-18.0, within(1e-12));
    // Southern latitudes count by their absolute value: 15 - (30/90)*40 = 1.666...
    assertThat(Climate.annualTemperature(COMPANION, -30, 0)).isCloseTo(5.0 / 3, within(1e-12));
    // At the pole: 15 - 40 = -25
    assertThat(Climate.annualTemperature(COMPANION, 90, 0)).isCloseTo(-25.0, within(1e-12));
  }

  @Test
  void seaFloorCountsAsSeaLevel() {
    assertThat(Climate.annualTemperature(COMPANION, 10, -4000))
        .isEqualTo(Climate.annualTemperature(COMPANION, 10, 0));
  }

  @Test
  void seasonalTermPeaksAQuarterYearIn() {
    ClimateConfig seasonal = new ClimateConfig(15, 40, 1000, 10);
    // sin(2π · 91.25/365) = sin(π/2) = 1
    assertThat(Climate.temperature(seasonal, 0, 0, 91.25)).isCloseTo(25.0, within(1e-9));
    assertThat(Climate.temperature(seasonal, 0, 0, 273.75)).isCloseTo(5.0, within(1e-9));
  }

  @Test
  void latitudeFactorFollowsTheCompanionBands() {
    assertThat(Climate.latitudeFactor(0)).isCloseTo(1.5, within(1e-12));
    // 1.5 + 0.5·sin(15π/30) = 2.0
    assertThat(Climate.latitudeFactor(15)).isCloseTo(2.0, within(1e-12));
    assertThat(Climate.latitudeFactor(-15)).isCloseTo(2.0, within(1e-12));
    // 1.5 + 0.5·sin(5π/30) = 1.75
    assertThat(Climate.latitudeFactor(5)).isCloseTo(1.75, within(1e-12));
    assertThat(Climate.latitudeFactor(30)).isEqualTo(1.0);
    assertThat(Climate.latitudeFactor(60)).isEqualTo(1.0);
    assertThat(Climate.latitudeFactor(60.5)).isEqualTo(0.3);
  }

  @Test
  void precipitationByHand() {
    // 1000 · 2.0 · max(0.1, 24/30) = 1600
    assertThat(Climate.precipitation(COMPANION, 15, 24)).isCloseTo(1600.0, within(1e-9));
    // 1000 · 1.0 · max(0.1, 9/30) = 300
    assertThat(Climate.precipitation(COMPANION, 45, 9)).isCloseTo(300.0, within(1e-9));
    // Cold: the temperature term floors at 0.1 → 1000 · 0.3 · 0.1 = 30
    assertThat(Climate.precipitation(COMPANION, 75, -20)).isCloseTo(30.0, within(1e-9));
  }
}
