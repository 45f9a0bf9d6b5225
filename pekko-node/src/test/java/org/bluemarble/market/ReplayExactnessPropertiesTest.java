package org.bluemarble.market;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit.SerializationSettings;
import org.bluemarble.market.holdings.Holdings;
import org.bluemarble.market.holdings.HoldingsFold;
import org.bluemarble.market.holdings.HoldingsState;
import org.bluemarble.market.holdings.HoldingsView;
import org.bluemarble.market.holdings.Leg;
import org.bluemarble.market.holdings.LegReply;
import org.bluemarble.market.inventory.ItemCatalog;
import org.bluemarble.market.inventory.ItemStack;
import org.bluemarble.market.listing.Market;
import org.bluemarble.market.listing.MarketFold;
import org.bluemarble.market.listing.MarketHistory;
import org.bluemarble.market.listing.MarketState;
import org.bluemarble.replay.ReplayJson;

/**
 * Replay is exact for the economy: over random histories, the state hash of the replay fold equals
 * the hash of the live entity's state (holdings driven through the real entity; markets through the
 * market's own operations as in the snapshot property test).
 */
class ReplayExactnessPropertiesTest {
  private static final ActorTestKit testKit =
      ActorTestKit.create(
          "ReplayExactness",
          EventSourcedBehaviorTestKit.config()
              .withFallback(ConfigFactory.parseResources("bluemarble/serialization.conf"))
              .withFallback(ConfigFactory.defaultReference()));
  private static final ReplayJson JSON = new ReplayJson();
  private static final List<String> ITEMS = List.of("copper_ore", "iron_sword", "health_potion");

  @AfterContainer
  static void stop() {
    testKit.shutdownTestKit();
  }

  @Property(tries = 25)
  void holdingsReplayToTheLiveEntitysState(@ForAll long seed) {
    Random r = new Random(seed);
    ItemCatalog catalog = ItemCatalog.loadDefault();
    String player = "p-" + Long.toHexString(seed);
    EventSourcedBehaviorTestKit<Holdings.Command, Holdings.Event, HoldingsState> kit =
        EventSourcedBehaviorTestKit.create(
            testKit.system(),
            Holdings.create(player, "holdings-0", catalog, Clock.systemUTC()),
            new SerializationSettings(true, false, true, true, false));
    List<Object> events = new ArrayList<>();
    int steps = 1 + r.nextInt(60);
    for (int i = 0; i < steps; i++) {
      String key = "k" + r.nextInt(steps + 5);
      List<ItemStack> items =
          r.nextInt(3) == 0
              ? List.of(new ItemStack(ITEMS.get(r.nextInt(ITEMS.size())), 1 + r.nextInt(3)))
              : List.of();
      long copper = r.nextInt(500);
      switch (r.nextInt(8)) {
        case 0, 1, 2 ->
            events.addAll(
                kit.<LegReply>runCommand(
                        reply -> new Holdings.Post(Leg.in(key, player, copper, items), reply))
                    .events());
        case 3, 4, 5 ->
            events.addAll(
                kit.<LegReply>runCommand(
                        reply -> new Holdings.Post(Leg.out(key, player, copper, items), reply))
                    .events());
        case 6 ->
            events.addAll(
                kit.<HoldingsView>runCommand(
                        reply -> new Holdings.Freeze(r.nextBoolean(), "check " + key, reply))
                    .events());
        default ->
            events.addAll(
                kit.<HoldingsView>runCommand(
                        r.nextInt(4) == 0 ? Holdings.EraseHistory::new : Holdings.GetHoldings::new)
                    .events());
      }
    }
    HoldingsFold fold = new HoldingsFold(catalog);
    HoldingsState replayed = fold.initial(player);
    for (Object e : events) {
      replayed = fold.apply(replayed, e);
    }
    assertThat(JSON.hash(JSON.tree(fold.view(replayed))))
        .isEqualTo(JSON.hash(JSON.tree(fold.view(kit.getState()))));
  }

  @Property(tries = 40)
  void marketsReplayToTheLiveState(@ForAll long seed) {
    Random r = new Random(seed);
    String m = "capital";
    List<Market.Event> events = MarketHistory.busy(m, 7 + r.nextInt(300));
    MarketState live = MarketHistory.replay(m, events);
    MarketFold fold = new MarketFold(EconomyConfig.defaults());
    MarketState replayed = fold.initial(m);
    for (Object e : events) {
      replayed = fold.apply(replayed, e);
    }
    assertThat(JSON.hash(JSON.tree(fold.view(replayed))))
        .isEqualTo(JSON.hash(JSON.tree(fold.view(live))));
  }
}
