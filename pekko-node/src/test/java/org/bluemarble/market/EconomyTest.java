package org.bluemarble.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.bluemarble.market.holdings.HoldingsView;
import org.bluemarble.market.inventory.ItemStack;
import org.bluemarble.market.listing.ListingStatus;
import org.bluemarble.market.listing.MarketReply;
import org.bluemarble.market.listing.Sale;
import org.bluemarble.market.trade.TradeReply;
import org.bluemarble.market.trade.TradeView;
import org.bluemarble.market.treasury.EconomyGate;
import org.bluemarble.market.treasury.Treasury;
import org.bluemarble.market.treasury.TreasuryStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The economy entities through Cluster Sharding on a one-node cluster with the in-memory journal:
 * grants, listings, purchases, trades and the cross-entity ledger check.
 */
class EconomyTest {
  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final ActorTestKit testKit =
      ActorTestKit.create(
          "EconomyTest",
          ConfigFactory.parseString(
                  """
                  pekko.actor.provider = cluster
                  pekko.remote.artery.canonical.hostname = 127.0.0.1
                  pekko.remote.artery.canonical.port = 0
                  pekko.cluster.jmx.multi-mbeans-in-same-jvm = on
                  pekko.actor.testkit.typed.system-shutdown-default = 30s
                  """)
              .withFallback(EventSourcedBehaviorTestKit.config())
              .withFallback(ConfigFactory.parseResources("bluemarble/serialization.conf"))
              .withFallback(ConfigFactory.defaultReference()));
  private static Economy economy;

