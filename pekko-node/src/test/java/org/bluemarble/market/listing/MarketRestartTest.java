package org.bluemarble.market.listing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bluemarble.market.exchange.ExchangeKit.await;

import java.time.Instant;
import java.util.List;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.persistence.testkit.SnapshotMeta;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.apache.pekko.persistence.testkit.javadsl.PersistenceTestKit;
import org.apache.pekko.persistence.testkit.javadsl.SnapshotTestKit;
import org.bluemarble.market.EconomyConfig;
import org.bluemarble.market.MarketSettings;
import org.bluemarble.market.MarketSummary;
import org.bluemarble.market.exchange.ExchangeKit;
import org.bluemarble.market.holdings.Holdings;
import org.bluemarble.market.holdings.HoldingsView;
import org.bluemarble.market.holdings.Leg;
import org.bluemarble.market.holdings.LegReply;
import org.bluemarble.market.inventory.ItemStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A market entity restarted on the in-memory journal and snapshot store (both serialize through
 * Jackson CBOR) with real holdings behind it: recovering from its own snapshots answers exactly as
 * a full replay does, and an operation under way when the snapshot was taken finishes after the
 * restart with the copper conserved. Markets here are spawned directly with a snapshot every
 * {@value #EVERY} events so a short history crosses several.
 */
class MarketRestartTest {
  private static final int EVERY = 10;
  private static final MarketSettings FEES = EconomyConfig.defaults().fees();
  private static ExchangeKit kit;

  @BeforeAll
  static void start() {
    kit = new ExchangeKit("MarketRestartTest");
  }

  @AfterAll
  static void stop() {
    kit.shutdown();
  }

  private static EventSourcedBehaviorTestKit<Market.Command, Market.Event, MarketState> market(
      String marketId) {
    return EventSourcedBehaviorTestKit.create(
        kit.testKit.system(),
        Market.create(marketId, "t", EconomyConfig.defaults(), kit.clock, EVERY),
        EventSourcedBehaviorTestKit.enabledSerializationSettings().withVerifyState(false));
  }

  /** What clients and the ledger see of a market. */
  record Observed(MarketSummary summary, ListingPage all, SalesPage sales) {}

  private static Observed observe(
      EventSourcedBehaviorTestKit<Market.Command, Market.Event, MarketState> m) {
    ListingQuery everything = new ListingQuery(null, null, null, null, false, 0, 200);
    return new Observed(
        m.<MarketSummary>runCommand(Market.GetSummary::new).reply(),
        m.<ListingPage>runCommand(r -> new Market.QueryListings(everything, r)).reply(),
        m.<SalesPage>runCommand(r -> new Market.GetSales(null, "copper_ore", 100, r)).reply());
  }

  private static MarketReply run(
      EventSourcedBehaviorTestKit<Market.Command, Market.Event, MarketState> m,
      java.util.function.Function<
              org.apache.pekko.actor.typed.ActorRef<MarketReply>, Market.Command>
          command) {
    MarketReply reply = m.<MarketReply>runCommand(command).reply();
    assertThat(reply).as(reply.toString()).isInstanceOf(MarketReply.ListingDone.class);
    return reply;
  }

  @Test
  void recoveryFromItsOwnSnapshotAnswersAsAFullReplayDoes() {
    var m = market("snapa");
    String seller = kit.player();
    String buyer = kit.player();
    kit.grant(seller, 10_000, List.of(new ItemStack("copper_ore", 100)));
    kit.grant(buyer, 100_000, List.of());
    for (int i = 0; i < 8; i++) {
      long qty = 5 + i;
      long price = 1_000 + 100L * i;
      String id = "snapa.l" + i;
      run(m, r -> new Market.OpenListing(id, seller, "copper_ore", qty, price, 3, null, r));
    }
    for (int i = 0; i < 4; i++) {
      String id = "snapa.l" + i;
      run(m, r -> new Market.Buy(id, buyer, null, null, r));
    }
    run(m, r -> new Market.Reprice("snapa.l5", seller, 4_000, null, r));
    run(m, r -> new Market.Cancel("snapa.l6", seller, null, r));
    kit.eventually(
        () -> {
          MarketSummary s = m.<MarketSummary>runCommand(Market.GetSummary::new).reply();
          assertThat(s.pendingLegs()).isZero();
          assertThat(s.openOps()).isZero();
        });
    Observed live = observe(m);
    assertThat(live.sales().sales()).hasSize(4);
    SnapshotTestKit snapshots = SnapshotTestKit.create(kit.testKit.system());
    assertThat(snapshots.persistedInStorage("Market|snapa")).isNotEmpty();

    m.restart();
    assertThat(observe(m)).as("from the snapshot").isEqualTo(live);

    snapshots.clearByPersistenceId("Market|snapa");
    m.restart();
    assertThat(observe(m)).as("full replay").isEqualTo(live);
  }

  @Test
  void anOperationUnderWayAtTheSnapshotFinishesAfterARestart() {
    // Created first: creating the kit clears the in-memory journal and snapshot store.
    var m = market("snapb");
    String seller = kit.player();
    String buyer = kit.player();
    kit.grant(seller, 1_000, List.of(new ItemStack("copper_ore", 20)));
    kit.grant(buyer, 10_000, List.of());
    Instant at = kit.clock.instant();
    MarketHistory h = new MarketHistory("snapb");
    MarketOp open1 = h.open("snapb.x1", seller, "copper_ore", 5, 2_000, 3, at);
    MarketOp open2 = h.open("snapb.x2", seller, "copper_ore", 7, 3_000, 3, at);
    // The escrow really left the seller, as the market's charges would have taken it.
    post(open1.charge());
    post(open2.charge());
    h.startBuy("snapb.x1", buyer, at);
    MarketSnapshot snapshot = MarketHistory.snapshotAfter("snapb", h.events(), 5);
    assertThat(snapshot.ops()).hasSize(1);
    h.startBuy("snapb.x2", buyer, at);
    PersistenceTestKit.create(kit.testKit.system())
        .persistForRecovery("Market|snapb", List.copyOf(h.events()));
    SnapshotTestKit.create(kit.testKit.system())
        .persistForRecovery("Market|snapb", List.of(Pair.create(SnapshotMeta.create(5), snapshot)));

    m.restart();

    long fees =
        FEES.listingFee(2_000)
            + FEES.listingFee(3_000)
            + FEES.transactionFee(2_000)
            + FEES.transactionFee(3_000);
    kit.eventually(
        () -> {
          MarketSummary s = m.<MarketSummary>runCommand(Market.GetSummary::new).reply();
          assertThat(s.openOps()).isZero();
          assertThat(s.pendingLegs()).isZero();
          assertThat(s.escrowCopper()).isZero();
          assertThat(s.itemsHeld()).isEmpty();
          assertThat(s.feeSink()).isEqualTo(fees);
        });
    HoldingsView b = kit.holdings(buyer);
    HoldingsView s = kit.holdings(seller);
    assertThat(b.items()).containsEntry("copper_ore", 12);
    assertThat(b.copper()).isEqualTo(5_000);
    assertThat(s.items()).containsEntry("copper_ore", 8);
    assertThat(b.copper() + s.copper() + fees).as("copper conserved").isEqualTo(11_000);
  }

  private static void post(Leg leg) {
    LegReply reply =
        await(
            ClusterSharding.get(kit.testKit.system())
                .entityRefFor(Holdings.ENTITY_KEY, leg.playerId())
                .ask(r -> new Holdings.Post(leg, r), ExchangeKit.WAIT));
    assertThat(reply).isInstanceOf(LegReply.LegDone.class);
  }
}
