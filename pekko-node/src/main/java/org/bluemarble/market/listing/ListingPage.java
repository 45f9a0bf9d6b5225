package org.bluemarble.market.listing;

import java.util.List;
import org.bluemarble.node.CborSerializable;

/** One page of a listings search; {@code total} counts every match, not only this page. */
public record ListingPage(List<Listing> listings, int total, int offset, int limit)
    implements CborSerializable {
  public ListingPage {
    listings = List.copyOf(listings);
  }
}
