package org.bluemarble.planet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlanetGeneratorTest {

  private static final int LEVEL = 6;

  @Test
  void sameSeedAndConfigGiveTheSameHash() {
    PlanetConfig config = PlanetConfig.earthLike(42).withTerrainLevel(LEVEL);
    Planet first = new PlanetGenerator().generate(config);
    Planet second = new PlanetGenerator().generate(config);
    assertThat(first.contentHash()).hasSize(64).isEqualTo(second.contentHash());
    assertThat(first.elevation(1234)).isEqualTo(second.elevation(1234));
  }

  @Test
  void hashDoesNotDependOnTheNumberOfThreads() throws Exception {
    PlanetConfig config = PlanetConfig.earthLike(5).withTerrainLevel(5);
    ForkJoinPool single = new ForkJoinPool(1);
    ForkJoinPool three = new ForkJoinPool(3);
    try {
      // Parallel streams run in the pool of the task that starts them.
      String one = single.submit(() -> new PlanetGenerator().generate(config)).get().contentHash();
      String many = three.submit(() -> new PlanetGenerator().generate(config)).get().contentHash();
      assertThat(one).isEqualTo(many);
    } finally {
      single.shutdown();
      three.shutdown();
    }
  }

  @Test
  void differentSeedsGiveDifferentPlanets() {
    Planet a = TestPlanets.earthLike(42, LEVEL);
    Planet b = TestPlanets.earthLike(43, LEVEL);
    assertThat(a.contentHash()).isNotEqualTo(b.contentHash());
    int differing = 0;
    for (int k = 0; k < a.cellCount(); k++) {
      if (a.biome(k) != b.biome(k)) {
        differing++;
      }
    }
    assertThat(differing).isGreaterThan(a.cellCount() / 10);
  }

  @Test
  void configIsPartOfTheHash() {
    PlanetConfig config = PlanetConfig.earthLike(42).withTerrainLevel(LEVEL);
    Planet renamed =
        new PlanetGenerator()
            .generate(
                new PlanetConfig(
                    "other",
                    config.radiusMeters(),
                    config.plateCount(),
                    config.oceanCoverage(),
                    config.seed(),
                    config.climate(),
                    LEVEL));
    assertThat(renamed.contentHash()).isNotEqualTo(TestPlanets.earthLike(42, LEVEL).contentHash());
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.3, 0.5, 0.71, 0.9})
  void oceanShareIsWithinThreePointsOfTheTarget(double target) {
    PlanetConfig config =
        PlanetConfig.earthLike(7).withTerrainLevel(LEVEL).withOceanCoverage(target);
    Planet planet = new PlanetGenerator().generate(config);
    assertThat(planet.stats().oceanShare()).isCloseTo(target, within(0.03));
    assertThat(planet.stats().share(Biome.OCEAN)).isCloseTo(target, within(0.03));
  }

  @ParameterizedTest
  @ValueSource(longs = {42, 1, 4, 9})
  void everyBiomeIsPresentOnAnEarthLikePlanet(long seed) {
    Planet planet = TestPlanets.earthLike(seed, 7);
    for (Biome b : Biome.values()) {
      assertThat(planet.stats().share(b)).as(b.wireName()).isGreaterThan(0.0);
    }
    double total = planet.stats().biomeShares().values().stream().mapToDouble(d -> d).sum();
    assertThat(total).isCloseTo(1.0, within(1e-6));
  }

  @Test
  void plateIdsCoverEveryPlateAndMixContinentsWithOceans() {
    Planet planet = TestPlanets.earthLike(42, LEVEL);
    boolean[] seen = new boolean[planet.config().plateCount()];
    for (int k = 0; k < planet.cellCount(); k++) {
      seen[planet.plateId(k)] = true;
    }
    int continental = 0;
    for (int p = 0; p < seen.length; p++) {
      assertThat(seen[p]).as("plate " + p).isTrue();
      continental += planet.isContinentalPlate(p) ? 1 : 0;
    }
    assertThat(continental).isBetween(1, seen.length - 1);
  }

  @Test
  void samplesArePhysicallyPlausible() {
    Planet planet = TestPlanets.earthLike(42, LEVEL);
    PlanetStats stats = planet.stats();
    assertThat(stats.minElevation()).isBetween(-12_000.0, -2_000.0);
    assertThat(stats.maxElevation()).isBetween(2_500.0, 10_000.0);
    for (int k = 0; k < planet.cellCount(); k++) {
      assertThat(planet.temperature(k)).isBetween(-80f, 40f);
      assertThat(planet.precipitation(k)).isBetween(0f, 20_000f);
      assertThat(planet.biome(k) == Biome.OCEAN).isEqualTo(planet.elevation(k) < 0);
    }
  }

  @Test
  void reportsEveryStageInOrderEndingAtOneHundredPercent() {
    List<GenerationStage> stages = new ArrayList<>();
    List<Integer> percents = new ArrayList<>();
    new PlanetGenerator()
        .generate(
            PlanetConfig.earthLike(1).withTerrainLevel(4),
            (stage, percent) -> {
              stages.add(stage);
              percents.add(percent);
            });
    assertThat(stages.stream().distinct()).containsExactly(GenerationStage.values());
    assertThat(stages).isSortedAccordingTo(Enum::compareTo);
    assertThat(percents).isSorted();
    assertThat(percents.get(0)).isZero();
    assertThat(percents.get(percents.size() - 1)).isEqualTo(100);
    assertThat(stages.get(stages.size() - 1)).isEqualTo(GenerationStage.FINALIZING);
  }
}
