package org.bluemarble.market.listing;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.SerializationTestKit;
import org.bluemarble.market.EconomyConfig;
import org.bluemarble.market.MarketSummary;
import org.bluemarble.market.PriceSummary;
import org.bluemarble.market.TradeRecord;
import org.bluemarble.market.TrustTier;
import org.bluemarble.market.holdings.Leg;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A market's snapshot, without an actor: restoring it (after a trip through the real Jackson CBOR
 * serializer) and applying the later events gives the same market as replaying every event, for a
 * snapshot taken after any event of a history with every kind of event and operations under way.
 */
class MarketSnapshotTest {
  private static final ActorTestKit testKit =
      ActorTestKit.create(
          "MarketSnapshotTest",
          ConfigFactory.parseString("pekko.actor.serialize-messages = off")
              .withFallback(ConfigFactory.parseResources("bluemarble/serialization.conf"))
              .withFallback(ConfigFactory.defaultReference()));
  private static final EconomyConfig CONFIG = EconomyConfig.defaults();
  private static final String M = "capital";
  private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");
  private static final Instant LATER = T0.plus(Duration.ofHours(27));
  static final List<String> ITEMS = List.of("copper_ore", "iron_sword", "trail_bread");

  @AfterAll
  static void stop() {
    testKit.shutdownTestKit();
  }

  /** Everything a client or the ledger can see of a market, plus the board's reprice counts. */
  record Observed(
      MarketSummary summary,
      ListingPage all,
      List<Leg> pending,
      List<MarketOp> ops,
      List<Sale> sales,
      List<PriceSummary> prices,
      Map<String, Integer> reprices) {}

  /** {@code now}: when the price statistics are read, not before the newest trade. */
  static Observed observe(MarketState s, Instant now) {
    return new Observed(
        s.summary(),
        s.page(new ListingQuery(null, null, null, null, false, 0, ListingQuery.MAX_LIMIT)),
        toList(s.pendingLegs()),
        toList(s.ops()),
        s.salesOf(null, ListingQuery.MAX_LIMIT),
        ITEMS.stream().map(i -> s.priceSummary(i, now)).toList(),
        s.board().repriceCounts());
  }

  static <T> List<T> toList(Iterable<T> it) {
    List<T> out = new ArrayList<>();
    it.forEach(out::add);
    return out;
  }

  private static Instant at(int minutes) {
    return T0.plus(Duration.ofMinutes(minutes));
  }

  /** Opens, buys, reprices (up twice, down once), cancels, fails, expires; two ops in flight. */
  private static MarketHistory mixed() {
    MarketHistory h = new MarketHistory(M);
    for (int i = 0; i < 12; i++) {
      String item = ITEMS.get(i % 3);
      long qty = item.equals("iron_sword") ? 1 : 5 + i;
      h.open(M + ".l" + i, "s-" + (i % 3), item, qty, 1_000 + 100 * i, i % 2 == 0 ? 1 : 3, at(i));
    }
    h.buy(M + ".l0", "b-1", at(20));
    h.buy(M + ".l1", "b-1", at(21));
    h.settle("listing:" + M + ".l0:pay");
    h.buy(M + ".l4", "b-2", at(22));
    h.settle("listing:" + M + ".l1:pay", "listing:" + M + ".l1:deliver");
    h.buy(M + ".l5", "b-2", at(23));
    h.reprice(M + ".l2", "s-2", 5_000, at(30));
    h.reprice(M + ".l3", "s-0", 500, at(31));
    h.reprice(M + ".l2", "s-2", 9_000, at(32));
    h.cancel(M + ".l6", "s-0", at(33));
    MarketOp failedBuy = h.startBuy(M + ".l8", "b-2", at(40));
    h.fail(failedBuy, false);
    MarketOp failedOpen = h.startOpen(M + ".l12", "s-1", "copper_ore", 3, 700, 1, at(41));
    h.fail(failedOpen, true);
    h.startBuy(M + ".l7", "b-1", at(42));
    h.expire(T0.plus(Duration.ofHours(25)));
    h.buy(M + ".l9", "b-1", T0.plus(Duration.ofHours(26)));
    h.startOpen(M + ".l13", "s-2", "trail_bread", 4, 800, 3, T0.plus(Duration.ofHours(26)));
    return h;
  }

  static MarketSnapshot roundTrip(MarketSnapshot s) {
    return new SerializationTestKit(testKit.system()).verifySerialization(s, true);
  }

  @Test
  void restoringAfterAnyEventAndReplayingTheRestEqualsAFullReplay() {
    List<Market.Event> events = mixed().events();
    Observed full = observe(MarketHistory.replay(M, events), LATER);
    assertThat(full.ops()).hasSize(2);
    assertThat(full.pending()).isNotEmpty();
    assertThat(full.reprices()).containsEntry(M + ".l2", 2);
    for (int cut = 0; cut <= events.size(); cut++) {
      MarketSnapshot snapshot = roundTrip(MarketHistory.snapshotAfter(M, events, cut));
      MarketState restored = MarketState.restore(M, CONFIG.fees(), CONFIG.catalog(), snapshot);
      events.subList(cut, events.size()).forEach(e -> MarketHistory.apply(restored, e));
      assertThat(observe(restored, LATER)).as("snapshot after event %d", cut).isEqualTo(full);
    }
  }

  @Test
  void aRestoredStateKeepsReservationsAndNumbersTheNextRepriceAfterTheOldOnes() {
    MarketState restored =
        MarketState.restore(M, CONFIG.fees(), CONFIG.catalog(), mixed().live().snapshot());
    assertThat(restored.isReserved(M + ".l7")).isTrue();
    assertThat(restored.isReserved(M + ".l13")).isTrue();
    assertThat(restored.isReserved(M + ".l9")).isFalse();
    ListingOutcome outcome =
        restored
            .board()
            .reprice(M + ".l3", "s-0", TrustTier.ELITE, 20_000, T0.plus(Duration.ofHours(27)));
    assertThat(outcome.settlement().charges())
        .singleElement()
        .extracting(Leg::key)
        .isEqualTo("listing:" + M + ".l3:reprice:2");
  }

  @Test
  void theSnapshotKeepsOnlyTradesInsideTheStatisticsWindowOfTheNewest() {
    MarketHistory h = new MarketHistory(M);
    h.open(M + ".a", "s-1", "copper_ore", 10, 1_000, 1, T0);
    h.buy(M + ".a", "b-1", T0);
    h.open(M + ".b", "s-1", "copper_ore", 10, 3_000, 3, T0.plus(Duration.ofHours(30)));
    h.buy(M + ".b", "b-1", T0.plus(Duration.ofHours(30)));
    MarketSnapshot s = h.live().snapshot();
    assertThat(s.stats()).singleElement().satisfies(i -> assertThat(i.lastPrice()).isEqualTo(300));
    assertThat(s.stats().get(0).trades()).extracting(TradeRecord::unitPrice).containsExactly(300L);
    assertThat(s.recent()).hasSize(2);
  }
}
