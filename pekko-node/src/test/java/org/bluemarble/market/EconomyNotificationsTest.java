package org.bluemarble.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bluemarble.market.exchange.ExchangeKit.await;

import java.time.Duration;
import java.util.List;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.bluemarble.chat.Notifications;
import org.bluemarble.chat.SocialNote;
import org.bluemarble.market.exchange.AuctionReply;
import org.bluemarble.market.exchange.BookReply;
import org.bluemarble.market.exchange.ExchangeKit;
import org.bluemarble.market.exchange.Side;
import org.bluemarble.market.inventory.ItemStack;
import org.bluemarble.market.listing.MarketReply;
import org.bluemarble.market.trade.TradeReply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every economy outcome a player is told about reaches that player's {@link Notifications} (kept
 * there while the player is offline, as here): a listing sold, an outbid, a trade offered and an
 * order filled (both sides); and nobody else is told.
 */
class EconomyNotificationsTest {
  private static ExchangeKit kit;

  @BeforeAll
  static void start() {
    kit = new ExchangeKit("EconomyNotificationsTest");
    Notifications.init(kit.testKit.system(), 4);
  }

  @AfterAll
  static void stop() {
    kit.shutdown();
  }

  private static List<SocialNote.Notice> pending(String playerId) {
    return await(
            ClusterSharding.get(kit.testKit.system())
                .entityRefFor(Notifications.ENTITY_KEY, playerId)
                .<Notifications.Waiting>ask(Notifications.Pending::new, ExchangeKit.WAIT))
        .notices();
  }

  private static void eventuallyTold(String playerId, String kind, String subjectId) {
    kit.eventually(
        () ->
            assertThat(pending(playerId))
                .anySatisfy(
                    n -> {
                      assertThat(n.kind()).isEqualTo(kind);
                      assertThat(n.subjectId()).isEqualTo(subjectId);
                      assertThat(n.text()).isNotBlank();
                    }));
  }

  @Test
  void aSoldListingTellsItsSellerAndNotTheBuyer() {
    String seller = kit.player();
    String buyer = kit.player();
    kit.grant(seller, 1_000, List.of(new ItemStack("iron_sword", 1)));
    kit.grant(buyer, 20_000, List.of());
    MarketReply opened =
        await(kit.economy.openListing("capital", seller, "iron_sword", 1, 10_000, 1));
    String id = ((MarketReply.ListingDone) opened).listing().id();
    assertThat(pending(seller)).as("nothing sold yet").isEmpty();
    await(kit.economy.buy(id, buyer));
    eventuallyTold(seller, Notifications.LISTING_SOLD, id);
    assertThat(pending(buyer)).isEmpty();
  }

  @Test
  void anOutbidBidderIsToldOnceAndTheNewHighestBidderIsNot() {
    String seller = kit.player();
    kit.grant(seller, 0, List.of(new ItemStack("jade_amulet", 1)));
    String alice = kit.player();
    String bob = kit.player();
    kit.grant(alice, 5_000, List.of());
    kit.grant(bob, 5_000, List.of());
    AuctionReply created =
        await(
            kit.exchange.createAuction(
                null, seller, "jade_amulet", 1, 1_000, 10, 0, 0, Duration.ofHours(1)));
    String auctionId = ((AuctionReply.AuctionDone) created).auction().auctionId();
    await(kit.exchange.bid(auctionId, alice, 1_000));
    assertThat(pending(alice)).as("the first bid outbids nobody").isEmpty();
    await(kit.exchange.bid(auctionId, bob, 1_500));
    eventuallyTold(alice, Notifications.OUTBID, auctionId);
    assertThat(pending(alice)).hasSize(1);
    assertThat(pending(bob)).isEmpty();
  }

  @Test
  void anOpenedTradeTellsTheOtherPlayer() {
    String first = kit.player();
    String second = kit.player();
    TradeReply r = await(kit.economy.openTrade(first, second));
    String tradeId = ((TradeReply.TradeDone) r).trade().tradeId();
    eventuallyTold(second, Notifications.TRADE_OFFERED, tradeId);
    assertThat(pending(first)).isEmpty();
  }

  @Test
  void aMatchedOrderTellsBothSides() {
    String seller = kit.player();
    String buyer = kit.player();
    kit.book("linen_cloth");
    kit.grant(seller, 0, List.of(new ItemStack("linen_cloth", 5)));
    kit.grant(buyer, 1_000, List.of());
    BookReply sell = await(kit.exchange.placeOrder(null, seller, "linen_cloth", Side.SELL, 10, 5));
    assertThat(pending(seller)).as("resting, not filled").isEmpty();
    BookReply buy = await(kit.exchange.placeOrder(null, buyer, "linen_cloth", Side.BUY, 10, 3));
    String sellId = ((BookReply.OrderDone) sell).order().orderId();
    String buyId = ((BookReply.OrderDone) buy).order().orderId();
    eventuallyTold(seller, Notifications.ORDER_FILLED, sellId);
    eventuallyTold(buyer, Notifications.ORDER_FILLED, buyId);
  }
}
