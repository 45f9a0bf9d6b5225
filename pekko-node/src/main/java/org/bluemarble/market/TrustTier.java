package org.bluemarble.market;

/**
 * Seller trust tiers from the trust score (0-1000): how many listings may be active at once and the
 * highest total price one listing may ask. Tier bounds are 200 points wide.
 */
public enum TrustTier {
  NEWCOMER(5, Money.of(10, 0, 0)),
  ESTABLISHED(10, Money.of(100, 0, 0)),
  TRUSTED(15, Money.of(1_000, 0, 0)),
  RESPECTED(25, Money.of(10_000, 0, 0)),
  ELITE(50, Money.MAX_AMOUNT);

  public static final int MAX_SCORE = 1000;
  private static final int POINTS_PER_TIER = 200;

  private final int maxActiveListings;
  private final long maxItemValue;

  TrustTier(int maxActiveListings, long maxItemValue) {
    this.maxActiveListings = maxActiveListings;
    this.maxItemValue = maxItemValue;
  }

  public int maxActiveListings() {
    return maxActiveListings;
  }

  /** Highest price (copper, whole listing) a seller of this tier may ask. */
  public long maxItemValue() {
    return maxItemValue;
  }

  /** The tier of a trust score in 0..1000 (0-199 newcomer ... 800-1000 elite). */
  public static TrustTier ofScore(int score) {
    if (score < 0 || score > MAX_SCORE) {
      throw new MarketException(
          MarketError.INVALID_CONFIG, "trust score must be 0.." + MAX_SCORE + ", was " + score);
    }
    return values()[Math.min(score / POINTS_PER_TIER, values().length - 1)];
  }
}
