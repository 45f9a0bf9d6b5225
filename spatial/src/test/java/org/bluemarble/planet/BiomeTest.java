package org.bluemarble.planet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class BiomeTest {

  @Test
  void hasTheFifteenCompanionBiomesWithDistinctColours() {
    assertThat(Biome.values()).hasSize(15);
    assertThat(Arrays.stream(Biome.values()).map(Biome::rgb).distinct()).hasSize(15);
    assertThat(Biome.OCEAN.hexColor()).isEqualTo("#4169E1");
    assertThat(Biome.TROPICAL_RAINFOREST.hexColor()).isEqualTo("#228B22");
  }

  @Test
  void wireNamesAndOrdinalsRoundTrip() {
    for (Biome b : Biome.values()) {
      assertThat(Biome.fromWireName(b.wireName())).isEqualTo(b);
      assertThat(Biome.ofOrdinal(b.ordinal())).isEqualTo(b);
    }
    assertThat(Biome.URBAN_AREA.wireName()).isEqualTo("UrbanArea");
  }

  @Test
  void rejectsUnknownNamesAndOrdinals() {
    assertThatThrownBy(() -> Biome.fromWireName("Swamp"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Swamp");
    assertThatThrownBy(() -> Biome.ofOrdinal(15))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0..14");
  }
}
