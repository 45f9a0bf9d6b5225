package org.bluemarble.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PriceStatisticsTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void summarisesLastVolumeWeightedAverageAndVolumeInsideTheWindow() {
    PriceStatistics stats = new PriceStatistics("iron_ore", Duration.ofHours(1));
    stats.record(new TradeRecord("iron_ore", 100, 10, T0));
    stats.record(new TradeRecord("iron_ore", 200, 30, T0.plusSeconds(60)));
    stats.record(new TradeRecord("iron_ore", 151, 1, T0.plusSeconds(120)));
    PriceSummary s = stats.summary(T0.plusSeconds(600));
    assertThat(s.lastPrice()).isEqualTo(151);
    assertThat(s.volume()).isEqualTo(41);
    assertThat(s.trades()).isEqualTo(3);
    assertThat(s.averagePrice()).isEqualTo((100 * 10 + 200 * 30 + 151) / 41);
    assertThat(s.minPrice()).isEqualTo(100);
    assertThat(s.maxPrice()).isEqualTo(200);
  }

  @Test
  void tradesOlderThanTheWindowDropOutButTheLastPriceStays() {
    PriceStatistics stats = new PriceStatistics("iron_ore", Duration.ofHours(1));
    stats.record(new TradeRecord("iron_ore", 100, 10, T0));
    stats.record(new TradeRecord("iron_ore", 300, 5, T0.plus(Duration.ofMinutes(30))));
    PriceSummary s = stats.summary(T0.plus(Duration.ofMinutes(61)));
    assertThat(s.volume()).isEqualTo(5);
    assertThat(s.averagePrice()).isEqualTo(300);
    PriceSummary empty = stats.summary(T0.plus(Duration.ofHours(3)));
    assertThat(empty.volume()).isZero();
    assertThat(empty.lastPrice()).isEqualTo(300);
  }

  @Test
  void refusesOutOfOrderTradesAndOtherItems() {
    PriceStatistics stats = new PriceStatistics("iron_ore", Duration.ofHours(1));
    stats.record(new TradeRecord("iron_ore", 100, 1, T0));
    assertThat(
            Errors.of(() -> stats.record(new TradeRecord("iron_ore", 100, 1, T0.minusSeconds(1)))))
        .isEqualTo(MarketError.INVALID_CONFIG);
    assertThat(Errors.of(() -> stats.record(new TradeRecord("copper_ore", 100, 1, T0))))
        .isEqualTo(MarketError.UNKNOWN_ITEM);
    assertThat(Errors.of(() -> new PriceStatistics("x", Duration.ZERO)))
        .isEqualTo(MarketError.INVALID_CONFIG);
  }
}
