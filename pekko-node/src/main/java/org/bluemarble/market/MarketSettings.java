package org.bluemarble.market;

import com.typesafe.config.Config;
import org.bluemarble.config.SettingsReader;

/**
 * Fee configuration of a market, in basis points (100 = 1%): the listing fee must be 1-5%
 * (100..500), the transaction fee defaults to 5% (500).
 */
public record MarketSettings(int listingFeeBasisPoints, int transactionFeeBasisPoints) {
  public static final int MIN_LISTING_FEE_BP = 100;
  public static final int MAX_LISTING_FEE_BP = 500;

  /** 2% listing fee and the 5% transaction fee. */
  public static final MarketSettings DEFAULT = new MarketSettings(200, 500);

  public MarketSettings {
    if (listingFeeBasisPoints < MIN_LISTING_FEE_BP || listingFeeBasisPoints > MAX_LISTING_FEE_BP) {
      throw new MarketException(
          MarketError.INVALID_CONFIG,
          "listingFeeBasisPoints must be 100..500 (1-5%), was " + listingFeeBasisPoints);
    }
    if (transactionFeeBasisPoints < 0 || transactionFeeBasisPoints > 10_000) {
      throw new MarketException(
          MarketError.INVALID_CONFIG,
          "transactionFeeBasisPoints must be 0..10000, was " + transactionFeeBasisPoints);
    }
  }

  /**
   * {@code bluemarble.market.listing-fee-basis-points} (100..500) and {@code
   * transaction-fee-basis-points} (0..10000).
   *
   * @throws org.bluemarble.config.SettingsException naming the first invalid key
   */
  public static MarketSettings fromConfig(Config root) {
    SettingsReader r = new SettingsReader(root);
    return new MarketSettings(
        r.intIn(
            "bluemarble.market.listing-fee-basis-points", MIN_LISTING_FEE_BP, MAX_LISTING_FEE_BP),
        r.intIn("bluemarble.market.transaction-fee-basis-points", 0, 10_000));
  }

  /** Listing fee for {@code price}: rounded up to the whole copper, so at least 1 copper. */
  public long listingFee(long price) {
    return Money.feeRoundedUp(price, listingFeeBasisPoints);
  }

  /** Transaction fee on {@code price}: rounded down, in the seller's favour. */
  public long transactionFee(long price) {
    return Money.feeRoundedDown(price, transactionFeeBasisPoints);
  }
}
