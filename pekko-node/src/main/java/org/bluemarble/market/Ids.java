package org.bluemarble.market;

/**
 * Validation of the string ids the economy is keyed by (players, listings, orders, auctions,
 * trades): non-blank and at most {@value #MAX_LENGTH} characters, since they end up inside
 * idempotency keys and escrow account names.
 */
public final class Ids {
  public static final int MAX_LENGTH = 128;

  private Ids() {}

  /** Returns {@code value} when it is a usable id, else throws {@link MarketError#INVALID_ID}. */
  public static String require(String field, String value) {
    if (value == null || value.isBlank() || value.length() > MAX_LENGTH) {
      throw new MarketException(
          MarketError.INVALID_ID,
          field + " must be 1.." + MAX_LENGTH + " non-blank characters, was '" + value + "'");
    }
    return value;
  }
}
