package org.bluemarble.market.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bluemarble.market.exchange.ExchangeKit.await;

import java.util.List;
import org.bluemarble.market.MarketError;
import org.bluemarble.market.MarketException;
import org.bluemarble.market.holdings.HoldingsView;
import org.bluemarble.market.inventory.ItemStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Order books through Cluster Sharding: escrow through the holdings, matching at the maker's price,
 * the seller-paid fee per fill, refunds of a better price, partial fills and cancels; the ledger
 * audit balances (money and items) after every test.
 */
class OrderBookEntityTest {
  private static ExchangeKit kit;

  @BeforeAll
  static void start() {
    kit = new ExchangeKit("OrderBookEntityTest");
  }

  @AfterAll
  static void stop() {
    kit.shutdown();
  }

  @AfterEach
  void ledgerBalances() {
    kit.balancedAudit();
  }

  private static OrderView place(String owner, String item, Side side, long price, long quantity) {
    kit.book(item);
    BookReply r = await(kit.exchange.placeOrder(null, owner, item, side, price, quantity));
    assertThat(r).isInstanceOf(BookReply.OrderDone.class);
    return ((BookReply.OrderDone) r).order();
  }

  @Test
  void aBuyFillsAtTheRestingSellPriceWithFeeFromTheSellerAndRefundOfTheDifference() {
    String seller = kit.player();
    String buyer = kit.player();
    kit.grant(seller, 0, List.of(new ItemStack("iron_ore", 10)));
    kit.grant(buyer, 1_000, List.of());

    OrderView ask = place(seller, "iron_ore", Side.SELL, 100, 10);
    assertThat(ask.status()).isEqualTo("OPEN");
    assertThat(kit.holdings(seller).items()).doesNotContainKey("iron_ore");

    OrderView bid = place(buyer, "iron_ore", Side.BUY, 120, 6);
    assertThat(bid.status()).isEqualTo("FILLED");
    assertThat(bid.filled()).isEqualTo(6);

    kit.eventually(
        () -> {
          HoldingsView b = kit.holdings(buyer);
          assertThat(b.items()).containsEntry("iron_ore", 6);
          assertThat(b.copper()).as("paid 6 x 100, refunded 6 x 20").isEqualTo(1_000 - 600);
          assertThat(kit.holdings(seller).copper()).as("600 less the 5 % fee").isEqualTo(570);
        });
    BookReply sellerOrder = await(kit.exchange.order(ask.orderId()));
    assertThat(((BookReply.OrderDone) sellerOrder).order().filled()).isEqualTo(6);
    assertThat(((BookReply.OrderDone) sellerOrder).order().remaining()).isEqualTo(4);

    BookDepth depth = await(kit.exchange.depth(null, "iron_ore", 10));
    assertThat(depth.asks()).containsExactly(new BookDepth.Level(100, 4, 1));
    assertThat(depth.prices().lastPrice()).isEqualTo(100);
    assertThat(depth.prices().volume()).isEqualTo(6);

    BookReply cancelled = await(kit.exchange.cancelOrder(ask.orderId(), seller));
    assertThat(((BookReply.OrderDone) cancelled).order().status()).isEqualTo("CANCELLED");
    kit.eventually(() -> assertThat(kit.holdings(seller).items()).containsEntry("iron_ore", 4));
  }

  @Test
  void aSellSweepsSeveralBidLevelsBestPriceFirstAndRestsTheRest() {
    String seller = kit.player();
    String highBuyer = kit.player();
    String lowBuyer = kit.player();
    kit.grant(seller, 0, List.of(new ItemStack("copper_ore", 20)));
    kit.grant(highBuyer, 500, List.of());
    kit.grant(lowBuyer, 500, List.of());
    place(lowBuyer, "copper_ore", Side.BUY, 10, 5);
    place(highBuyer, "copper_ore", Side.BUY, 20, 5);

    OrderView sell = place(seller, "copper_ore", Side.SELL, 10, 12);
    assertThat(sell.filled()).isEqualTo(10);
    assertThat(sell.status()).isEqualTo("OPEN");

    BookDepth depth = await(kit.exchange.depth(null, "copper_ore", 5));
    assertThat(depth.bids()).isEmpty();
    assertThat(depth.asks()).containsExactly(new BookDepth.Level(10, 2, 1));
    kit.eventually(
        () -> {
          assertThat(kit.holdings(highBuyer).items()).containsEntry("copper_ore", 5);
          assertThat(kit.holdings(lowBuyer).items()).containsEntry("copper_ore", 5);
          // 5 x 20 = 100 (fee 5) and 5 x 10 = 50 (fee 2, rounded down)
          assertThat(kit.holdings(seller).copper()).isEqualTo(95 + 48);
        });
    await(kit.exchange.cancelOrder(sell.orderId(), seller));
  }

