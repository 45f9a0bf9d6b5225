package org.bluemarble.market.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bluemarble.market.exchange.ExchangeKit.await;

import java.time.Duration;
import java.util.List;
import org.bluemarble.market.MarketError;
import org.bluemarble.market.inventory.ItemStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Auctions through Cluster Sharding on a hand-moved clock: escrow of the item and of every bid,
 * refund of the outbid, anti-sniping, buyout, settlement at the deadline with the seller-paid fee,
 * reserve not met; the ledger audit balances (money and items) after every test.
 */
class AuctionHouseTest {
  private static ExchangeKit kit;

  @BeforeAll
  static void start() {
    kit = new ExchangeKit("AuctionHouseTest");
  }

  @AfterAll
  static void stop() {
    kit.shutdown();
  }

  @AfterEach
  void ledgerBalances() {
    kit.balancedAudit();
  }

  private static AuctionView create(
      String seller, long start, long reserve, long buyout, Duration duration) {
    AuctionReply r =
        await(
            kit.exchange.createAuction(
                null, seller, "jade_amulet", 1, start, 10, reserve, buyout, duration));
    assertThat(r).as(r.toString()).isInstanceOf(AuctionReply.AuctionDone.class);
    return ((AuctionReply.AuctionDone) r).auction();
  }

  private static AuctionView bid(String auctionId, String bidder, long amount) {
    AuctionReply r = await(kit.exchange.bid(auctionId, bidder, amount));
    assertThat(r).as(r.toString()).isInstanceOf(AuctionReply.AuctionDone.class);
    return ((AuctionReply.AuctionDone) r).auction();
  }

  private static AuctionView view(String auctionId) {
    return ((AuctionReply.AuctionDone) await(kit.exchange.auction(auctionId))).auction();
  }

  private static String sellerWithAmulet() {
    String seller = kit.player();
    kit.grant(seller, 0, List.of(new ItemStack("jade_amulet", 1)));
    return seller;
  }

  private static String bidder(long copper) {
    String p = kit.player();
    kit.grant(p, copper, List.of());
    return p;
  }

  @Test
  void theWinnerPaysAndGetsTheItemAndTheSellerGetsThePriceLessTheFeeAtTheDeadline() {
    String seller = sellerWithAmulet();
    String alice = bidder(5_000);
    AuctionView a = create(seller, 1_000, 0, 0, Duration.ofHours(1));
    assertThat(a.status()).isEqualTo("RUNNING");
    assertThat(kit.holdings(seller).items()).doesNotContainKey("jade_amulet");

    bid(a.auctionId(), alice, 2_000);
    assertThat(kit.holdings(alice).copper()).as("bid escrowed").isEqualTo(3_000);

    kit.clock.advance(Duration.ofHours(1));
    kit.eventually(() -> assertThat(view(a.auctionId()).status()).isEqualTo("SOLD"));
    kit.eventually(
        () -> {
          assertThat(kit.holdings(alice).items()).containsEntry("jade_amulet", 1);
          assertThat(kit.holdings(alice).copper()).isEqualTo(3_000);
          assertThat(kit.holdings(seller).copper()).isEqualTo(2_000 - 100);
        });
  }

  @Test
  void anOutbidBidderIsRefundedAtOnce() {
    String seller = sellerWithAmulet();
    String alice = bidder(5_000);
    String bob = bidder(5_000);
    AuctionView a = create(seller, 1_000, 0, 0, Duration.ofHours(1));
    bid(a.auctionId(), alice, 1_000);
    AuctionReply tooLow = await(kit.exchange.bid(a.auctionId(), bob, 1_005));
    assertThat(((AuctionReply.AuctionRefused) tooLow).error()).isEqualTo(MarketError.BID_TOO_LOW);

    AuctionView after = bid(a.auctionId(), bob, 1_500);
    assertThat(after.highestBidder()).isEqualTo(bob);
    assertThat(after.bids()).isEqualTo(2);
    kit.eventually(() -> assertThat(kit.holdings(alice).copper()).isEqualTo(5_000));
    assertThat(kit.holdings(bob).copper()).isEqualTo(3_500);

    kit.clock.advance(Duration.ofHours(2));
    kit.eventually(() -> assertThat(view(a.auctionId()).status()).isEqualTo("SOLD"));
    kit.eventually(() -> assertThat(kit.holdings(bob).items()).containsEntry("jade_amulet", 1));
  }

