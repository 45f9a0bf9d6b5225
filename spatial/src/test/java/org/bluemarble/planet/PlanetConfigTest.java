package org.bluemarble.planet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class PlanetConfigTest {

  private static final ClimateConfig C = ClimateConfig.COMPANION_DEFAULTS;

  private static PlanetConfig config(
      String name, double radius, int plates, double ocean, ClimateConfig climate, int level) {
    return new PlanetConfig(name, radius, plates, ocean, 1L, climate, level);
  }

  private static void assertRejected(Supplier<?> build, String field, String value) {
    assertThatThrownBy(build::get)
        .isInstanceOfSatisfying(
            InvalidPlanetConfigException.class,
            e -> {
              assertThat(e.field()).isEqualTo(field);
              assertThat(e.value()).isEqualTo(value);
              assertThat(e.reason()).isNotBlank();
              assertThat(e.getMessage()).contains(field).contains(value);
            });
  }

  @Test
  void earthLikeUsesTheCompanionSizeAndDefaultLevel() {
    PlanetConfig c = PlanetConfig.earthLike(7);
    assertThat(c.radiusMeters()).isEqualTo(6_371_000.0);
    assertThat(c.plateCount()).isEqualTo(12);
    assertThat(c.oceanCoverage()).isEqualTo(0.71);
    assertThat(c.seed()).isEqualTo(7);
    assertThat(c.terrainLevel()).isEqualTo(9);
    assertThat(c.climate()).isEqualTo(ClimateConfig.EARTH_LIKE);
  }

  @Test
  void acceptsEveryBoundaryValue() {
    assertThat(config("a", 1_000_000, 3, 0.0, C, 3).plateCount()).isEqualTo(3);
    assertThat(config("a".repeat(100), 20_000_000, 50, 1.0, C, 10).terrainLevel()).isEqualTo(10);
    assertThat(new ClimateConfig(-50, 0, 0, 0).globalTemperature()).isEqualTo(-50);
    assertThat(new ClimateConfig(60, 100, 10_000, 50).seasonalVariation()).isEqualTo(50);
  }

  @Test
  void rejectsBadName() {
    assertRejected(() -> config(null, 6e6, 12, 0.7, C, 6), "name", "null");
    assertRejected(() -> config("  ", 6e6, 12, 0.7, C, 6), "name", "  ");
    assertRejected(() -> config("x".repeat(101), 6e6, 12, 0.7, C, 6), "name", "x".repeat(101));
  }

  @Test
  void rejectsRadiusOutsideOneThousandToTwentyThousandKilometres() {
    assertRejected(() -> config("a", 999_999, 12, 0.7, C, 6), "radiusMeters", "999999.0");
    assertRejected(() -> config("a", 20_000_001, 12, 0.7, C, 6), "radiusMeters", "2.0000001E7");
    assertRejected(() -> config("a", Double.NaN, 12, 0.7, C, 6), "radiusMeters", "NaN");
  }

  @Test
  void rejectsPlateCountOutsideThreeToFifty() {
    assertRejected(() -> config("a", 6e6, 2, 0.7, C, 6), "plateCount", "2");
    assertRejected(() -> config("a", 6e6, 51, 0.7, C, 6), "plateCount", "51");
  }

  @Test
  void rejectsOceanCoverageOutsideZeroToOne() {
    assertRejected(() -> config("a", 6e6, 12, -0.01, C, 6), "oceanCoverage", "-0.01");
    assertRejected(() -> config("a", 6e6, 12, 1.01, C, 6), "oceanCoverage", "1.01");
    assertRejected(
        () -> config("a", 6e6, 12, Double.POSITIVE_INFINITY, C, 6), "oceanCoverage", "Infinity");
  }

  @Test
  void rejectsTerrainLevelOutsideThreeToTen() {
    assertRejected(() -> config("a", 6e6, 12, 0.7, C, 2), "terrainLevel", "2");
    assertRejected(() -> config("a", 6e6, 12, 0.7, C, 11), "terrainLevel", "11");
  }

  @Test
  void rejectsMissingClimate() {
    assertRejected(() -> config("a", 6e6, 12, 0.7, null, 6), "climate", "null");
  }

  @Test
  void rejectsEachClimateFieldOutOfRange() {
    assertRejected(() -> new ClimateConfig(61, 40, 1000, 0.2), "climate.globalTemperature", "61.0");
    assertRejected(
        () -> new ClimateConfig(15, -1, 1000, 0.2), "climate.temperatureVariation", "-1.0");
    assertRejected(
        () -> new ClimateConfig(15, 40, 10_001, 0.2), "climate.precipitationBase", "10001.0");
    assertRejected(
        () -> new ClimateConfig(15, 40, 1000, Double.NaN), "climate.seasonalVariation", "NaN");
  }

  @Test
  void withersChangeOnlyTheirField() {
    PlanetConfig base = PlanetConfig.earthLike(1);
    assertThat(base.withTerrainLevel(5).terrainLevel()).isEqualTo(5);
    assertThat(base.withSeed(9).seed()).isEqualTo(9);
    assertThat(base.withPlateCount(20).plateCount()).isEqualTo(20);
    assertThat(base.withOceanCoverage(0.5).oceanCoverage()).isEqualTo(0.5);
    assertThat(base.withSeed(9).withSeed(1)).isEqualTo(base);
    assertRejected(() -> base.withPlateCount(60), "plateCount", "60");
  }
}
