package org.bluemarble.market.listing;

import java.time.Instant;

/**
 * One completed purchase in a market: what changed hands, for how much, and the fee the seller
 * paid.
 */
public record Sale(
    String listingId,
    String marketId,
    String seller,
    String buyer,
    String itemId,
    long quantity,
    long price,
    long fee,
    Instant at) {}
