package org.bluemarble.market.listing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bluemarble.market.Errors;
import org.bluemarble.market.MarketError;
import org.bluemarble.market.MarketSettings;
import org.bluemarble.market.Money;
import org.bluemarble.market.TrustTier;
import org.bluemarble.market.holdings.Leg;
import org.bluemarble.market.inventory.ItemCatalog;
import org.bluemarble.market.inventory.ItemDefinition;
import org.bluemarble.market.inventory.ItemStack;
import org.bluemarble.market.ledger.Currency;
import org.bluemarble.market.ledger.Ledger;
import org.bluemarble.market.ledger.LedgerAccount;
import org.junit.jupiter.api.Test;

class ListingBoardTest {
  private static final ItemCatalog CATALOG = ItemCatalog.loadDefault();
  private static final ItemDefinition SWORD = CATALOG.get("iron_sword");
  private static final ItemDefinition ORE = CATALOG.get("iron_ore");
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final LedgerAccount SELLER = LedgerAccount.wallet("seller");

  private final ListingBoard board = new ListingBoard(new MarketSettings(300, 500));
  private final Ledger ledger = new Ledger(Currency.COPPER);

  ListingBoardTest() {
    ledger.execute(LedgerAccount.mint(), SELLER, 1_000_000, "seed-seller");
    ledger.execute(LedgerAccount.mint(), LedgerAccount.wallet("b1"), 1_000_000, "seed-b1");
    ledger.execute(LedgerAccount.mint(), LedgerAccount.wallet("b2"), 1_000_000, "seed-b2");
  }

  private ListingOutcome list(String id, long price) {
    ListingOutcome o =
        board.create(
            new NewListing(
                id, "seller", TrustTier.TRUSTED, SWORD, 1, price, ListingDuration.THREE_DAYS),
            ledger.balance(SELLER),
            1,
            T0);
    Errors.pay(ledger, o.settlement());
    return o;
  }

  @Test
  void creatingChargesTheListingFeeRoundedUpAndEscrowsTheItems() {
    ListingOutcome o = list("l1", 10_001);
    assertThat(o.settlement().fee()).isEqualTo(301);
    assertThat(o.settlement().payouts()).isEmpty();
    assertThat(o.settlement().charges())
        .containsExactly(
            Leg.out("listing:l1:listing-fee", "seller", 301, List.of()),
            Leg.out("listing:l1:escrow", "seller", 0, List.of(new ItemStack("iron_sword", 1))));
    assertThat(ledger.balance(LedgerAccount.feeSink())).isEqualTo(301);
    assertThat(ledger.balance(Errors.ESCROW)).isZero();
    assertThat(o.listing().expiresAt()).isEqualTo(T0.plus(Duration.ofDays(3)));
  }

  @Test
  void buyerPaysThePriceAndTheSellerPaysTheFivePercentFeeFromProceeds() {
    list("l1", 10_000);
    long sellerBefore = ledger.balance(SELLER);
    ListingOutcome sale = board.buy("l1", "b1", ledger.balance(LedgerAccount.wallet("b1")), T0);
    Errors.pay(ledger, sale.settlement());
    assertThat(ledger.balance(LedgerAccount.wallet("b1"))).isEqualTo(1_000_000 - 10_000);
    assertThat(ledger.balance(SELLER) - sellerBefore).isEqualTo(9_500);
    assertThat(ledger.balance(LedgerAccount.feeSink())).isEqualTo(300 + 500);
    assertThat(ledger.balance(Errors.ESCROW)).isZero();
    assertThat(sale.settlement().payouts())
        .filteredOn(leg -> !leg.items().isEmpty())
        .singleElement()
        .satisfies(leg -> assertThat(leg.playerId()).isEqualTo("b1"));
    assertThat(sale.listing().status()).isEqualTo(ListingStatus.SOLD);
  }

  @Test
  void transactionFeeRoundsDownInTheSellersFavour() {
    list("l1", 39);
    ListingOutcome sale = board.buy("l1", "b1", 1_000, T0);
    assertThat(sale.settlement().charges()).extracting(Leg::copper).containsExactly(39L);
    assertThat(sale.settlement().payouts()).extracting(Leg::copper).containsExactly(38L, 0L);
    assertThat(sale.settlement().fee()).isEqualTo(1);
  }

