package org.bluemarble.market.listing;

import java.time.Instant;
import java.util.Optional;

/**
 * One buy-now listing: {@code quantity} of {@code itemId} for {@code price} copper in total. The
 * market holds the items while {@link ListingStatus#ACTIVE}.
 */
public record Listing(
    String id,
    String seller,
    String itemId,
    long quantity,
    long price,
    Instant createdAt,
    Instant expiresAt,
    ListingStatus status,
    String buyer) {

  Listing withStatus(ListingStatus next, String newBuyer) {
    return new Listing(id, seller, itemId, quantity, price, createdAt, expiresAt, next, newBuyer);
  }

  Listing withPrice(long newPrice) {
    return new Listing(id, seller, itemId, quantity, newPrice, createdAt, expiresAt, status, buyer);
  }

  /** The buyer once sold. */
  public Optional<String> soldTo() {
    return Optional.ofNullable(buyer);
  }
}
