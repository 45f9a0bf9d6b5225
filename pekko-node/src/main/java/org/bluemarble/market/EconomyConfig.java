package org.bluemarble.market;

import com.typesafe.config.Config;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.bluemarble.config.SettingsException;
import org.bluemarble.config.SettingsReader;
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

  /**
   * {@code bluemarble.market}: the markets (names of 1-32 characters a-z, 0-9, -), the fees ({@link
   * MarketSettings#fromConfig}), the default trust tier, the retry interval and the ask timeout
   * (each 100 ms..1 min); the catalogue is the built-in one.
   *
   * @throws SettingsException naming the first invalid key
   */
  public static EconomyConfig fromConfig(Config root) {
    SettingsReader r = new SettingsReader(root);
    String key = "bluemarble.market.";
    List<String> markets = r.stringList(key + "markets");
    for (String m : markets) {
      if (!m.matches("[a-z0-9-]{1,32}")) {
        throw SettingsException.invalid(key + "markets", m, "names of 1-32 characters a-z, 0-9, -");
      }
    }
    if (markets.isEmpty()) {
      throw SettingsException.invalid(key + "markets", "[]", "at least one market");
    }
    String tierName = r.string(key + "default-trust-tier");
    TrustTier tier;
    try {
      tier = TrustTier.valueOf(tierName);
    } catch (IllegalArgumentException e) {
      throw SettingsException.invalid(
          key + "default-trust-tier", tierName, "one of " + List.of(TrustTier.values()));
    }
    return new EconomyConfig(
        MarketSettings.fromConfig(root),
        tier,
        markets,
        ItemCatalog.loadDefault(),
        r.duration(key + "retry-interval", Duration.ofMillis(100), Duration.ofMinutes(1)),
        r.duration(key + "ask-timeout", Duration.ofMillis(100), Duration.ofMinutes(1)));
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
