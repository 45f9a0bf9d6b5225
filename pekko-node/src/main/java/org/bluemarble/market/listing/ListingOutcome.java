package org.bluemarble.market.listing;

import org.bluemarble.market.Settlement;

/** A listing after a decision, with the money and item moves the decision requires. */
public record ListingOutcome(Listing listing, Settlement settlement) {}
