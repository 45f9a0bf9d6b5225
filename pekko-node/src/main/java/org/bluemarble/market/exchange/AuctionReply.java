package org.bluemarble.market.exchange;

import java.util.List;
import org.bluemarble.market.MarketError;
import org.bluemarble.market.MarketException;
import org.bluemarble.node.CborSerializable;

/** What an {@link AuctionHouse} answers: the auction(s), or why not. */
public sealed interface AuctionReply extends CborSerializable {

  /** Done; {@code auction} as it is now. */
  record AuctionDone(AuctionView auction) implements AuctionReply {}

  /** Auctions of a house, ending soonest first. */
  record AuctionsDone(List<AuctionView> auctions) implements AuctionReply {
    public AuctionsDone {
      auctions = List.copyOf(auctions);
    }
  }

  /** Refused; nothing changed hands. */
  record AuctionRefused(MarketError error, String message) implements AuctionReply {}

  /** The refusal for {@code e}: its error, or INVALID_AMOUNT for an arithmetic overflow. */
  static AuctionReply refusal(RuntimeException e) {
    return e instanceof MarketException m
        ? new AuctionRefused(m.error(), m.getMessage())
        : new AuctionRefused(MarketError.INVALID_AMOUNT, e.getMessage());
  }
}
