package org.bluemarble.market.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.bluemarble.market.MarketError;
import org.bluemarble.market.MarketException;
import org.junit.jupiter.api.Test;

class InventoryTest {
  private static final ItemCatalog CATALOG = ItemCatalog.loadDefault();
  private final Inventory inventory = new Inventory(CATALOG);
  private final List<InventoryEvent> journal = new ArrayList<>();

  private void run(InventoryEvent event) {
    journal.add(event);
    inventory.apply(event);
  }

  private static MarketError errorOf(Runnable r) {
    try {
      r.run();
    } catch (MarketException e) {
      return e.error();
    }
    throw new AssertionError("expected a MarketException");
  }

  @Test
  void stacksUpToMaxStackThenUsesNewSlots() {
    run(inventory.add("minor_health_potion", 45));
    assertThat(inventory.slot(0).orElseThrow().quantity()).isEqualTo(20);
    assertThat(inventory.slot(1).orElseThrow().quantity()).isEqualTo(20);
    assertThat(inventory.slot(2).orElseThrow().quantity()).isEqualTo(5);
    run(inventory.add("minor_health_potion", 16));
    assertThat(inventory.slot(2).orElseThrow().quantity()).isEqualTo(20);
    assertThat(inventory.slot(3).orElseThrow().quantity()).isEqualTo(1);
    assertThat(inventory.count("minor_health_potion")).isEqualTo(61);
  }

  @Test
  void addIsAllOrNothingWhenItDoesNotFit() {
    run(inventory.add("copper_ore", 200 * 199));
    assertThat(
            errorOf(
                () ->
                    inventory.add(
                        List.of(new ItemStack("iron_ore", 200), new ItemStack("oak_log", 1)))))
        .isEqualTo(MarketError.INSUFFICIENT_SPACE);
    assertThat(inventory.freeSlots()).isEqualTo(1);
    assertThat(inventory.count("iron_ore")).isZero();
  }

  @Test
  void removesExactQuantitiesOrRefusesWithInsufficientInventory() {
    run(inventory.add("trail_bread", 60));
    run(inventory.remove("trail_bread", 15));
    assertThat(inventory.count("trail_bread")).isEqualTo(45);
    assertThat(errorOf(() -> inventory.remove("trail_bread", 46)))
        .isEqualTo(MarketError.INSUFFICIENT_INVENTORY);
    assertThat(inventory.count("trail_bread")).isEqualTo(45);
    run(inventory.remove("trail_bread", 45));
    assertThat(inventory.freeSlots()).isEqualTo(Inventory.SLOTS);
  }

  @Test
  void splitsAStackIntoAnEmptySlotAndMergesItBack() {
    run(inventory.add("copper_ore", 100));
    run(inventory.split(0, 30, 7));
    assertThat(inventory.slot(0).orElseThrow().quantity()).isEqualTo(70);
    assertThat(inventory.slot(7).orElseThrow().quantity()).isEqualTo(30);
    assertThat(errorOf(() -> inventory.split(0, 70, 8))).isEqualTo(MarketError.INVALID_QUANTITY);
    assertThat(errorOf(() -> inventory.split(0, 5, 7))).isEqualTo(MarketError.INVALID_SLOT);
    InventoryEvent merge = inventory.move(7, 0);
    assertThat(merge).isInstanceOf(InventoryEvent.StacksMerged.class);
    run(merge);
    assertThat(inventory.slot(0).orElseThrow().quantity()).isEqualTo(100);
    assertThat(inventory.slot(7)).isEmpty();
  }

  @Test
  void movingOntoADifferentItemSwapsTheStacks() {
    run(inventory.add("copper_ore", 5));
    run(inventory.add("iron_ore", 3));
    run(inventory.move(0, 1));
    assertThat(inventory.slot(0).orElseThrow().itemId()).isEqualTo("iron_ore");
    assertThat(inventory.slot(1).orElseThrow().itemId()).isEqualTo("copper_ore");
    assertThat(errorOf(() -> inventory.move(0, 200))).isEqualTo(MarketError.INVALID_SLOT);
  }

  @Test
  void equipsByTypeAndSlotAndSwapsOutThePreviousItem() {
    run(
        inventory.add(
            List.of(
                new ItemStack("iron_sword", 1), new ItemStack("steel_longsword", 1),
                new ItemStack("iron_helm", 1), new ItemStack("copper_ore", 1))));
    run(inventory.equip(0, EquipmentSlot.MAIN_HAND));
    assertThat(inventory.equipped(EquipmentSlot.MAIN_HAND).orElseThrow().itemId())
        .isEqualTo("iron_sword");
    assertThat(inventory.slot(0)).isEmpty();
    run(inventory.equip(1, EquipmentSlot.MAIN_HAND));
    assertThat(inventory.slot(1).orElseThrow().itemId()).isEqualTo("iron_sword");
    run(inventory.equip(1, EquipmentSlot.OFF_HAND));
    assertThat(errorOf(() -> inventory.equip(2, EquipmentSlot.CHEST)))
        .isEqualTo(MarketError.CANNOT_EQUIP);
    assertThat(errorOf(() -> inventory.equip(3, EquipmentSlot.HEAD)))
        .isEqualTo(MarketError.CANNOT_EQUIP);
    run(inventory.equip(2, EquipmentSlot.HEAD));
    run(inventory.unequip(EquipmentSlot.HEAD));
    assertThat(inventory.equipped(EquipmentSlot.HEAD)).isEmpty();
    assertThat(inventory.count("iron_helm")).isEqualTo(1);
  }

  @Test
  void unequipNeedsAFreeSlot() {
    run(inventory.add("iron_helm", 1));
    run(inventory.equip(0, EquipmentSlot.HEAD));
    run(inventory.add("copper_ore", 200 * 200));
    assertThat(errorOf(() -> inventory.unequip(EquipmentSlot.HEAD)))
        .isEqualTo(MarketError.INSUFFICIENT_SPACE);
  }

  @Test
  void replayingTheEventsRebuildsTheSameState() {
    run(inventory.add("copper_ore", 450));
    run(inventory.add("iron_sword", 1));
    run(inventory.split(0, 50, 10));
    run(inventory.equip(3, EquipmentSlot.MAIN_HAND));
    run(inventory.remove("copper_ore", 120));
    run(inventory.move(0, 20));
    Inventory rebuilt = new Inventory(CATALOG);
    journal.forEach(rebuilt::apply);
    for (int i = 0; i < Inventory.SLOTS; i++) {
      assertThat(rebuilt.slot(i)).isEqualTo(inventory.slot(i));
    }
    for (EquipmentSlot s : EquipmentSlot.values()) {
      assertThat(rebuilt.equipped(s)).isEqualTo(inventory.equipped(s));
    }
    assertThat(rebuilt.weightGrams()).isEqualTo(330 * 1000 + 1800);
  }

  @Test
  void commandsDoNotChangeTheInventoryBeforeTheEventIsApplied() {
    inventory.add("copper_ore", 10);
    assertThat(inventory.count("copper_ore")).isZero();
  }
}
