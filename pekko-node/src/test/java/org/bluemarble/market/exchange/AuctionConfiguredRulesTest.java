package org.bluemarble.market.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bluemarble.market.exchange.ExchangeKit.await;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.List;
import org.bluemarble.config.SettingsException;
import org.bluemarble.market.MarketError;
import org.bluemarble.market.inventory.ItemStack;
import org.bluemarble.market.node.EconomySettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code bluemarble.market.auctions} read by {@link EconomySettings} and honoured by the auction
 * houses: a configured anti-sniping window and duration range instead of the defaults.
 */
class AuctionConfiguredRulesTest {
  private static ExchangeKit kit;

  private static Config config(String auctions) {
    return ConfigFactory.parseString("bluemarble.market.auctions {" + auctions + "}")
        .withFallback(ConfigFactory.defaultReference())
        .resolve();
  }

  @BeforeAll
  static void start() {
    AuctionSettings rules =
        EconomySettings.fromConfig(
                config("sniping-window = 12m, min-duration = 2m, max-duration = 2h"))
            .auctions();
    kit = new ExchangeKit("AuctionConfiguredRulesTest", rules);
  }

  @AfterAll
  static void stop() {
    kit.shutdown();
  }

  @Test
  void theReferenceDefaultsAreFiveMinutesAndOneMinuteToSevenDays() {
    assertThat(EconomySettings.fromConfig(config("")).auctions())
        .isEqualTo(AuctionSettings.DEFAULT);
  }

  @Test
  void aBidInsideTheConfiguredWindowMovesTheEndByThatWindow() {
    String seller = kit.player();
    kit.grant(seller, 0, List.of(new ItemStack("silver_ring", 1)));
    String bidder = kit.player();
    kit.grant(bidder, 1_000, List.of());
    AuctionReply created =
        await(
            kit.exchange.createAuction(
                null, seller, "silver_ring", 1, 100, 10, 0, 0, Duration.ofMinutes(30)));
    AuctionView a = ((AuctionReply.AuctionDone) created).auction();
    kit.clock.advance(Duration.ofMinutes(20));
    AuctionReply bid = await(kit.exchange.bid(a.auctionId(), bidder, 100));
    assertThat(((AuctionReply.AuctionDone) bid).auction().endsAt())
        .as("10 minutes before the end is inside a 12-minute window")
        .isEqualTo(kit.clock.instant().plus(Duration.ofMinutes(12)));
    kit.clock.advance(Duration.ofMinutes(12));
    kit.eventually(
        () ->
            assertThat(kit.holdings(bidder).items())
                .as("settled at the moved end")
                .containsEntry("silver_ring", 1));
    kit.balancedAudit();
  }

  @Test
  void aDurationOutsideTheConfiguredRangeIsRefused() {
    String seller = kit.player();
    kit.grant(seller, 0, List.of(new ItemStack("silver_ring", 1)));
    for (Duration d : List.of(Duration.ofMinutes(1), Duration.ofHours(3))) {
      AuctionReply r =
          await(kit.exchange.createAuction(null, seller, "silver_ring", 1, 100, 10, 0, 0, d));
      assertThat(((AuctionReply.AuctionRefused) r).error()).isEqualTo(MarketError.INVALID_DURATION);
    }
    kit.balancedAudit();
  }

  @Test
  void anInvalidAuctionSettingFailsNamingItsKey() {
    assertThatThrownBy(() -> EconomySettings.fromConfig(config("sniping-window = 2h")))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("bluemarble.market.auctions.sniping-window");
    assertThatThrownBy(
            () -> EconomySettings.fromConfig(config("min-duration = 2h, max-duration = 1h")))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("bluemarble.market.auctions.max-duration");
  }
}
