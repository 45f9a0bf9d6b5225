package org.bluemarble.market.holdings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bluemarble.market.exchange.ExchangeKit.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.bluemarble.market.EconomyConfig;
import org.bluemarble.market.MarketError;
import org.bluemarble.market.TrustTier;
import org.bluemarble.market.exchange.AuctionReply;
import org.bluemarble.market.exchange.AuctionSettings;
import org.bluemarble.market.exchange.BookReply;
import org.bluemarble.market.exchange.ExchangeKit;
import org.bluemarble.market.exchange.Side;
import org.bluemarble.market.inventory.ItemStack;
import org.bluemarble.market.listing.MarketReply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Trust tiers per player: the default NEWCOMER tier (5 open, 10g) limits resting orders per book,
 * running auctions per house and active listings per market; a player an admin raised to
 * ESTABLISHED (10 open, 100g) is accepted where the newcomer was refused. The ledger balances after
 * each test (refused charges move nothing).
 */
class TrustTierTest {
  private static final long TEN_GOLD = 100_000;
  private static ExchangeKit kit;

  @BeforeAll
  static void start() {
    EconomyConfig d = EconomyConfig.defaults();
    kit =
        new ExchangeKit(
            "TrustTierTest",
            AuctionSettings.DEFAULT,
            new EconomyConfig(
                d.fees(),
                TrustTier.NEWCOMER,
                d.markets(),
                d.catalog(),
                d.retryInterval(),
                d.askTimeout()));
  }

  @AfterAll
  static void stop() {
    kit.shutdown();
  }

  @AfterEach
  void ledgerBalances() {
    kit.balancedAudit();
  }

  private static MarketError orderError(String owner, long price, long quantity) {
    BookReply r = await(kit.exchange.placeOrder(null, owner, "oak_log", Side.BUY, price, quantity));
    return r instanceof BookReply.BookRefused refused ? refused.error() : null;
  }

  private static MarketError auctionError(String seller, long reserve) {
    AuctionReply r =
        await(
            kit.exchange.createAuction(
                null, seller, "linen_cloth", 1, 10, 1, reserve, 0, Duration.ofHours(1)));
    return r instanceof AuctionReply.AuctionRefused refused ? refused.error() : null;
  }

  private static MarketError listingError(String seller, long price) {
    MarketReply r = await(kit.economy.openListing("capital", seller, "torch", 1, price, 1));
    return r instanceof MarketReply.MarketRefused refused ? refused.error() : null;
  }

  private static void upgrade(String player) {
    HoldingsView v = await(kit.economy.setTrustTier(player, TrustTier.ESTABLISHED, "test"));
    assertThat(v.trustTier()).isEqualTo("ESTABLISHED");
  }

  @Test
  void aNewcomerGetsFiveRestingOrdersInABookAndAnUpgradedPlayerTen() {
    kit.book("oak_log");
    String p = kit.player();
    kit.grant(p, 1_000_000, List.of());
    for (int i = 0; i < 5; i++) {
      assertThat(orderError(p, 10, 1)).as("order %d", i + 1).isNull();
    }
    assertThat(orderError(p, 10, 1)).isEqualTo(MarketError.LISTING_LIMIT_REACHED);
    assertThat(orderError(p, TEN_GOLD / 2 + 1, 2))
        .as("an order worth more than 10g")
        .isEqualTo(MarketError.ITEM_VALUE_LIMIT_EXCEEDED);
    assertThat(kit.holdings(p).copper()).as("5 orders escrowed").isEqualTo(1_000_000 - 50);

    upgrade(p);
    assertThat(orderError(p, 10, 1)).isNull();
    assertThat(orderError(p, TEN_GOLD / 2 + 1, 2)).isNull();
  }

  @Test
  void aNewcomerGetsFiveRunningAuctionsAndReservesUpToTenGold() {
    String p = kit.player();
    kit.grant(p, 0, List.of(new ItemStack("linen_cloth", 10)));
    for (int i = 0; i < 5; i++) {
      assertThat(auctionError(p, 0)).as("auction %d", i + 1).isNull();
    }
    assertThat(auctionError(p, 0)).isEqualTo(MarketError.LISTING_LIMIT_REACHED);

    String q = kit.player();
    kit.grant(q, 0, List.of(new ItemStack("linen_cloth", 1)));
    assertThat(auctionError(q, TEN_GOLD + 1)).isEqualTo(MarketError.ITEM_VALUE_LIMIT_EXCEEDED);
    assertThat(kit.holdings(q).items()).as("item not escrowed").containsEntry("linen_cloth", 1);

    upgrade(p);
    upgrade(q);
    assertThat(auctionError(p, 0)).isNull();
    assertThat(auctionError(q, TEN_GOLD + 1)).isNull();
    kit.clock.advance(Duration.ofHours(2));
    kit.eventually(() -> assertThat(kit.holdings(p).items()).containsEntry("linen_cloth", 10));
    kit.eventually(() -> assertThat(kit.holdings(q).items()).containsEntry("linen_cloth", 1));
  }

  @Test
  void aNewcomerGetsFiveActiveListingsAndAnUpgradedPlayerMore() {
    String p = kit.player();
    kit.grant(p, 100_000, List.of(new ItemStack("torch", 10)));
    for (int i = 0; i < 5; i++) {
      assertThat(listingError(p, 100 + i)).as("listing %d", i + 1).isNull();
    }
    assertThat(listingError(p, 200)).isEqualTo(MarketError.LISTING_LIMIT_REACHED);
    assertThat(listingError(p, TEN_GOLD + 1)).isEqualTo(MarketError.ITEM_VALUE_LIMIT_EXCEEDED);
    upgrade(p);
    assertThat(listingError(p, 200)).isNull();
    assertThat(listingError(p, TEN_GOLD + 1)).isNull();
    assertThat(kit.holdings(p).trustTier()).isEqualTo("ESTABLISHED");
  }

  @Test
  void openingsSentAtOnceCountEachOtherAgainstTheLimit() {
    String p = kit.player();
    kit.grant(p, 100_000, List.of(new ItemStack("torch", 10)));
    // All eight reach the market before any is flushed, so most of them start in one batch.
    List<CompletableFuture<MarketReply>> replies = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      replies.add(
          kit.economy.openListing("capital", p, "torch", 1, 100 + i, 1).toCompletableFuture());
    }
    List<MarketReply> answers = replies.stream().map(CompletableFuture::join).toList();
    assertThat(answers.stream().filter(r -> r instanceof MarketReply.ListingDone).count())
        .isEqualTo(5);
    assertThat(answers)
        .filteredOn(r -> r instanceof MarketReply.MarketRefused)
        .allMatch(
            r -> ((MarketReply.MarketRefused) r).error() == MarketError.LISTING_LIMIT_REACHED);
  }
}
