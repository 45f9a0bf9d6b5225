package org.bluemarble.market.node;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.time.Duration;
import java.util.List;
import org.bluemarble.market.EconomyConfig;
import org.bluemarble.market.MarketException;
import org.bluemarble.market.MarketSettings;
import org.bluemarble.market.Money;
import org.bluemarble.market.TrustTier;
import org.bluemarble.market.exchange.AuctionSettings;
import org.bluemarble.market.inventory.ItemCatalog;

/**
 * {@code bluemarble.market} read once at start: the entities' {@link EconomyConfig}, the auction
 * houses' {@link AuctionSettings} ({@code auctions.*}) plus the payments webhook's secret (empty:
 * no webhook), tolerance and largest credit per event. Invalid values fail with a message naming
 * the key.
 */
public record EconomySettings(
    EconomyConfig economy,
    AuctionSettings auctions,
    String paymentsSecret,
    Duration tolerance,
    long maxCreditPerEvent) {

  /** Whether the payments webhook is served: only with a configured secret. */
  public boolean paymentsEnabled() {
    return !paymentsSecret.isEmpty();
  }

  public static EconomySettings fromConfig(Config root) {
    Config c = root.getConfig("bluemarble.market");
    try {
      List<String> markets = c.getStringList("markets");
      for (String m : markets) {
        if (!m.matches("[a-z0-9-]{1,32}")) {
          throw invalid("markets", m, "names of 1-32 characters a-z, 0-9, -");
        }
      }
      MarketSettings fees;
      try {
        fees =
            new MarketSettings(
                c.getInt("listing-fee-basis-points"), c.getInt("transaction-fee-basis-points"));
      } catch (MarketException e) {
        throw invalid("listing-fee-basis-points", "", e.getMessage());
      }
      TrustTier tier;
      try {
        tier = TrustTier.valueOf(c.getString("default-trust-tier"));
      } catch (IllegalArgumentException e) {
        throw invalid(
            "default-trust-tier",
            c.getString("default-trust-tier"),
            "one of " + List.of(TrustTier.values()));
      }
      Duration retry = range(c, "retry-interval", Duration.ofMillis(100), Duration.ofMinutes(1));
      Duration ask = range(c, "ask-timeout", Duration.ofMillis(100), Duration.ofMinutes(1));
      Duration tolerance =
          range(c, "payments.tolerance", Duration.ofSeconds(10), Duration.ofHours(1));
      String secret = c.getString("payments.secret");
      if (!secret.isEmpty() && secret.length() < 16) {
        throw invalid(
            "payments.secret", "(hidden)", "empty (no webhook) or at least 16 characters");
      }
      long maxCredit = c.getLong("payments.max-credit-per-event");
      if (maxCredit < 1 || maxCredit > Money.MAX_AMOUNT) {
        throw invalid(
            "payments.max-credit-per-event",
            Long.toString(maxCredit),
            "between 1 and " + Money.MAX_AMOUNT + " copper");
      }
      return new EconomySettings(
          new EconomyConfig(fees, tier, markets, ItemCatalog.loadDefault(), retry, ask),
          auctions(c),
          secret,
          tolerance,
          maxCredit);
    } catch (ConfigException e) {
      throw new IllegalArgumentException("invalid setting: " + e.getMessage(), e);
    }
  }

  /**
   * {@code auctions.*}: each within its own bounds, and min-duration no longer than max-duration.
   */
  private static AuctionSettings auctions(Config c) {
    Duration window = range(c, "auctions.sniping-window", Duration.ZERO, Duration.ofHours(1));
    Duration min = range(c, "auctions.min-duration", Duration.ofSeconds(10), Duration.ofDays(30));
    Duration max = range(c, "auctions.max-duration", Duration.ofSeconds(10), Duration.ofDays(30));
    if (max.compareTo(min) < 0) {
      throw invalid(
          "auctions.max-duration", max.toString(), "at least auctions.min-duration " + min);
    }
    return new AuctionSettings(window, min, max);
  }

  private static Duration range(Config c, String key, Duration min, Duration max) {
    Duration d = c.getDuration(key);
    if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
      throw invalid(key, d.toString(), "between " + min + " and " + max);
    }
    return d;
  }

  private static IllegalArgumentException invalid(String key, String value, String expected) {
    return new IllegalArgumentException(
        "invalid setting bluemarble.market." + key + " = \"" + value + "\": expected " + expected);
  }
}
