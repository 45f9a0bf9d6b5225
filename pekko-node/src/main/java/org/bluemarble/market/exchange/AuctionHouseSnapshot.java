package org.bluemarble.market.exchange;

import java.util.List;
import java.util.Map;
import org.apache.pekko.persistence.typed.SnapshotAdapter;
import org.bluemarble.market.MarketSettings;
import org.bluemarble.node.CborSerializable;

/**
 * The serialized form of an {@link AuctionHouseState} in the snapshot store: every auction (terms
 * and progress, in the order they opened), auctions and bids waiting for their escrow, accepted bid
 * counts, outcomes of settled auctions, rejected auctions and the escrow books.
 */
public record AuctionHouseSnapshot(
    List<Lot> auctions,
    List<AuctionHouse.AuctionSubmitted> pendingAuctions,
    List<AuctionHouse.BidSubmitted> pendingBids,
    Map<String, Integer> bidCounts,
    Map<String, String> outcomes,
    Map<String, AuctionView> rejected,
    EscrowBooks.Snapshot escrow)
    implements CborSerializable {

  /** One auction: its terms and how far it got. */
  public record Lot(AuctionTerms terms, Auction.Progress progress) {}

  public AuctionHouseSnapshot {
    auctions = List.copyOf(auctions);
    pendingAuctions = List.copyOf(pendingAuctions);
    pendingBids = List.copyOf(pendingBids);
    bidCounts = Map.copyOf(bidCounts);
    outcomes = Map.copyOf(outcomes);
    rejected = Map.copyOf(rejected);
  }

  /** Stores the state of the house of {@code market} as this record and restores it from one. */
  static SnapshotAdapter<AuctionHouseState> adapter(String market, MarketSettings fees) {
    return new SnapshotAdapter<>() {
      @Override
      public Object toJournal(AuctionHouseState state) {
        return state.snapshot();
      }

      @Override
      public AuctionHouseState fromJournal(Object from) {
        return AuctionHouseState.restore(market, fees, (AuctionHouseSnapshot) from);
      }
    };
  }
}