  @Test
  void aSoldListingRefusesTheNextBuyer() {
    // The race itself runs through the entity: EconomyTest.twoBuyersRacingForEachListingOneWins.
    list("l1", 5_000);
    ListingOutcome winner = board.buy("l1", "b1", 1_000_000, T0.plusSeconds(1));
    assertThat(Errors.of(() -> board.buy("l1", "b2", 1_000_000, T0.plusSeconds(1))))
        .isEqualTo(MarketError.LISTING_UNAVAILABLE);
    Errors.pay(ledger, winner.settlement());
    assertThat(ledger.balance(LedgerAccount.wallet("b2"))).isEqualTo(1_000_000);
    assertThat(ledger.invariantHolds()).isTrue();
    assertThat(ledger.circulating()).isEqualTo(3_000_000);
    assertThat(ledger.balance(LedgerAccount.wallet("b1"))).isEqualTo(1_000_000 - 5_000);
  }

  @Test
  void refusesBuyerWithoutEnoughFundsAndLeavesTheListingActive() {
    list("l1", 5_000);
    assertThat(Errors.of(() -> board.buy("l1", "b1", 4_999, T0)))
        .isEqualTo(MarketError.INSUFFICIENT_FUNDS);
    assertThat(board.find("l1").orElseThrow().status()).isEqualTo(ListingStatus.ACTIVE);
    assertThat(Errors.of(() -> board.buy("l1", "seller", 1_000_000, T0)))
        .isEqualTo(MarketError.SELF_TRADE);
  }

  @Test
  void onlyTheSellerCancelsAndGetsTheItemsButNotTheFeeBack() {
    list("l1", 10_000);
    long after = ledger.balance(SELLER);
    assertThat(Errors.of(() -> board.cancel("l1", "b1", T0))).isEqualTo(MarketError.NOT_OWNER);
    ListingOutcome cancelled = board.cancel("l1", "seller", T0);
    assertThat(cancelled.settlement().charges()).isEmpty();
    assertThat(cancelled.settlement().fee()).isZero();
    assertThat(cancelled.settlement().payouts())
        .singleElement()
        .satisfies(
            leg -> {
              assertThat(leg.playerId()).isEqualTo("seller");
              assertThat(leg.copper()).isZero();
              assertThat(leg.items()).containsExactly(new ItemStack("iron_sword", 1));
            });
    assertThat(ledger.balance(SELLER)).isEqualTo(after);
    assertThat(Errors.of(() -> board.buy("l1", "b1", 1_000_000, T0)))
        .isEqualTo(MarketError.LISTING_UNAVAILABLE);
  }

  @Test
  void expiryReturnsTheItemsAndAnExpiredListingCannotBeBought() {
    list("l1", 100);
    list("l2", 200);
    Instant end = T0.plus(Duration.ofDays(3));
    assertThat(board.expireDue(end.minusMillis(1))).isEmpty();
    assertThat(Errors.of(() -> board.buy("l1", "b1", 1_000, end)))
        .isEqualTo(MarketError.LISTING_UNAVAILABLE);
    assertThat(board.expireDue(end))
        .extracting(o -> o.listing().status())
        .containsExactly(ListingStatus.EXPIRED, ListingStatus.EXPIRED);
    assertThat(board.expireDue(end.plusSeconds(1))).isEmpty();
  }

  @Test
  void trustTierCapsActiveListingsAndItemValue() {
    for (int i = 0; i < 5; i++) {
      board.create(
          new NewListing(
              "n" + i, "newbie", TrustTier.NEWCOMER, ORE, 1, 100 + i, ListingDuration.ONE_DAY),
          10_000,
          10,
          T0);
    }
    assertThat(
            Errors.of(
                () ->
                    board.create(
                        new NewListing(
                            "n5",
                            "newbie",
                            TrustTier.NEWCOMER,
                            ORE,
                            1,
                            500,
                            ListingDuration.ONE_DAY),
                        10_000,
                        10,
                        T0)))
        .isEqualTo(MarketError.LISTING_LIMIT_REACHED);
    assertThat(
            Errors.of(
                () ->
                    board.create(
                        new NewListing(
                            "x",
                            "other",
                            TrustTier.NEWCOMER,
                            ORE,
                            1,
                            Money.of(10, 0, 1),
                            ListingDuration.ONE_DAY),
                        10_000,
                        10,
                        T0)))
        .isEqualTo(MarketError.ITEM_VALUE_LIMIT_EXCEEDED);
    assertThat(TrustTier.ofScore(0)).isEqualTo(TrustTier.NEWCOMER);
    assertThat(TrustTier.ofScore(799).maxActiveListings()).isEqualTo(25);
    assertThat(TrustTier.ofScore(1000).maxActiveListings()).isEqualTo(50);
    assertThat(Errors.of(() -> TrustTier.ofScore(1001))).isEqualTo(MarketError.INVALID_CONFIG);
  }

