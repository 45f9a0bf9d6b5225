package org.bluemarble.market;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.bluemarble.market.inventory.ItemCatalog;

/**
 * What the economy entities need besides their id: fees, the trust tier every seller has until
 * trust scores exist ({@code defaultTier}), the named markets, the item catalogue, how often sagas
 * re-post unanswered legs ({@code retryInterval}) and how long one post waits ({@code askTimeout}).
 */
public record EconomyConfig(
    MarketSettings fees,
    TrustTier defaultTier,
    List<String> markets,
    ItemCatalog catalog,
    Duration retryInterval,
    Duration askTimeout) {
  public EconomyConfig {
    Objects.requireNonNull(fees, "fees");
    Objects.requireNonNull(defaultTier, "defaultTier");
    markets = List.copyOf(markets);
    if (markets.isEmpty()) {
      throw new IllegalArgumentException("bluemarble.market.markets must name at least one market");
    }
    Objects.requireNonNull(catalog, "catalog");
    Objects.requireNonNull(retryInterval, "retryInterval");
    Objects.requireNonNull(askTimeout, "askTimeout");
  }

  /** Defaults for tests and the embedded node: 2 % listing fee, 5 % sales fee, one market. */
  public static EconomyConfig defaults() {
    return new EconomyConfig(
        MarketSettings.DEFAULT,
        TrustTier.ELITE,
        List.of("capital"),
        ItemCatalog.loadDefault(),
        Duration.ofSeconds(1),
        Duration.ofSeconds(5));
  }
}
