package org.bluemarble.market.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.bluemarble.market.MarketError;
import org.bluemarble.market.MarketException;
import org.junit.jupiter.api.Test;

class ItemCatalogTest {

  private static ItemCatalog parse(String json) throws Exception {
    return ItemCatalog.fromJson(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void shippedCatalogueHasAtLeastThirtyItemsCoveringEveryTypeAndRarity() {
    ItemCatalog catalog = ItemCatalog.loadDefault();
    assertThat(catalog.size()).isGreaterThanOrEqualTo(30);
    Map<ItemType, Long> byType =
        catalog.all().stream()
            .collect(Collectors.groupingBy(ItemDefinition::type, Collectors.counting()));
    assertThat(byType.keySet()).containsExactlyInAnyOrder(ItemType.values());
    assertThat(catalog.all().stream().map(ItemDefinition::rarity).distinct())
        .containsExactlyInAnyOrder(Rarity.values());
    assertThat(catalog.all().stream().map(ItemDefinition::equipSlot).distinct())
        .containsAll(Arrays.asList(EquipmentSlot.values()));
    ItemDefinition sword = catalog.get("iron_sword");
    assertThat(sword.type()).isEqualTo(ItemType.WEAPON);
    assertThat(sword.properties()).containsEntry("damage", 12L);
  }

  @Test
  void unknownItemIdIsAClearError() {
    assertThatThrownBy(() -> ItemCatalog.loadDefault().get("excalibur"))
        .isInstanceOfSatisfying(
            MarketException.class, e -> assertThat(e.error()).isEqualTo(MarketError.UNKNOWN_ITEM))
        .hasMessageContaining("excalibur");
  }

  @Test
  void rejectsADefinitionWithAnImpossibleStackNamingTheItem() {
    String json =
        "[{\"id\":\"rock\",\"name\":\"Rock\",\"type\":\"MATERIAL\",\"rarity\":\"COMMON\","
            + "\"maxStack\":0,\"tradeable\":true,\"weightGrams\":1}]";
    assertThatThrownBy(() -> parse(json))
        .isInstanceOfSatisfying(
            MarketException.class, e -> assertThat(e.error()).isEqualTo(MarketError.INVALID_CONFIG))
        .hasMessageContaining("maxStack of rock");
  }

  @Test
  void rejectsArmorWithoutASlotAndDuplicateIds() {
    String noSlot =
        "[{\"id\":\"cap\",\"name\":\"Cap\",\"type\":\"ARMOR\",\"rarity\":\"COMMON\","
            + "\"maxStack\":1,\"tradeable\":true,\"weightGrams\":1}]";
    assertThatThrownBy(() -> parse(noSlot)).hasMessageContaining("equipSlot of cap");
    String item =
        "{\"id\":\"ore\",\"name\":\"Ore\",\"type\":\"MATERIAL\",\"rarity\":\"COMMON\","
            + "\"maxStack\":10,\"tradeable\":true,\"weightGrams\":1}";
    assertThatThrownBy(() -> parse("[" + item + "," + item + "]"))
        .hasMessageContaining("duplicate item id ore");
  }
}
