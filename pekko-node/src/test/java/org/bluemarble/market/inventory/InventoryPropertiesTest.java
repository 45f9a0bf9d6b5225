package org.bluemarble.market.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.bluemarble.market.MarketException;

class InventoryPropertiesTest {
  private static final ItemCatalog CATALOG = ItemCatalog.loadDefault();
  private static final List<String> ITEMS =
      List.of("copper_ore", "minor_health_potion", "iron_sword", "trail_bread", "gold_nugget");

  /** kind 0 add, 1 remove, 2 split, 3 move. */
  record Op(int kind, int item, int quantity, int a, int b) {}

  @Provide
  Arbitrary<List<Op>> ops() {
    return Combinators.combine(
            Arbitraries.integers().between(0, 3),
            Arbitraries.integers().between(0, ITEMS.size() - 1),
            Arbitraries.integers().between(1, 5_000),
            Arbitraries.integers().between(0, 30),
            Arbitraries.integers().between(0, 30))
        .as(Op::new)
        .list()
        .ofMaxSize(150);
  }

  @Property(tries = 300)
  void countsMatchAModelStacksStayWithinLimitsAndReplayRebuildsTheState(
      @ForAll("ops") List<Op> ops) {
    Inventory inventory = new Inventory(CATALOG);
    Map<String, Integer> model = new HashMap<>();
    List<InventoryEvent> journal = new ArrayList<>();
    for (Op op : ops) {
      String item = ITEMS.get(op.item());
      InventoryEvent event;
      try {
        event =
            switch (op.kind()) {
              case 0 -> inventory.add(item, op.quantity());
              case 1 -> inventory.remove(item, op.quantity() % 400 + 1);
              case 2 -> inventory.split(op.a(), op.quantity() % 50 + 1, op.b());
              default -> inventory.move(op.a(), op.b());
            };
      } catch (MarketException refused) {
        continue;
      }
      inventory.apply(event);
      journal.add(event);
      if (op.kind() == 0) {
        model.merge(item, op.quantity(), Integer::sum);
      } else if (op.kind() == 1) {
        model.merge(item, -(op.quantity() % 400 + 1), Integer::sum);
      }
    }
    for (String item : ITEMS) {
      assertThat(inventory.count(item)).as(item).isEqualTo(model.getOrDefault(item, 0));
    }
    Inventory rebuilt = new Inventory(CATALOG);
    journal.forEach(rebuilt::apply);
    for (int i = 0; i < Inventory.SLOTS; i++) {
      inventory
          .slot(i)
          .ifPresent(
              s ->
                  assertThat(s.quantity()).isLessThanOrEqualTo(CATALOG.get(s.itemId()).maxStack()));
      assertThat(rebuilt.slot(i)).isEqualTo(inventory.slot(i));
    }
  }
}
