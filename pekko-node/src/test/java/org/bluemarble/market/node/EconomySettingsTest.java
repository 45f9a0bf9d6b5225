package org.bluemarble.market.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.List;
import org.bluemarble.config.SettingsException;
import org.bluemarble.market.MarketSettings;
import org.bluemarble.market.TrustTier;
import org.bluemarble.market.exchange.AuctionSettings;
import org.junit.jupiter.api.Test;

/** {@code bluemarble.market} read into one record per concern, every bad value named by its key. */
class EconomySettingsTest {

  private static Config market(String overrides) {
    return ConfigFactory.parseString("bluemarble.market {" + overrides + "}")
        .withFallback(ConfigFactory.defaultReference())
        .resolve();
  }

  @Test
  void theShippedDefaultsReadIntoTheirRecords() {
    EconomySettings s = EconomySettings.fromConfig(market(""));
    assertThat(s.economy().markets()).containsExactly("capital", "harbor", "highlands");
    assertThat(s.economy().fees()).isEqualTo(new MarketSettings(200, 500));
    assertThat(s.economy().defaultTier()).isEqualTo(TrustTier.NEWCOMER);
    assertThat(s.economy().retryInterval()).isEqualTo(Duration.ofSeconds(1));
    assertThat(s.economy().askTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(s.auctions()).isEqualTo(AuctionSettings.DEFAULT);
    assertThat(s.payments().enabled()).isFalse();
    assertThat(s.payments().maxCreditPerEvent()).isEqualTo(1_000_000);
    assertThat(s.payments().tolerance()).isEqualTo(Duration.ofSeconds(300));
  }

  @Test
  void eachConcernReadsItsOwnKeys() {
    Config c =
        market(
            "markets = [north], listing-fee-basis-points = 300, auctions.sniping-window = 1m,"
                + " payments.secret = \"0123456789abcdef\"");
    assertThat(MarketSettings.fromConfig(c).listingFeeBasisPoints()).isEqualTo(300);
    assertThat(AuctionSettings.fromConfig(c).snipingWindow()).isEqualTo(Duration.ofMinutes(1));
    assertThat(PaymentSettings.fromConfig(c).enabled()).isTrue();
    assertThat(EconomySettings.fromConfig(c).economy().markets()).isEqualTo(List.of("north"));
  }

  @Test
  void anInvalidValueIsRefusedWithItsKey() {
    for (String[] bad :
        List.of(
            new String[] {"listing-fee-basis-points = 50", "listing-fee-basis-points"},
            new String[] {"transaction-fee-basis-points = 10001", "transaction-fee-basis-points"},
            new String[] {"markets = [\"Capital City\"]", "markets"},
            new String[] {"markets = []", "markets"},
            new String[] {"default-trust-tier = GOLD", "default-trust-tier"},
            new String[] {"retry-interval = 10ms", "retry-interval"},
            new String[] {"ask-timeout = 2m", "ask-timeout"},
            new String[] {"payments.secret = short", "payments.secret"},
            new String[] {"payments.max-credit-per-event = 0", "payments.max-credit-per-event"},
            new String[] {"payments.tolerance = 1s", "payments.tolerance"})) {
      assertThatThrownBy(() -> EconomySettings.fromConfig(market(bad[0])))
          .as(bad[0])
          .isInstanceOf(SettingsException.class)
          .hasMessageContaining("bluemarble.market." + bad[1]);
    }
  }
}
