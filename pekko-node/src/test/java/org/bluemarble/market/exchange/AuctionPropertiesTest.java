package org.bluemarble.market.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.bluemarble.market.Errors;
import org.bluemarble.market.ItemVault;
import org.bluemarble.market.MarketException;
import org.bluemarble.market.MarketSettings;
import org.bluemarble.market.Settlement;
import org.bluemarble.market.ledger.Currency;
import org.bluemarble.market.ledger.Ledger;
import org.bluemarble.market.ledger.LedgerAccount;

class AuctionPropertiesTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final long FUNDS = 20_000;

  /** A bid by {@code bidder} of {@code amount}, {@code afterSeconds} after the previous one. */
  record BidOp(int bidder, long amount, int afterSeconds) {}

  @Provide
  Arbitrary<List<BidOp>> bids() {
    return Combinators.combine(
            Arbitraries.integers().between(0, 3),
            Arbitraries.longs().between(1, 25_000),
            Arbitraries.integers().between(0, 1_200))
        .as(BidOp::new)
        .list()
        .ofMaxSize(60);
  }

  @Property(tries = 300)
  void escrowHoldsExactlyTheHighestBidAndSettlementPaysOutEverything(
      @ForAll("bids") List<BidOp> bids, @ForAll boolean withReserve) {
    Ledger ledger = new Ledger(Currency.COPPER);
    ItemVault vault = new ItemVault();
    vault.give("seller", "jade_amulet", 1);
    for (int p = 0; p < 4; p++) {
      ledger.execute(LedgerAccount.mint(), LedgerAccount.wallet("b" + p), FUNDS, "seed" + p);
    }
    AuctionTerms terms =
        new AuctionTerms(
            "x",
            "seller",
            "jade_amulet",
            1,
            500,
            50,
            withReserve ? 8_000 : 0,
            0,
            T0.plus(Duration.ofHours(2)),
            Duration.ofMinutes(5));
    Auction.Opened opened = Auction.open(terms, MarketSettings.DEFAULT, 1, T0);
    vault.settle(opened.settlement(), "auction");
    Auction auction = opened.auction();
    Instant now = T0;
    for (BidOp op : bids) {
      now = now.plusSeconds(op.afterSeconds());
      String bidder = "b" + op.bidder();
      try {
        Errors.pay(
            ledger,
            auction.bid(bidder, op.amount(), ledger.balance(LedgerAccount.wallet(bidder)), now));
      } catch (MarketException refused) {
        // too low, closed or unaffordable: nothing moved
      }
      long highest = auction.highestBid().map(Auction.Bid::amount).orElse(0L);
      assertThat(ledger.balance(Errors.ESCROW)).isEqualTo(highest);
      assertThat(ledger.invariantHolds()).isTrue();
    }
    Instant end = auction.endsAt().isAfter(now) ? auction.endsAt() : now;
    Settlement settlement = auction.settle(end);
    Errors.pay(ledger, settlement);
    vault.settle(settlement, "auction");
    assertThat(ledger.balance(Errors.ESCROW)).isZero();
    assertThat(vault.of("auction", "jade_amulet")).isZero();
    assertThat(vault.total("jade_amulet")).isEqualTo(1);
    assertThat(ledger.circulating()).isEqualTo(4 * FUNDS);
    boolean sold = auction.highestBid().filter(b -> b.amount() >= terms.reservePrice()).isPresent();
    String owner = sold ? auction.highestBid().orElseThrow().bidder() : "seller";
    assertThat(vault.of(ItemVault.player(owner), "jade_amulet")).isEqualTo(1);
  }
}
