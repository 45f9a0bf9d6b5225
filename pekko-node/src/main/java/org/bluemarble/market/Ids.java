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

  /** The market a listing id ({@code <market>.<n>}) belongs to: the part before the first dot. */
  public static String marketOfListing(String listingId) {
    return beforeFirstDot(listingId, MarketError.LISTING_UNAVAILABLE, "listing");
  }

  /** The auction house an auction id ({@code <market>.<id>}) belongs to. */
  public static String houseOfAuction(String auctionId) {
    return beforeFirstDot(auctionId, MarketError.AUCTION_UNAVAILABLE, "auction");
  }

  /** The order book id of {@code itemId} in {@code market}: {@code <market>.<itemId>}. */
  public static String bookId(String market, String itemId) {
    return market + "." + itemId;
  }

  /** The book an order id ({@code <market>.<item>.<id>}) belongs to: all before the last dot. */
  public static String bookOfOrder(String orderId) {
    int dot = orderId == null ? -1 : orderId.lastIndexOf('.');
    if (dot < 3 || orderId.indexOf('.') == dot) {
      throw new MarketException(
          MarketError.ORDER_UNAVAILABLE,
          "order id must look like <market>.<item>.<id>: " + orderId);
    }
    return orderId.substring(0, dot);
  }

  /** The market of a book id. */
  public static String marketOfBook(String bookId) {
    return bookId.substring(0, bookId.indexOf('.'));
  }

  /** The item of a book id. */
  public static String itemOfBook(String bookId) {
    return bookId.substring(bookId.indexOf('.') + 1);
  }

  private static String beforeFirstDot(String id, MarketError error, String what) {
    int dot = id == null ? -1 : id.indexOf('.');
    if (dot < 1) {
      throw new MarketException(error, what + " id must look like <market>.<id>: " + id);
    }
    return id.substring(0, dot);
  }
}
