package org.bluemarble.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.bluemarble.market.exchange.Auction;
import org.bluemarble.market.exchange.AuctionTerms;
import org.bluemarble.market.exchange.Order;
import org.bluemarble.market.exchange.OrderBook;
import org.bluemarble.market.exchange.Side;
import org.bluemarble.market.inventory.ItemCatalog;
import org.bluemarble.market.listing.ListingBoard;
import org.bluemarble.market.listing.ListingDuration;
import org.bluemarble.market.listing.ListingStatus;
import org.bluemarble.market.listing.NewListing;
import org.junit.jupiter.api.Test;

/** The check* methods refuse exactly like the commands and never change state. */
class DryRunChecksTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final NewListing SWORD =
      new NewListing(
          "l1",
          "s",
          TrustTier.TRUSTED,
          ItemCatalog.loadDefault().get("iron_sword"),
          1,
          1_000,
          ListingDuration.ONE_DAY);

  @Test
  void listingChecksRefuseLikeTheCommandsAndChangeNothing() {
    ListingBoard board = new ListingBoard(MarketSettings.DEFAULT);
    assertThat(board.checkCreate(SWORD, 20, 1)).isEqualTo(20);
    assertThat(board.find("l1")).isEmpty();
    assertThat(Errors.of(() -> board.checkCreate(SWORD, 19, 1)))
        .isEqualTo(Errors.of(() -> board.create(SWORD, 19, 1, T0)));
    board.create(SWORD, 20, 1, T0);
    assertThat(board.checkBuy("l1", "b", 1_000, T0).status()).isEqualTo(ListingStatus.ACTIVE);
    assertThat(board.find("l1").orElseThrow().status()).isEqualTo(ListingStatus.ACTIVE);
    assertThat(Errors.of(() -> board.checkCancel("l1", "b", T0))).isEqualTo(MarketError.NOT_OWNER);
    assertThat(
            Errors.of(
                () -> board.checkReprice("l1", "s", TrustTier.NEWCOMER, Money.of(11, 0, 0), T0)))
        .isEqualTo(MarketError.ITEM_VALUE_LIMIT_EXCEEDED);
    board.buy("l1", "b", 1_000, T0);
    assertThat(Errors.of(() -> board.checkBuy("l1", "c", 1_000, T0)))
        .isEqualTo(MarketError.LISTING_UNAVAILABLE);
  }

  @Test
  void orderBookChecksRefuseLikeTheCommandsAndChangeNothing() {
    OrderBook book = new OrderBook("iron_ore", 500);
    Order buy = new Order("b1", "alice", Side.BUY, 10, 10);
    book.checkPlace(buy, 100);
    assertThat(book.size()).isZero();
    assertThat(Errors.of(() -> book.checkPlace(buy, 99))).isEqualTo(MarketError.INSUFFICIENT_FUNDS);
    book.place(buy, 100);
    assertThat(Errors.of(() -> book.checkPlace(buy, 100)))
        .isEqualTo(MarketError.IDEMPOTENCY_CONFLICT);
    assertThat(Errors.of(() -> book.checkCancel("b1", "bob"))).isEqualTo(MarketError.NOT_OWNER);
    book.checkCancel("b1", "alice");
    assertThat(book.size()).isEqualTo(1);
  }

  @Test
  void auctionChecksRefuseLikeTheCommandsAndChangeNothing() {
    AuctionTerms terms =
        new AuctionTerms(
            "a1",
            "s",
            "iron_sword",
            1,
            100,
            10,
            0,
            500,
            T0.plus(Duration.ofHours(1)),
            Duration.ofMinutes(5));
    Auction auction = Auction.open(terms, MarketSettings.DEFAULT, 1, T0).auction();
    assertThat(auction.checkBid("b", 600, 1_000, T0)).isEqualTo(500);
    assertThat(auction.highestBid()).isEmpty();
    assertThat(Errors.of(() -> auction.checkBid("b", 99, 1_000, T0)))
        .isEqualTo(MarketError.BID_TOO_LOW);
    assertThat(Errors.of(() -> auction.checkSettle(T0)))
        .isEqualTo(MarketError.AUCTION_STILL_RUNNING);
    assertThat(auction.state()).isEqualTo(Auction.State.RUNNING);
  }
}
