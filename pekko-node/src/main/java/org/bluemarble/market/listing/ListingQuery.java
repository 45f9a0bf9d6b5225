package org.bluemarble.market.listing;

import org.bluemarble.market.MarketError;
import org.bluemarble.market.MarketException;
import org.bluemarble.node.CborSerializable;

/**
 * Filters and paging of a listings search: each filter null for "any"; {@code activeOnly} false
 * includes sold, cancelled and expired ones; {@code offset}/{@code limit} page the result (sorted
 * by unit price, cheapest first, then by id).
 */
public record ListingQuery(
    String itemId,
    String seller,
    Long minPrice,
    Long maxPrice,
    boolean activeOnly,
    int offset,
    int limit)
    implements CborSerializable {
  public static final int MAX_LIMIT = 200;

  public ListingQuery {
    if (offset < 0) {
      throw new MarketException(MarketError.INVALID_QUANTITY, "offset must be >= 0, was " + offset);
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new MarketException(
          MarketError.INVALID_QUANTITY, "limit must be 1.." + MAX_LIMIT + ", was " + limit);
    }
  }
}
