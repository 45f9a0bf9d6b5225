package org.bluemarble.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigFactory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;
import org.bluemarble.config.SettingsException;
import org.junit.jupiter.api.Test;

class ExperimentsTest {
  private static final Experiments EXPERIMENTS =
      new Experiments(
          Map.of("shop-layout", List.of("control", "grid"), "pricing", List.of("a", "b", "c")));

  @Property
  void anAccountAlwaysGetsTheSameVariantOfTheListed(
      @ForAll @AlphaChars @StringLength(min = 1, max = 40) String accountId) {
    String first = EXPERIMENTS.variant("pricing", accountId);
    assertThat(List.of("a", "b", "c")).contains(first);
    assertThat(
            new Experiments(Map.of("pricing", List.of("a", "b", "c")))
                .variant("pricing", accountId))
        .isEqualTo(first);
    assertThat(EXPERIMENTS.assign(accountId)).containsEntry("pricing", first).hasSize(2);
  }

  @Test
  void variantsShareAccountsEvenlyAndExperimentsIndependently() {
    Map<String, Integer> counts = new HashMap<>();
    Map<String, Integer> pairs = new HashMap<>();
    for (int i = 0; i < 30_000; i++) {
      String id = "acc-" + i;
      String pricing = EXPERIMENTS.variant("pricing", id);
      counts.merge(pricing, 1, Integer::sum);
      pairs.merge(pricing + "/" + EXPERIMENTS.variant("shop-layout", id), 1, Integer::sum);
    }
    assertThat(counts.values()).allSatisfy(n -> assertThat(n).isBetween(9_500, 10_500));
    // Every pricing variant splits about evenly over the layout variants (5,000 each).
    assertThat(pairs).hasSize(6);
    assertThat(pairs.values()).allSatisfy(n -> assertThat(n).isBetween(4_500, 5_500));
  }

  @Test
  void aVariantListedTwiceGetsTwiceTheShare() {
    Experiments weighted = new Experiments(Map.of("x", List.of("a", "a", "b")));
    int a = 0;
    for (int i = 0; i < 30_000; i++) {
      if ("a".equals(weighted.variant("x", "id" + i))) {
        a++;
      }
    }
    assertThat(a).isBetween(19_000, 21_000);
  }

  @Test
  void readsVariantsFromConfigAndRefusesAnEmptyList() {
    Experiments e =
        Experiments.fromConfig(
            ConfigFactory.parseString("bluemarble.stream.experiments { shop = [red, blue] }"));
    assertThat(e.variants()).containsEntry("shop", List.of("red", "blue"));
    assertThat(e.variant("unknown", "a1")).isNull();
    assertThatThrownBy(
            () ->
                Experiments.fromConfig(
                    ConfigFactory.parseString("bluemarble.stream.experiments { shop = [] }")))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("bluemarble.stream.experiments.shop");
  }
}
