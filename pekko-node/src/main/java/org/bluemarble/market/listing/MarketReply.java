package org.bluemarble.market.listing;

import org.bluemarble.market.MarketError;
import org.bluemarble.node.CborSerializable;

/** What a {@link Market} answers to a listing command: the listing after it, or why not. */
public sealed interface MarketReply extends CborSerializable {

  /** Done; {@code listing} is the listing as it is now. */
  record ListingDone(Listing listing) implements MarketReply {}

  /** Refused; nothing changed hands. */
  record MarketRefused(MarketError error, String message) implements MarketReply {}
}
