package org.bluemarble.market.exchange;

import java.time.Instant;
import org.bluemarble.node.CborSerializable;

/**
 * One auction as players see it. {@code status}: PENDING (the item is being escrowed), RUNNING,
 * BOUGHT_OUT (settling), SOLD (the winner got the item, the seller the money less the fee), UNSOLD
 * (no bid or the reserve was not met: the item went back) or REJECTED. {@code endsAt} includes
 * anti-sniping extensions. The reserve itself stays secret; {@code reserveMet} tells whether the
 * highest bid reaches it. Amounts are copper.
 */
public record AuctionView(
    String auctionId,
    String market,
    String seller,
    String itemId,
    long quantity,
    long startPrice,
    long minIncrement,
    long buyoutPrice,
    boolean reserveMet,
    String highestBidder,
    long highestBid,
    int bids,
    Instant endsAt,
    String status,
    String reason)
    implements CborSerializable {}
