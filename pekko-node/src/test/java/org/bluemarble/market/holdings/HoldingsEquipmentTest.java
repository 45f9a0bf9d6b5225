package org.bluemarble.market.holdings;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.bluemarble.market.MarketError;
import org.bluemarble.market.inventory.EquipmentSlot;
import org.bluemarble.market.inventory.ItemCatalog;
import org.bluemarble.market.inventory.ItemStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Equipping goes through the holdings: a worn item leaves the bag and cannot be sold. */
class HoldingsEquipmentTest {
  private static final ActorTestKit testKit =
      ActorTestKit.create(
          "HoldingsEquipmentTest",
          EventSourcedBehaviorTestKit.config()
              .withFallback(ConfigFactory.parseResources("bluemarble/serialization.conf"))
              .withFallback(ConfigFactory.defaultReference()));

  private final String playerId = UUID.randomUUID().toString();
  private EventSourcedBehaviorTestKit<Holdings.Command, Holdings.Event, HoldingsState> kit;

  @AfterAll
  static void stop() {
    testKit.shutdownTestKit();
  }

  @BeforeEach
  void holdingsWithASword() {
    kit =
        EventSourcedBehaviorTestKit.create(
            testKit.system(),
            Holdings.create(playerId, "holdings-0", ItemCatalog.loadDefault(), Clock.systemUTC()),
            // the mutable state is stored through the snapshot adapter (see HoldingsTest)
            new EventSourcedBehaviorTestKit.SerializationSettings(true, false, true, true, false));
    kit.<LegReply>runCommand(
        r ->
            new Holdings.Post(
                Leg.in("loot-1", playerId, 0, List.of(new ItemStack("iron_sword", 1))), r));
  }

  private Holdings.EquipReply equip(String item, EquipmentSlot slot) {
    return kit.<Holdings.EquipReply>runCommand(r -> new Holdings.Equip(item, slot, r)).reply();
  }

  @Test
  void equippingMovesTheItemOutOfTheBagAndSurvivesARestart() {
    assertThat(equip("iron_sword", EquipmentSlot.MAIN_HAND))
        .isEqualTo(new Holdings.Worn(Map.of(EquipmentSlot.MAIN_HAND, "iron_sword")));
    LegReply sell =
        kit.<LegReply>runCommand(
                r ->
                    new Holdings.Post(
                        Leg.out("sell-1", playerId, 0, List.of(new ItemStack("iron_sword", 1))), r))
            .reply();
    assertThat(sell).isInstanceOf(LegReply.LegRefused.class);
    kit.restart();
    assertThat(kit.<Holdings.EquipReply>runCommand(Holdings.GetEquipment::new).reply())
        .isEqualTo(new Holdings.Worn(Map.of(EquipmentSlot.MAIN_HAND, "iron_sword")));
  }

  @Test
  void unequippingPutsItBackInTheBag() {
    equip("iron_sword", EquipmentSlot.MAIN_HAND);
    var result =
        kit.<Holdings.EquipReply>runCommand(r -> new Holdings.Unequip(EquipmentSlot.MAIN_HAND, r));
    assertThat(result.reply()).isEqualTo(new Holdings.Worn(Map.of()));
    assertThat(result.event()).isInstanceOf(Holdings.ItemTakenOff.class);
    LegReply sell =
        kit.<LegReply>runCommand(
                r ->
                    new Holdings.Post(
                        Leg.out("sell-2", playerId, 0, List.of(new ItemStack("iron_sword", 1))), r))
            .reply();
    assertThat(sell).isInstanceOf(LegReply.LegDone.class);
  }

  @Test
  void refusesItemsNotOwnedOrNotFitting() {
    assertThat(equip("iron_helm", EquipmentSlot.HEAD))
        .extracting(r -> ((Holdings.EquipRefused) r).error())
        .isEqualTo(MarketError.INSUFFICIENT_INVENTORY);
    assertThat(equip("iron_sword", EquipmentSlot.HEAD))
        .isInstanceOf(Holdings.EquipRefused.class)
        .extracting(r -> ((Holdings.EquipRefused) r).error())
        .isEqualTo(MarketError.CANNOT_EQUIP);
    assertThat(
            kit.<Holdings.EquipReply>runCommand(r -> new Holdings.Unequip(EquipmentSlot.FEET, r))
                .reply())
        .isInstanceOf(Holdings.EquipRefused.class);
  }
}