  @Test
  void refusesDuplicatesBadDurationsAndUntradeableItems() {
    list("l1", 100);
    assertThat(Errors.of(() -> list("l1", 999))).isEqualTo(MarketError.DUPLICATE_LISTING);
    assertThat(Errors.of(() -> list("l2", 100))).isEqualTo(MarketError.DUPLICATE_LISTING);
    assertThat(Errors.of(() -> ListingDuration.ofDays(2))).isEqualTo(MarketError.INVALID_DURATION);
    assertThat(
            Errors.of(
                () ->
                    board.create(
                        new NewListing(
                            "q",
                            "seller",
                            TrustTier.ELITE,
                            CATALOG.get("sealed_survey_report"),
                            1,
                            100,
                            ListingDuration.SEVEN_DAYS),
                        10_000,
                        10,
                        T0)))
        .isEqualTo(MarketError.NOT_TRADEABLE);
    assertThat(Errors.of(() -> new MarketSettings(50, 500))).isEqualTo(MarketError.INVALID_CONFIG);
    assertThat(Errors.of(() -> new MarketSettings(600, 500))).isEqualTo(MarketError.INVALID_CONFIG);
  }

  @Test
  void refusesASellerWhoLacksTheFeeOrTheItems() {
    NewListing request =
        new NewListing("l9", "seller", TrustTier.TRUSTED, ORE, 5, 10_000, ListingDuration.ONE_DAY);
    assertThat(Errors.of(() -> board.create(request, 299, 5, T0)))
        .isEqualTo(MarketError.INSUFFICIENT_FUNDS);
    assertThat(Errors.of(() -> board.create(request, 300, 4, T0)))
        .isEqualTo(MarketError.INSUFFICIENT_INVENTORY);
    assertThat(board.find("l9")).isEmpty();
    assertThat(board.create(request, 300, 5, T0).listing().status())
        .isEqualTo(ListingStatus.ACTIVE);
  }

  @Test
  void repricingUpwardsChargesTheFeeDifference() {
    list("l1", 100);
    ListingOutcome up = board.reprice("l1", "seller", TrustTier.TRUSTED, 10_000, T0);
    assertThat(up.settlement().charges()).extracting(Leg::copper).containsExactly(297L);
    assertThat(up.settlement().fee()).isEqualTo(297);
    ListingOutcome down = board.reprice("l1", "seller", TrustTier.TRUSTED, 50, T0);
    assertThat(down.settlement().charges()).isEmpty();
    assertThat(down.settlement().fee()).isZero();
    assertThat(board.find("l1").orElseThrow().price()).isEqualTo(50);
    Errors.pay(ledger, up.settlement());
    long before = ledger.balance(SELLER);
    Errors.pay(ledger, board.reprice("l1", "seller", TrustTier.TRUSTED, 10_000, T0).settlement());
    assertThat(before - ledger.balance(SELLER)).isEqualTo(298);
  }

  @Test
  void onlyTheNewestClosedListingsAreKeptAndARestoredBoardForgetsTheSameOnes() {
    ListingBoard small = new ListingBoard(new MarketSettings(300, 500), 2);
    List<String> ids = List.of("a", "b", "c", "d");
    for (String id : ids) {
      long price = 1_000 + ids.indexOf(id);
      small.create(
          new NewListing(id, "seller", TrustTier.TRUSTED, SWORD, 1, price, ListingDuration.ONE_DAY),
          1_000_000,
          1,
          T0);
    }
    // Closing order b, a, c: b is the oldest closed and is forgotten when c closes.
    small.buy("b", "b1", 1_000_000, T0);
    small.cancel("a", "seller", T0);
    ListingBoard restored =
        ListingBoard.restore(
            new ListingBoard(new MarketSettings(300, 500), 2),
            small.all(),
            small.repriceCounts(),
            small.closedOrder());
    for (ListingBoard board : List.of(small, restored)) {
      board.buy("c", "b2", 1_000_000, T0);
      assertThat(board.find("b")).as("oldest closed").isEmpty();
      assertThat(board.find("a"))
          .hasValueSatisfying(l -> assertThat(l.status()).isEqualTo(ListingStatus.CANCELLED));
      assertThat(board.find("c"))
          .hasValueSatisfying(l -> assertThat(l.status()).isEqualTo(ListingStatus.SOLD));
      assertThat(board.activeOf("seller")).extracting(Listing::id).containsExactly("d");
      assertThat(board.closedOrder()).containsExactly("a", "c");
    }
    assertThat(restored.all()).isEqualTo(small.all());
  }
}
