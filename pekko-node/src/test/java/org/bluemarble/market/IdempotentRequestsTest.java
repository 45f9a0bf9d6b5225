package org.bluemarble.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bluemarble.market.exchange.ExchangeKit.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.bluemarble.market.exchange.AuctionReply;
import org.bluemarble.market.exchange.AuctionView;
import org.bluemarble.market.exchange.BookReply;
import org.bluemarble.market.exchange.ExchangeKit;
import org.bluemarble.market.exchange.OrderView;
import org.bluemarble.market.exchange.Side;
import org.bluemarble.market.holdings.HoldingsView;
import org.bluemarble.market.inventory.ItemStack;
import org.bluemarble.market.listing.MarketReply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keyed listings, orders and auctions through Cluster Sharding: a repeat (after the answer, or
 * racing the first) gets the first request's listing or order and the holdings are charged once;
 * another request under the same key is refused; the ledger audit balances after every test.
 */
class IdempotentRequestsTest {
  private static ExchangeKit kit;

  @BeforeAll
  static void start() {
    kit = new ExchangeKit("IdempotentRequestsTest");
  }

  @AfterAll
  static void stop() {
    kit.shutdown();
  }

  @AfterEach
  void ledgerBalances() {
    kit.balancedAudit();
  }

  private static MarketReply list(String seller, long price, String key) {
    return await(kit.economy.openListing("capital", seller, "copper_ore", 2, price, 1, key));
  }

  @Test
  void racingRepeatsOfAKeyedListingJoinTheFirstAndChargeOnce() {
    String seller = kit.player();
    kit.grant(seller, 1_000, List.of(new ItemStack("copper_ore", 10)));

    CompletionStage<MarketReply> a =
        kit.economy.openListing("capital", seller, "copper_ore", 2, 500, 1, "race");
    CompletionStage<MarketReply> b =
        kit.economy.openListing("capital", seller, "copper_ore", 2, 500, 1, "race");
    MarketReply first = await(a);
    MarketReply second = await(b);
    MarketReply later = list(seller, 500, "race");

    String id = ((MarketReply.ListingDone) first).listing().id();
    assertThat(((MarketReply.ListingDone) second).listing().id()).isEqualTo(id);
    assertThat(((MarketReply.ListingDone) later).listing().id()).isEqualTo(id);
    HoldingsView h = kit.holdings(seller);
    assertThat(h.copper()).isEqualTo(1_000 - 10);
    assertThat(h.items()).containsEntry("copper_ore", 8);
  }

  @Test
  void aKeyReusedForAnotherPriceIsRefusedAndChargesNothing() {
    String seller = kit.player();
    kit.grant(seller, 1_000, List.of(new ItemStack("copper_ore", 10)));
    assertThat(list(seller, 500, "k")).isInstanceOf(MarketReply.ListingDone.class);

    MarketReply reused = list(seller, 600, "k");

    assertThat(((MarketReply.MarketRefused) reused).error())
        .isEqualTo(MarketError.IDEMPOTENCY_KEY_REUSED);
    assertThat(kit.holdings(seller).copper()).isEqualTo(990);
  }

  @Test
  void aRefusedKeyedListingLeavesNothingSoItsRepeatIsTriedAgain() {
    String seller = kit.player();
    kit.grant(seller, 1_000, List.of());
    MarketReply refused = list(seller, 500, "again");
    kit.grant(seller, 0, List.of(new ItemStack("copper_ore", 2)));

    MarketReply retried = list(seller, 500, "again");

    assertThat(((MarketReply.MarketRefused) refused).error())
        .isEqualTo(MarketError.INSUFFICIENT_INVENTORY);
    assertThat(retried).isInstanceOf(MarketReply.ListingDone.class);
    assertThat(kit.holdings(seller).copper()).isEqualTo(990);
  }

  @Test
  void aRepeatedKeyedOrderIsTheSameOrderAndEscrowsOnce() {
    String buyer = kit.player();
    kit.grant(buyer, 1_000, List.of());
    kit.book("linen_cloth");

    CompletionStage<BookReply> a =
        kit.exchange.placeOrder(null, buyer, "linen_cloth", Side.BUY, 10, 5, "order-1");
    CompletionStage<BookReply> b =
        kit.exchange.placeOrder(null, buyer, "linen_cloth", Side.BUY, 10, 5, "order-1");
    OrderView first = ((BookReply.OrderDone) await(a)).order();
    OrderView second = ((BookReply.OrderDone) await(b)).order();
    BookReply other =
        await(kit.exchange.placeOrder(null, buyer, "linen_cloth", Side.BUY, 11, 5, "order-1"));

    assertThat(second.orderId()).isEqualTo(first.orderId());
    assertThat(first.status()).isEqualTo("OPEN");
    assertThat(kit.holdings(buyer).copper()).isEqualTo(1_000 - 50);
    assertThat(((BookReply.BookRefused) other).error())
        .isEqualTo(MarketError.IDEMPOTENCY_KEY_REUSED);
  }

  @Test
  void aRejectedKeyedOrderKeepsItsRefusalWhenRepeated() {
    String buyer = kit.player();
    kit.grant(buyer, 10, List.of());
    kit.book("linen_cloth");
    BookReply refused =
        await(kit.exchange.placeOrder(null, buyer, "linen_cloth", Side.BUY, 10, 5, "poor"));
    kit.grant(buyer, 1_000, List.of());

    BookReply repeated =
        await(kit.exchange.placeOrder(null, buyer, "linen_cloth", Side.BUY, 10, 5, "poor"));

    assertThat(((BookReply.BookRefused) refused).error()).isEqualTo(MarketError.INSUFFICIENT_FUNDS);
    assertThat(((BookReply.BookRefused) repeated).error())
        .isEqualTo(MarketError.INSUFFICIENT_FUNDS);
    assertThat(kit.holdings(buyer).copper()).isEqualTo(1_010);
  }

  @Test
  void aMalformedKeyIsRefusedBeforeAnythingIsAsked() {
    String seller = kit.player();
    assertThatThrownBy(
            () ->
                await(
                    kit.economy.openListing(
                        "capital", seller, "copper_ore", 1, 10, 1, "bad key with spaces")))
        .isInstanceOf(MarketException.class)
        .hasMessageContaining("idempotency key");
  }

  private static AuctionReply auction(String seller, long startPrice, String key) {
    return await(
        kit.exchange.createAuction(
            null, seller, "silver_ring", 1, startPrice, 10, 0, 0, Duration.ofHours(1), key));
  }

  @Test
  void aRepeatedKeyedAuctionIsTheSameAuctionAndEscrowsTheItemOnce() {
    String seller = kit.player();
    kit.grant(seller, 0, List.of(new ItemStack("silver_ring", 2)));

    AuctionView first = ((AuctionReply.AuctionDone) auction(seller, 100, "auction-1")).auction();
    AuctionView again = ((AuctionReply.AuctionDone) auction(seller, 100, "auction-1")).auction();
    AuctionReply other = auction(seller, 200, "auction-1");

    assertThat(again.auctionId()).isEqualTo(first.auctionId());
    assertThat(again.status()).isEqualTo(first.status());
    assertThat(kit.holdings(seller).items()).containsEntry("silver_ring", 1);
    assertThat(((AuctionReply.AuctionRefused) other).error())
        .isEqualTo(MarketError.IDEMPOTENCY_KEY_REUSED);
  }
}
