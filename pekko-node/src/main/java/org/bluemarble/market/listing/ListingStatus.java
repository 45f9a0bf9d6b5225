package org.bluemarble.market.listing;

/** Life cycle of a listing (the companion schema's {@code marketplace_listings.status}). */
public enum ListingStatus {
  ACTIVE,
  SOLD,
  EXPIRED,
  CANCELLED
}
