package org.bluemarble.planet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BiomeClassifierTest {

  private static Biome classify(double lat, double elev, double t, double p) {
    return BiomeClassifier.classify(lat, elev, t, p, 0.0, 0.0);
  }

  @Test
  void belowSeaLevelIsOcean() {
    assertThat(classify(10, -1, 25, 3000)).isEqualTo(Biome.OCEAN);
  }

  @Test
  void companionTreeRules() {
    assertThat(classify(80, 100, -11, 50)).isEqualTo(Biome.ICE_SHEET);
    assertThat(classify(10, 5001, 20, 500)).isEqualTo(Biome.ICE_SHEET);
    assertThat(classify(65, 100, -1, 50)).isEqualTo(Biome.TUNDRA);
    assertThat(classify(20, 100, 25, 249)).isEqualTo(Biome.DESERT);
    assertThat(classify(5, 100, 21, 2001)).isEqualTo(Biome.TROPICAL_RAINFOREST);
    assertThat(classify(45, 100, 11, 1001)).isEqualTo(Biome.TEMPERATE_RAINFOREST);
    assertThat(classify(55, 100, 4, 401)).isEqualTo(Biome.BOREAL_FOREST);
    assertThat(classify(10, 100, 16, 999)).isEqualTo(Biome.TROPICAL_SAVANNA);
    assertThat(classify(35, 100, 16, 999)).isEqualTo(Biome.GRASSLAND);
    assertThat(classify(45, 100, 12, 800)).isEqualTo(Biome.TEMPERATE_FOREST);
  }

  @Test
  void ourRulesForTheBiomesTheCompanionTreeNeverReturns() {
    assertThat(classify(30, 2501, 5, 500)).isEqualTo(Biome.ALPINE);
    assertThat(classify(26, 100, 16, 999)).isEqualTo(Biome.SAVANNA);
    assertThat(classify(50, 100, 3, 200)).isEqualTo(Biome.BARREN_LAND);
    assertThat(classify(50, 100, 3, 300)).isEqualTo(Biome.TUNDRA);
    assertThat(BiomeClassifier.classify(40, 30, 12, 900, 0.7, 0)).isEqualTo(Biome.WETLAND);
    assertThat(BiomeClassifier.classify(40, 30, 12, 900, 0.5, 0)).isEqualTo(Biome.TEMPERATE_FOREST);
    assertThat(BiomeClassifier.classify(40, 200, 12, 900, 0, 0.85)).isEqualTo(Biome.URBAN_AREA);
    // No cities on high ground or in deserts.
    assertThat(BiomeClassifier.classify(40, 500, 12, 900, 0, 0.85))
        .isEqualTo(Biome.TEMPERATE_FOREST);
    assertThat(BiomeClassifier.classify(25, 100, 20, 200, 0, 0.85)).isEqualTo(Biome.DESERT);
  }

  @Test
  void everyBiomeIsReachable() {
    Set<Biome> seen = EnumSet.noneOf(Biome.class);
    double[] values = {0, 0.65, 0.9};
    for (double lat = 0; lat <= 90; lat += 5) {
      for (double elev = -50; elev <= 6000; elev += 100) {
        for (double t = -20; t <= 35; t += 2) {
          for (double p = 0; p <= 3000; p += 150) {
            for (double w : values) {
              for (double s : values) {
                seen.add(BiomeClassifier.classify(lat, elev, t, p, w, s));
              }
            }
          }
        }
      }
    }
    assertThat(seen).containsExactlyInAnyOrder(Biome.values());
  }
}