  @Test
  void cancellingABuyReturnsTheUnfilledEscrow() {
    String buyer = kit.player();
    kit.grant(buyer, 1_000, List.of());
    OrderView bid = place(buyer, "oak_log", Side.BUY, 30, 10);
    assertThat(kit.holdings(buyer).copper()).isEqualTo(700);

    BookReply r = await(kit.exchange.cancelOrder(bid.orderId(), buyer));
    assertThat(((BookReply.OrderDone) r).order().status()).isEqualTo("CANCELLED");
    kit.eventually(() -> assertThat(kit.holdings(buyer).copper()).isEqualTo(1_000));
    BookReply again = await(kit.exchange.cancelOrder(bid.orderId(), buyer));
    assertThat(((BookReply.BookRefused) again).error()).isEqualTo(MarketError.ORDER_UNAVAILABLE);
  }

  @Test
  void onlyTheOwnerMayCancel() {
    String owner = kit.player();
    String stranger = kit.player();
    kit.grant(owner, 100, List.of());
    OrderView bid = place(owner, "torch", Side.BUY, 10, 1);
    BookReply r = await(kit.exchange.cancelOrder(bid.orderId(), stranger));
    assertThat(((BookReply.BookRefused) r).error()).isEqualTo(MarketError.NOT_OWNER);
    await(kit.exchange.cancelOrder(bid.orderId(), owner));
  }

  @Test
  void anOrderTheHoldingsCannotCoverIsRejectedAndChangesNothing() {
    String poor = kit.player();
    kit.grant(poor, 50, List.of(new ItemStack("linen_cloth", 2)));
    kit.book("linen_cloth");
    BookReply buy = await(kit.exchange.placeOrder(null, poor, "linen_cloth", Side.BUY, 10, 6));
    assertThat(((BookReply.BookRefused) buy).error()).isEqualTo(MarketError.INSUFFICIENT_FUNDS);
    BookReply sell = await(kit.exchange.placeOrder(null, poor, "linen_cloth", Side.SELL, 10, 3));
    assertThat(((BookReply.BookRefused) sell).error())
        .isEqualTo(MarketError.INSUFFICIENT_INVENTORY);
    assertThat(kit.holdings(poor).copper()).isEqualTo(50);
    assertThat(kit.holdings(poor).items()).containsEntry("linen_cloth", 2);
    BookReply mine = await(kit.exchange.orders(null, "linen_cloth", poor, 10));
    assertThat(((BookReply.OrdersDone) mine).orders())
        .extracting(OrderView::status)
        .containsExactly("REJECTED", "REJECTED");
  }

  @Test
  void untradeableAndUnknownItemsAreRefusedBeforeAnyEscrow() {
    String p = kit.player();
    BookReply bound =
        await(kit.exchange.placeOrder(null, p, "band_of_the_first_tide", Side.BUY, 10, 1));
    assertThat(((BookReply.BookRefused) bound).error()).isEqualTo(MarketError.NOT_TRADEABLE);
    assertThatThrownBy(() -> await(kit.exchange.placeOrder(null, p, "nope", Side.BUY, 10, 1)))
        .isInstanceOf(MarketException.class)
        .hasMessageContaining("unknown item nope");
    BookReply zero = await(kit.exchange.placeOrder(null, p, "torch", Side.BUY, 10, 0));
    assertThat(((BookReply.BookRefused) zero).error()).isEqualTo(MarketError.INVALID_QUANTITY);
  }

  @Test
  void aBuyReachingTheOwnersOwnAskIsCancelledThereAndItsEscrowReturned() {
    String trader = kit.player();
    kit.grant(trader, 1_000, List.of(new ItemStack("fishing_lure", 5)));
    OrderView ask = place(trader, "fishing_lure", Side.SELL, 50, 5);
    OrderView bid = place(trader, "fishing_lure", Side.BUY, 60, 4);
    assertThat(bid.status()).isEqualTo("CANCELLED");
    assertThat(bid.filled()).isZero();
    assertThat(bid.reason()).startsWith("SELF_TRADE");
    kit.eventually(() -> assertThat(kit.holdings(trader).copper()).isEqualTo(1_000));
    BookReply still = await(kit.exchange.order(ask.orderId()));
    assertThat(((BookReply.OrderDone) still).order().remaining()).isEqualTo(5);
  }
}