  @BeforeAll
  static void startCluster() {
    Cluster cluster = Cluster.get(testKit.system());
    cluster.manager().tell(Join.create(cluster.selfMember().address()));
    economy = Economy.start(testKit.system(), 4, EconomyConfig.defaults());
  }

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  static <T> T await(CompletionStage<T> stage) {
    try {
      return stage.toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Everyone this class created, so the ledger check sees every wallet. */
  private static final java.util.Set<String> PLAYERS =
      java.util.concurrent.ConcurrentHashMap.newKeySet();

  private static final java.util.Set<String> TRADES =
      java.util.concurrent.ConcurrentHashMap.newKeySet();

  static String player() {
    String id = "p-" + UUID.randomUUID();
    PLAYERS.add(id);
    return id;
  }

  static void grant(String player, long copper, List<ItemStack> items) {
    Treasury.MintReply r =
        await(economy.mint("grant-" + UUID.randomUUID(), player, copper, 0, items, "test"));
    assertThat(r.refusal()).isNull();
  }

  private static LedgerReport audit() {
    TestProbe<Object> probe = testKit.createTestProbe();
    return probe.awaitAssert(
        WAIT,
        () -> {
          LedgerReport r =
              await(new LedgerAudit(economy).check(List.copyOf(PLAYERS), List.copyOf(TRADES)));
          assertThat(r.inFlight()).as("legs in flight").isZero();
          return r;
        });
  }

  /** The treasury's events carry its tag, which the event stream reads (issue 19). */
  @Test
  void treasuryEventsCarryTheStreamsTag() throws Exception {
    String p = player();
    String key = "tagged-" + UUID.randomUUID();
    assertThat(await(economy.mint(key, p, 42, 0, List.of(), "tag test")).fresh()).isTrue();
    var journal =
        org.apache.pekko.persistence.query.PersistenceQuery.get(
                org.apache.pekko.actor.typed.javadsl.Adapter.toClassic(testKit.system()))
            .getReadJournalFor(
                org.apache.pekko.persistence.testkit.query.javadsl.PersistenceTestKitReadJournal
                    .class,
                org.apache.pekko.persistence.testkit.query.javadsl.PersistenceTestKitReadJournal
                    .Identifier());
    var tagged =
        journal
            .currentEventsByTag(Treasury.TAG, org.apache.pekko.persistence.query.Offset.noOffset())
            .runWith(org.apache.pekko.stream.javadsl.Sink.seq(), testKit.system())
            .toCompletableFuture()
            .get(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(tagged).allMatch(e -> e.persistenceId().equals("Treasury|" + Treasury.ID));
    assertThat(tagged).anyMatch(e -> e.event() instanceof Treasury.Minted m && m.key().equals(key));
    assertThat(org.bluemarble.stream.StreamProjections.tags(4)).contains(Treasury.TAG);
  }

  @Test
  void mintDeliversOnceUnderTheSameKey() {
    String p = player();
    String key = "pay-" + UUID.randomUUID();
    assertThat(await(economy.mint(key, p, 500, 3, List.of(), "payment")).fresh()).isTrue();
    assertThat(await(economy.mint(key, p, 500, 3, List.of(), "payment")).fresh()).isFalse();
    HoldingsView h = await(economy.holdings(p));
    assertThat(h.copper()).isEqualTo(500);
    assertThat(h.honor()).isEqualTo(3);
  }

  @Test
  void aMintRefusedForLackOfSpaceFailsOnceAndIsNotCountedAsMinted() {
    String p = player();
    grant(p, 0, List.of(new ItemStack("iron_sword", 200)));
    long mintedBefore = await(economy.treasuryStatus()).mintedCopper();
    String key = "gift-" + UUID.randomUUID();
    Treasury.MintReply r =
        await(economy.mint(key, p, 700, 0, List.of(new ItemStack("leather_cap", 1)), "gift"));
    assertThat(r.refusal()).contains("INSUFFICIENT_SPACE");
    Treasury.MintReply again =
        await(economy.mint(key, p, 700, 0, List.of(new ItemStack("leather_cap", 1)), "gift"));
    assertThat(again.fresh()).isFalse();
    assertThat(again.refusal()).contains("INSUFFICIENT_SPACE");
    TreasuryStatus status = await(economy.treasuryStatus());
    assertThat(status.mintedCopper()).isEqualTo(mintedBefore);
    assertThat(await(economy.holdings(p)).copper()).isZero();
    assertThat(audit().balanced()).isTrue();
  }

  @Test
  void buyingAListingPaysTheSellerLessTheFeeAndDeliversTheItem() {
    String seller = player();
    String buyer = player();
    grant(seller, 1_000, List.of(new ItemStack("iron_sword", 1)));
    grant(buyer, 20_000, List.of());

    MarketReply opened = await(economy.openListing("capital", seller, "iron_sword", 1, 10_000, 1));
    assertThat(opened).isInstanceOf(MarketReply.ListingDone.class);
    String id = ((MarketReply.ListingDone) opened).listing().id();
    assertThat(await(economy.holdings(seller)).items()).doesNotContainKey("iron_sword");
    assertThat(await(economy.holdings(seller)).copper()).isEqualTo(1_000 - 200);

    MarketReply bought = await(economy.buy(id, buyer));
    assertThat(((MarketReply.ListingDone) bought).listing().status()).isEqualTo(ListingStatus.SOLD);

    TestProbe<Object> probe = testKit.createTestProbe();
    probe.awaitAssert(
        WAIT,
        () -> {
          assertThat(await(economy.holdings(buyer)).items()).containsEntry("iron_sword", 1);
          assertThat(await(economy.holdings(buyer)).copper()).isEqualTo(10_000);
          assertThat(await(economy.holdings(seller)).copper()).isEqualTo(800 + 9_500);
          return null;
        });
    LedgerReport report = audit();
    assertThat(report.balanced()).as(report.toString()).isTrue();
    assertThat(await(economy.sales(buyer, 10))).extracting(Sale::listingId).containsExactly(id);
  }

  @Test
  void twoBuyersRacingForEachListingOneWins() {
    String seller = player();
    String a = player();
    String b = player();
    grant(seller, 10_000, List.of(new ItemStack("iron_sword", 5)));
    grant(a, 100_000, List.of());
    grant(b, 100_000, List.of());
    List<String> ids = new java.util.ArrayList<>();
    for (int i = 0; i < 5; i++) {
      MarketReply opened =
          await(economy.openListing("capital", seller, "iron_sword", 1, 1_000 + i, 1));
      ids.add(((MarketReply.ListingDone) opened).listing().id());
    }
    // Both purchases of a listing are sent before either is answered; who goes first alternates.
    java.util.Map<String, String> winners = new java.util.HashMap<>();
    for (int i = 0; i < ids.size(); i++) {
      String id = ids.get(i);
      String first = i % 2 == 0 ? a : b;
      String second = first.equals(a) ? b : a;
      CompletionStage<MarketReply> one = economy.buy(id, first);
      CompletionStage<MarketReply> two = economy.buy(id, second);
      List<MarketReply> replies = List.of(await(one), await(two));
      assertThat(replies).filteredOn(MarketReply.ListingDone.class::isInstance).hasSize(1);
      MarketReply.MarketRefused lost =
          (MarketReply.MarketRefused)
              replies.stream()
                  .filter(MarketReply.MarketRefused.class::isInstance)
                  .findFirst()
                  .orElseThrow();
      assertThat(lost.error()).isEqualTo(MarketError.LISTING_UNAVAILABLE);
      MarketReply.ListingDone won =
          (MarketReply.ListingDone)
              replies.stream()
                  .filter(MarketReply.ListingDone.class::isInstance)
                  .findFirst()
                  .orElseThrow();
      assertThat(won.listing().status()).isEqualTo(ListingStatus.SOLD);
      winners.put(id, won.listing().buyer());
    }
    long paidByA = 0;
    long paidByB = 0;
    for (int i = 0; i < ids.size(); i++) {
      if (winners.get(ids.get(i)).equals(a)) {
        paidByA += 1_000 + i;
      } else {
        paidByB += 1_000 + i;
      }
    }
    long swordsOfA = winners.values().stream().filter(a::equals).count();
    long expectA = 100_000 - paidByA;
    long expectB = 100_000 - paidByB;
    TestProbe<Object> probe = testKit.createTestProbe();
    probe.awaitAssert(
        WAIT,
        () -> {
          assertThat(await(economy.holdings(a)).copper()).isEqualTo(expectA);
          assertThat(await(economy.holdings(b)).copper()).isEqualTo(expectB);
          assertThat(await(economy.holdings(a)).items().getOrDefault("iron_sword", 0))
              .isEqualTo((int) swordsOfA);
          assertThat(await(economy.holdings(b)).items().getOrDefault("iron_sword", 0))
              .isEqualTo(5 - (int) swordsOfA);
          return null;
        });
    assertThat(audit().balanced()).isTrue();
  }

  @Test
  void aBuyerWithoutTheMoneyGetsInsufficientFundsAndTheListingStaysForSale() {
    String seller = player();
    String poor = player();
    grant(seller, 1_000, List.of(new ItemStack("iron_sword", 1)));
    grant(poor, 50, List.of());
    String id =
        ((MarketReply.ListingDone)
                await(economy.openListing("capital", seller, "iron_sword", 1, 5_000, 3)))
            .listing()
            .id();

    MarketReply r = await(economy.buy(id, poor));
    assertThat(r).isInstanceOf(MarketReply.MarketRefused.class);
    assertThat(((MarketReply.MarketRefused) r).error()).isEqualTo(MarketError.INSUFFICIENT_FUNDS);
    assertThat(((MarketReply.ListingDone) await(economy.listing(id))).listing().status())
        .isEqualTo(ListingStatus.ACTIVE);
    assertThat(await(economy.holdings(poor)).copper()).isEqualTo(50);
  }

  @Test
  void listingWithoutTheItemIsInsufficientInventory() {
    String seller = player();
    grant(seller, 1_000, List.of());
    MarketReply r = await(economy.openListing("capital", seller, "iron_sword", 1, 5_000, 7));
    assertThat(((MarketReply.MarketRefused) r).error())
        .isEqualTo(MarketError.INSUFFICIENT_INVENTORY);
    assertThat(await(economy.holdings(seller)).copper()).isEqualTo(1_000);
  }

  @Test
  void theSameOfferListedTwiceAtOnceIsRefundedOnceRefusedAndTheLedgerSettles() {
    String seller = player();
    grant(seller, 1_000, List.of(new ItemStack("copper_ore", 10)));
    CompletionStage<MarketReply> first =
        economy.openListing("capital", seller, "copper_ore", 2, 500, 1);
    CompletionStage<MarketReply> second =
        economy.openListing("capital", seller, "copper_ore", 2, 500, 1);
    List<MarketReply> replies = List.of(await(first), await(second));
    assertThat(replies).filteredOn(r -> r instanceof MarketReply.ListingDone).hasSize(1);
    assertThat(replies)
        .filteredOn(r -> r instanceof MarketReply.MarketRefused)
        .extracting(r -> ((MarketReply.MarketRefused) r).error())
        .containsExactly(MarketError.DUPLICATE_LISTING);
    LedgerReport ledger = audit();
    assertThat(ledger.balanced()).isTrue();
    HoldingsView h = await(economy.holdings(seller));
    assertThat(h.items()).containsEntry("copper_ore", 8);
    assertThat(h.copper()).isEqualTo(1_000 - 10);
  }

  @Test
  void cancellingReturnsTheItemsButNotTheListingFee() {
    String seller = player();
    grant(seller, 1_000, List.of(new ItemStack("iron_sword", 1)));
    String id =
        ((MarketReply.ListingDone)
                await(economy.openListing("capital", seller, "iron_sword", 1, 5_000, 3)))
            .listing()
            .id();
    MarketReply r = await(economy.cancel(id, seller));
    assertThat(((MarketReply.ListingDone) r).listing().status()).isEqualTo(ListingStatus.CANCELLED);
    TestProbe<Object> probe = testKit.createTestProbe();
    probe.awaitAssert(
        WAIT,
        () -> {
          HoldingsView h = await(economy.holdings(seller));
          assertThat(h.items()).containsEntry("iron_sword", 1);
          assertThat(h.copper()).isEqualTo(1_000 - 100);
          return null;
        });
  }

  @Test
  void raisingThePriceChargesTheListingFeeDifferenceAndLoweringChargesNothing() {
    String seller = player();
    grant(seller, 1_000, List.of(new ItemStack("iron_sword", 1)));
    String id =
        ((MarketReply.ListingDone)
                await(economy.openListing("capital", seller, "iron_sword", 1, 5_000, 3)))
            .listing()
            .id();
    assertThat(await(economy.holdings(seller)).copper()).isEqualTo(900);
    MarketReply up = await(economy.reprice(id, seller, 10_000));
    assertThat(((MarketReply.ListingDone) up).listing().price()).isEqualTo(10_000);
    assertThat(await(economy.holdings(seller)).copper()).isEqualTo(800);
    MarketReply down = await(economy.reprice(id, seller, 2_000));
    assertThat(((MarketReply.ListingDone) down).listing().price()).isEqualTo(2_000);
    assertThat(await(economy.holdings(seller)).copper()).isEqualTo(800);
    MarketReply stranger = await(economy.reprice(id, player(), 1));
    assertThat(((MarketReply.MarketRefused) stranger).error()).isEqualTo(MarketError.NOT_OWNER);
  }

  @Test
  void aConfirmedTradeSwapsMoneyForItems() {
    String a = player();
    String b = player();
    grant(a, 3_000, List.of());
    grant(b, 0, List.of(new ItemStack("iron_sword", 1)));
    TradeView t = ((TradeReply.TradeDone) await(economy.openTrade(a, b))).trade();
    String id = t.tradeId();
    TRADES.add(id);
    await(economy.offer(id, a, 2_500, List.of()));
    TradeView v =
        ((TradeReply.TradeDone)
                await(economy.offer(id, b, 0, List.of(new ItemStack("iron_sword", 1)))))
            .trade();
    await(economy.confirm(id, a, v.version()));
    await(economy.confirm(id, b, v.version()));

    TestProbe<Object> probe = testKit.createTestProbe();
    probe.awaitAssert(
        WAIT,
        () -> {
          assertThat(((TradeReply.TradeDone) await(economy.trade(id))).trade().status())
              .isEqualTo("COMPLETED");
          return null;
        });
    assertThat(await(economy.holdings(a)).items()).containsEntry("iron_sword", 1);
    assertThat(await(economy.holdings(a)).copper()).isEqualTo(500);
    assertThat(await(economy.holdings(b)).copper()).isEqualTo(2_500);
    assertThat(await(economy.holdings(b)).items()).doesNotContainKey("iron_sword");
    LedgerReport report = audit();
    assertThat(report.tradeEscrow()).isZero();
    assertThat(report.balanced()).as(report.toString()).isTrue();
    assertThat(report.items()).isEqualTo(report.itemsMinted());
  }

  @Test
  void aTradeWhoseSideCannotPayLeavesBothWithWhatTheyHad() {
    String a = player();
    String b = player();
    grant(a, 100, List.of(new ItemStack("iron_sword", 1)));
    grant(b, 100, List.of());
    String id = ((TradeReply.TradeDone) await(economy.openTrade(a, b))).trade().tradeId();
    TRADES.add(id);
    await(economy.offer(id, a, 0, List.of(new ItemStack("iron_sword", 1))));
    TradeView v = ((TradeReply.TradeDone) await(economy.offer(id, b, 100, List.of()))).trade();
    await(economy.confirm(id, a, v.version()));
    // b spends the money elsewhere before confirming: b's escrow will be refused.
    String seller = player();
    grant(seller, 1_000, List.of(new ItemStack("oak_staff", 1)));
    String listing =
        ((MarketReply.ListingDone)
                await(economy.openListing("capital", seller, "oak_staff", 1, 100, 1)))
            .listing()
            .id();
    assertThat(await(economy.buy(listing, b))).isInstanceOf(MarketReply.ListingDone.class);
    await(economy.confirm(id, b, v.version()));

    TestProbe<Object> probe = testKit.createTestProbe();
    probe.awaitAssert(
        WAIT,
        () -> {
          TradeView t = ((TradeReply.TradeDone) await(economy.trade(id))).trade();
          assertThat(t.status()).isEqualTo("CANCELLED");
          assertThat(t.failure()).contains("INSUFFICIENT_FUNDS");
          return null;
        });
    assertThat(await(economy.holdings(a)).items()).containsEntry("iron_sword", 1);
    assertThat(await(economy.holdings(a)).copper()).isEqualTo(100);
    LedgerReport report = audit();
    assertThat(report.balanced()).as(report.toString()).isTrue();
  }

  @Test
  void readOnlyEconomyRefusesWritesButAnswersReads() {
    String p = player();
    grant(p, 10, List.of());
    await(economy.setReadOnly(true, "maintenance"));
    try {
      TestProbe<Object> probe = testKit.createTestProbe();
      probe.awaitAssert(
          WAIT,
          () -> {
            assertThat(EconomyGate.get(testKit.system()).current().readOnly()).isTrue();
            return null;
          });
      assertThatThrownBy(() -> await(economy.openListing("capital", p, "iron_sword", 1, 10, 1)))
          .isInstanceOf(MarketException.class)
          .hasMessageContaining("maintenance");
      assertThat(await(economy.holdings(p)).copper()).isEqualTo(10);
    } finally {
      await(economy.setReadOnly(false, ""));
    }
  }
}