  @Test
  void aBidInTheLastMinutesExtendsTheEndSoOthersCanAnswer() {
    String seller = sellerWithAmulet();
    String alice = bidder(5_000);
    String bob = bidder(5_000);
    AuctionView a = create(seller, 100, 0, 0, Duration.ofMinutes(30));
    kit.clock.advance(Duration.ofMinutes(29));
    AuctionView sniped = bid(a.auctionId(), alice, 100);
    assertThat(sniped.endsAt()).isEqualTo(kit.clock.instant().plus(Duration.ofMinutes(5)));

    kit.clock.advance(Duration.ofMinutes(4));
    AuctionView answered = bid(a.auctionId(), bob, 200);
    assertThat(answered.status()).as("still running after the original end").isEqualTo("RUNNING");
    assertThat(answered.endsAt()).isEqualTo(kit.clock.instant().plus(Duration.ofMinutes(5)));

    kit.clock.advance(Duration.ofMinutes(5));
    kit.eventually(() -> assertThat(view(a.auctionId()).status()).isEqualTo("SOLD"));
    AuctionReply late = await(kit.exchange.bid(a.auctionId(), alice, 1_000));
    assertThat(((AuctionReply.AuctionRefused) late).error()).isEqualTo(MarketError.AUCTION_CLOSED);
    kit.eventually(() -> assertThat(kit.holdings(bob).items()).containsEntry("jade_amulet", 1));
  }

  @Test
  void whenTheReserveIsNotMetTheItemGoesBackAndTheBidIsRefunded() {
    String seller = sellerWithAmulet();
    String alice = bidder(5_000);
    AuctionView a = create(seller, 100, 3_000, 0, Duration.ofHours(1));
    assertThat(bid(a.auctionId(), alice, 500).reserveMet()).isFalse();

    kit.clock.advance(Duration.ofHours(1));
    kit.eventually(() -> assertThat(view(a.auctionId()).status()).isEqualTo("UNSOLD"));
    kit.eventually(
        () -> {
          assertThat(kit.holdings(seller).items()).containsEntry("jade_amulet", 1);
          assertThat(kit.holdings(seller).copper()).isZero();
          assertThat(kit.holdings(alice).copper()).isEqualTo(5_000);
          assertThat(kit.holdings(alice).items()).doesNotContainKey("jade_amulet");
        });
  }

  @Test
  void anAuctionWithoutBidsReturnsTheItem() {
    String seller = sellerWithAmulet();
    AuctionView a = create(seller, 100, 0, 0, Duration.ofMinutes(1));
    kit.clock.advance(Duration.ofMinutes(1));
    kit.eventually(() -> assertThat(view(a.auctionId()).status()).isEqualTo("UNSOLD"));
    kit.eventually(() -> assertThat(kit.holdings(seller).items()).containsEntry("jade_amulet", 1));
  }

  @Test
  void aBuyoutEndsTheAuctionAtOnceAndRefundsTheStandingBid() {
    String seller = sellerWithAmulet();
    String alice = bidder(5_000);
    String bob = bidder(5_000);
    AuctionView a = create(seller, 100, 0, 4_000, Duration.ofDays(1));
    bid(a.auctionId(), alice, 300);
    AuctionReply r = await(kit.exchange.buyout(a.auctionId(), bob));
    AuctionView bought = ((AuctionReply.AuctionDone) r).auction();
    assertThat(bought.status()).isEqualTo("SOLD");
    assertThat(bought.highestBid()).isEqualTo(4_000);
    kit.eventually(
        () -> {
          assertThat(kit.holdings(bob).items()).containsEntry("jade_amulet", 1);
          assertThat(kit.holdings(bob).copper()).isEqualTo(1_000);
          assertThat(kit.holdings(alice).copper()).isEqualTo(5_000);
          assertThat(kit.holdings(seller).copper()).isEqualTo(4_000 - 200);
        });
  }

  @Test
  void theSellerCannotBidAndABidWithoutFundsIsRefusedWithoutChangingTheAuction() {
    String seller = sellerWithAmulet();
    String poor = bidder(50);
    AuctionView a = create(seller, 100, 0, 0, Duration.ofMinutes(10));
    AuctionReply self = await(kit.exchange.bid(a.auctionId(), seller, 500));
    assertThat(((AuctionReply.AuctionRefused) self).error()).isEqualTo(MarketError.SELF_TRADE);
    AuctionReply broke = await(kit.exchange.bid(a.auctionId(), poor, 100));
    assertThat(((AuctionReply.AuctionRefused) broke).error())
        .isEqualTo(MarketError.INSUFFICIENT_FUNDS);
    assertThat(view(a.auctionId()).bids()).isZero();
    AuctionReply noBuyout = await(kit.exchange.buyout(a.auctionId(), poor));
    assertThat(((AuctionReply.AuctionRefused) noBuyout).error())
        .isEqualTo(MarketError.INVALID_AMOUNT);
    kit.clock.advance(Duration.ofMinutes(10));
    kit.eventually(() -> assertThat(view(a.auctionId()).status()).isEqualTo("UNSOLD"));
  }

  @Test
  void aDurationOutsideOneMinuteToSevenDaysIsRefused() {
    String seller = sellerWithAmulet();
    AuctionReply r =
        await(
            kit.exchange.createAuction(
                null, seller, "jade_amulet", 1, 100, 10, 0, 0, Duration.ofDays(8)));
    assertThat(((AuctionReply.AuctionRefused) r).error()).isEqualTo(MarketError.INVALID_DURATION);
    AuctionReply list = await(kit.exchange.auctions(null, "jade_amulet", true, 50));
    assertThat(((AuctionReply.AuctionsDone) list).auctions())
        .noneMatch(v -> v.seller().equals(seller));
  }
}
