package org.bluemarble.market.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bluemarble.market.Errors;
import org.bluemarble.market.MarketError;
import org.bluemarble.market.MarketSettings;
import org.bluemarble.market.Settlement;
import org.bluemarble.market.holdings.Leg;
import org.bluemarble.market.inventory.ItemStack;
import org.bluemarble.market.ledger.Currency;
import org.bluemarble.market.ledger.Ledger;
import org.bluemarble.market.ledger.LedgerAccount;
import org.junit.jupiter.api.Test;

class AuctionTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant END = T0.plus(Duration.ofHours(24));
  private final Ledger ledger = new Ledger(Currency.COPPER);

  AuctionTest() {
    for (String p : new String[] {"a", "b", "c"}) {
      ledger.execute(LedgerAccount.mint(), LedgerAccount.wallet(p), 100_000, "seed-" + p);
    }
  }

  private Auction open(long reserve, long buyout) {
    AuctionTerms terms =
        new AuctionTerms(
            "x1",
            "seller",
            "runed_dagger",
            1,
            1_000,
            100,
            reserve,
            buyout,
            END,
            Duration.ofMinutes(5));
    Auction.Opened opened = Auction.open(terms, MarketSettings.DEFAULT, 1, T0);
    assertThat(opened.settlement().legs())
        .containsExactly(
            Leg.out("auction:x1:escrow", "seller", 0, List.of(new ItemStack("runed_dagger", 1))));
    return opened.auction();
  }

  private void bid(Auction auction, String bidder, long amount, Instant at) {
    Errors.pay(ledger, auction.bid(bidder, amount, wallet(bidder), at));
  }

  private long wallet(String p) {
    return ledger.balance(LedgerAccount.wallet(p));
  }

  @Test
  void enforcesStartPriceAndMinimumIncrement() {
    Auction auction = open(0, 0);
    assertThat(Errors.of(() -> auction.bid("a", 999, 100_000, T0)))
        .isEqualTo(MarketError.BID_TOO_LOW);
    bid(auction, "a", 1_000, T0);
    assertThat(Errors.of(() -> auction.bid("b", 1_099, 100_000, T0)))
        .isEqualTo(MarketError.BID_TOO_LOW);
    bid(auction, "b", 1_100, T0);
    assertThat(auction.highestBid().orElseThrow().bidder()).isEqualTo("b");
    assertThat(Errors.of(() -> auction.bid("seller", 5_000, 100_000, T0)))
        .isEqualTo(MarketError.SELF_TRADE);
  }

  @Test
  void outbidBiddersAreRefundedAtOnceAndTheWinnerPaysAndReceives() {
    Auction auction = open(0, 0);
    bid(auction, "a", 1_000, T0);
    bid(auction, "b", 2_000, T0.plusSeconds(10));
    bid(auction, "c", 3_000, T0.plusSeconds(20));
    assertThat(wallet("a")).isEqualTo(100_000);
    assertThat(wallet("b")).isEqualTo(100_000);
    assertThat(ledger.balance(Errors.ESCROW)).isEqualTo(3_000);
    assertThat(Errors.of(() -> auction.settle(END.minusSeconds(1))))
        .isEqualTo(MarketError.AUCTION_STILL_RUNNING);
    Settlement s = auction.settle(END);
    Errors.pay(ledger, s);
    assertThat(wallet("c")).isEqualTo(97_000);
    assertThat(ledger.balance(LedgerAccount.wallet("seller"))).isEqualTo(2_850);
    assertThat(ledger.balance(LedgerAccount.feeSink())).isEqualTo(150);
    assertThat(ledger.balance(Errors.ESCROW)).isZero();
    assertThat(s.payouts())
        .filteredOn(leg -> !leg.items().isEmpty())
        .singleElement()
        .satisfies(leg -> assertThat(leg.playerId()).isEqualTo("c"));
    assertThat(ledger.invariantHolds()).isTrue();
    assertThat(Errors.of(() -> auction.settle(END))).isEqualTo(MarketError.AUCTION_CLOSED);
  }

  @Test
  void aBidInTheLastMinutesExtendsTheEnd() {
    Auction auction = open(0, 0);
    bid(auction, "a", 1_000, END.minus(Duration.ofMinutes(10)));
    assertThat(auction.endsAt()).isEqualTo(END);
    Instant late = END.minus(Duration.ofMinutes(1));
    bid(auction, "b", 1_100, late);
    assertThat(auction.endsAt()).isEqualTo(late.plus(Duration.ofMinutes(5)));
    bid(auction, "a", 1_200, END.plusSeconds(30));
    assertThat(auction.endsAt()).isEqualTo(END.plusSeconds(30).plus(Duration.ofMinutes(5)));
    assertThat(Errors.of(() -> auction.bid("c", 5_000, 100_000, auction.endsAt())))
        .isEqualTo(MarketError.AUCTION_CLOSED);
  }

  @Test
  void reserveNotMetReturnsTheItemAndRefundsTheBidder() {
    Auction auction = open(5_000, 0);
    bid(auction, "a", 4_000, T0);
    Settlement s = auction.settle(END);
    Errors.pay(ledger, s);
    assertThat(wallet("a")).isEqualTo(100_000);
    assertThat(s.payouts())
        .filteredOn(leg -> !leg.items().isEmpty())
        .singleElement()
        .satisfies(leg -> assertThat(leg.playerId()).isEqualTo("seller"));
    assertThat(ledger.balance(LedgerAccount.wallet("seller"))).isZero();
  }

  @Test
  void refusesABidderWhoCannotPayButLetsTheLeaderRaiseWithTheRefund() {
    Auction auction = open(0, 0);
    assertThat(Errors.of(() -> auction.bid("a", 5_000, 4_999, T0)))
        .isEqualTo(MarketError.INSUFFICIENT_FUNDS);
    bid(auction, "a", 60_000, T0);
    Errors.pay(ledger, auction.bid("a", 70_000, wallet("a"), T0.plusSeconds(1)));
    assertThat(wallet("a")).isEqualTo(30_000);
    assertThat(ledger.balance(Errors.ESCROW)).isEqualTo(70_000);
    AuctionTerms terms = auction.terms();
    assertThat(Errors.of(() -> Auction.open(terms, MarketSettings.DEFAULT, 0, T0)))
        .isEqualTo(MarketError.INSUFFICIENT_INVENTORY);
  }

  @Test
  void noBidsReturnsTheItem() {
    Auction auction = open(0, 0);
    Settlement s = auction.settle(END);
    assertThat(s.legs()).allSatisfy(leg -> assertThat(leg.copper()).isZero());
    assertThat(s.fee()).isZero();
    assertThat(s.payouts())
        .filteredOn(leg -> !leg.items().isEmpty())
        .singleElement()
        .satisfies(leg -> assertThat(leg.playerId()).isEqualTo("seller"));
  }

  @Test
  void buyoutEndsTheAuctionAtOnceAtTheBuyoutPrice() {
    Auction auction = open(0, 10_000);
    bid(auction, "a", 2_000, T0);
    bid(auction, "b", 12_000, T0.plusSeconds(5));
    assertThat(auction.state()).isEqualTo(Auction.State.BOUGHT_OUT);
    assertThat(wallet("b")).isEqualTo(90_000);
    assertThat(Errors.of(() -> auction.bid("c", 20_000, 100_000, T0.plusSeconds(6))))
        .isEqualTo(MarketError.AUCTION_CLOSED);
    Errors.pay(ledger, auction.settle(T0.plusSeconds(6)));
    assertThat(ledger.balance(LedgerAccount.wallet("seller"))).isEqualTo(9_500);
  }

  @Test
  void refusesInconsistentTerms() {
    assertThat(
            Errors.of(
                () ->
                    new AuctionTerms(
                        "x", "s", "i", 1, 1_000, 100, 0, 500, END, Duration.ofMinutes(5))))
        .isEqualTo(MarketError.INVALID_AMOUNT);
    AuctionTerms past =
        new AuctionTerms("x", "s", "i", 1, 1_000, 100, 0, 0, T0, Duration.ofMinutes(5));
    assertThat(Errors.of(() -> Auction.open(past, MarketSettings.DEFAULT, 1, T0)))
        .isEqualTo(MarketError.INVALID_DURATION);
  }
}
