package org.bluemarble.market.node;

import com.typesafe.config.Config;
import org.bluemarble.market.EconomyConfig;
import org.bluemarble.market.exchange.AuctionSettings;

/**
 * {@code bluemarble.market}, read once at the node's start, one validated record per concern: the
 * entities' {@link EconomyConfig} (markets, fees, trust tier, saga timing), the auction houses'
 * {@link AuctionSettings} and the payments webhook's {@link PaymentSettings}. An invalid value
 * fails with a {@link org.bluemarble.config.SettingsException} naming the key.
 */
public record EconomySettings(
    EconomyConfig economy, AuctionSettings auctions, PaymentSettings payments) {

  public static EconomySettings fromConfig(Config root) {
    return new EconomySettings(
        EconomyConfig.fromConfig(root),
        AuctionSettings.fromConfig(root),
        PaymentSettings.fromConfig(root));
  }
}
