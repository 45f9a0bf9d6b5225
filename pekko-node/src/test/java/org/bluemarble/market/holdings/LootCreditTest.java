package org.bluemarble.market.holdings;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.bluemarble.market.MarketError;
import org.bluemarble.market.inventory.Inventory;
import org.bluemarble.market.inventory.ItemCatalog;
import org.bluemarble.market.inventory.ItemStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Kill loot and harvest yields reach the holdings as IN legs keyed by the drop ({@code loot:<cell
 * seed>:<victim>:<tick>}): re-posting after a lost reply or a crash credits once, and a full bag
 * refuses without recording, so the credit is retried until there is room.
 */
class LootCreditTest {
  private static final ActorTestKit testKit =
      ActorTestKit.create(
          "LootCreditTest",
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
  void holdings() {
    kit =
        EventSourcedBehaviorTestKit.create(
            testKit.system(),
            Holdings.create(playerId, "holdings-0", ItemCatalog.loadDefault(), Clock.systemUTC()),
            new EventSourcedBehaviorTestKit.SerializationSettings(true, false, true, true, false));
  }

  private LegReply post(Leg leg) {
    return kit.<LegReply>runCommand(r -> new Holdings.Post(leg, r)).reply();
  }

  private HoldingsView view() {
    return kit.<HoldingsView>runCommand(Holdings.GetHoldings::new).reply();
  }

  @Test
  void lootRepostedAcrossARestartIsCreditedOnce() {
    Leg loot = Leg.in("loot:2a:300:1234", playerId, 17, List.of(new ItemStack("linen_cloth", 2)));
    assertThat(post(loot)).isInstanceOf(LegReply.LegDone.class);
    assertThat(post(loot)).isInstanceOf(LegReply.LegDone.class);
    kit.restart();
    assertThat(post(loot)).isInstanceOf(LegReply.LegDone.class);
    assertThat(view().copper()).isEqualTo(17);
    assertThat(view().items()).containsEntry("linen_cloth", 2);
    assertThat(view().legsApplied()).isEqualTo(1);
  }

  @Test
  void aFullBagRefusesTheLootUntilThereIsRoom() {
    List<ItemStack> swords = new ArrayList<>();
    for (int i = 0; i < Inventory.SLOTS; i++) {
      swords.add(new ItemStack("iron_sword", 1));
    }
    post(Leg.in("fill", playerId, 0, swords));
    Leg loot = Leg.in("loot:2a:301:99", playerId, 5, List.of(new ItemStack("quartz_crystal", 1)));
    LegReply full = post(loot);
    assertThat(full).isInstanceOf(LegReply.LegRefused.class);
    assertThat(((LegReply.LegRefused) full).error()).isEqualTo(MarketError.INSUFFICIENT_SPACE);
    assertThat(view().copper()).isZero();
    post(Leg.out("sold-one", playerId, 0, List.of(new ItemStack("iron_sword", 1))));
    assertThat(post(loot)).isInstanceOf(LegReply.LegDone.class);
    assertThat(post(loot)).isInstanceOf(LegReply.LegDone.class);
    assertThat(view().items()).containsEntry("quartz_crystal", 1);
    assertThat(view().copper()).isEqualTo(5);
  }
}
