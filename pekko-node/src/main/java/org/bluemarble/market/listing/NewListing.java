package org.bluemarble.market.listing;

import java.util.Objects;
import org.bluemarble.market.Ids;
import org.bluemarble.market.TrustTier;
import org.bluemarble.market.inventory.ItemDefinition;

/**
 * A seller's request to list {@code quantity} of {@code item} for {@code price} copper in total
 * (the whole lot) for {@code duration}, checked against the seller's {@code tier}.
 */
public record NewListing(
    String listingId,
    String seller,
    TrustTier tier,
    ItemDefinition item,
    long quantity,
    long price,
    ListingDuration duration) {
  public NewListing {
    Ids.require("listingId", listingId);
    Ids.require("seller", seller);
    Objects.requireNonNull(tier, "tier");
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(duration, "duration");
  }
}
