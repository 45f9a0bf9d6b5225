package org.bluemarble.planet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PlanetRestoreTest {

  private static final Planet PLANET = TestPlanets.earthLike(42, 5);

  @Test
  void restoredPlanetIsIdenticalToTheGeneratedOne() {
    PlanetSamples samples = PLANET.samples();
    Planet restored = Planet.restore(PLANET.config(), samples);
    assertThat(restored.contentHash()).isEqualTo(PLANET.contentHash());
    assertThat(restored.stats()).isEqualTo(PLANET.stats());
    assertThat(restored.samples().sameValues(samples)).isTrue();
    assertThat(restored.terrainQuery().elevation(10, 20))
        .isEqualTo(PLANET.terrainQuery().elevation(10, 20));
  }

  @Test
  void samplesAreCopiesSoThePlanetStaysImmutable() {
    PlanetSamples samples = PLANET.samples();
    samples.elevation()[0] = 12_345f;
    assertThat(PLANET.elevation(0)).isNotEqualTo(12_345f);
    Planet restored = Planet.restore(PLANET.config(), samples);
    samples.elevation()[0] = 0f;
    assertThat(restored.elevation(0)).isEqualTo(12_345f);
  }

  @Test
  void rejectsSamplesThatDoNotFitTheConfig() {
    PlanetSamples s = PLANET.samples();
    PlanetSamples shortElevation =
        new PlanetSamples(
            new float[3],
            s.temperature(),
            s.precipitation(),
            s.biome(),
            s.plate(),
            s.continentalPlates());
    assertThatThrownBy(() -> Planet.restore(PLANET.config(), shortElevation))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("elevation has 3 entries");
    s.plate()[7] = 99;
    assertThatThrownBy(() -> Planet.restore(PLANET.config(), s))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("plate[7] = 99");
  }
}
