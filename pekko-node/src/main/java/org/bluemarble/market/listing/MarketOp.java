package org.bluemarble.market.listing;

import java.time.Instant;
import java.util.Objects;
import org.bluemarble.market.holdings.Leg;

/**
 * A market operation that needs a player's money or items first: open a listing (fee and items from
 * the seller), buy one (the price from the buyer) or raise its price (the extra listing fee).
 * Persisted when started, together with the {@code charge} leg, so recovery resumes it; the listing
 * is reserved until the charge is answered. {@code charge} is null when nothing is owed.
 */
public record MarketOp(
    String opId,
    Kind kind,
    String listingId,
    String player,
    String itemId,
    long quantity,
    long price,
    int durationDays,
    String tier,
    Leg charge,
    Instant at) {

  /** What the operation does once charged. */
  public enum Kind {
    OPEN,
    BUY,
    REPRICE
  }

  public MarketOp {
    Objects.requireNonNull(opId, "opId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(listingId, "listingId");
    Objects.requireNonNull(player, "player");
    Objects.requireNonNull(at, "at");
  }
}
