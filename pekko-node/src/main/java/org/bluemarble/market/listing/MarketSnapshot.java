package org.bluemarble.market.listing;

import java.util.List;
import java.util.Map;
import org.bluemarble.market.TradeRecord;
import org.bluemarble.market.holdings.Leg;
import org.bluemarble.node.CborSerializable;

/**
 * The serialized form of a {@link MarketState} in the snapshot store, so a market recovers from it
 * and the events after it instead of its whole history. Holds everything the state holds: every
 * listing the board knows in creation order (closed ones too: they answer queries and keep their
 * ids taken), the reprice count per listing (it numbers the reprice fee keys), the operations
 * waiting for their charge with their charge legs, the legs owed to players, the escrowed copper
 * and the fee sink (copper), the price statistics per item and the recent sales (oldest first).
 * Only lists, maps with string keys and records, so Jackson CBOR round-trips it without type hints.
 */
public record MarketSnapshot(
    long escrowCopper,
    long feeSink,
    List<Listing> listings,
    Map<String, Integer> reprices,
    List<MarketOp> ops,
    List<Leg> pending,
    List<ItemStats> stats,
    List<Sale> recent,
    List<String> closedOrder)
    implements CborSerializable {

  /**
   * The price statistics of one item: the newest unit price (copper) and the trades still inside
   * the statistics window, oldest first.
   */
  public record ItemStats(String itemId, long lastPrice, List<TradeRecord> trades) {
    public ItemStats {
      trades = List.copyOf(trades);
    }
  }

  public MarketSnapshot {
    listings = List.copyOf(listings);
    reprices = Map.copyOf(reprices);
    ops = List.copyOf(ops);
    pending = List.copyOf(pending);
    stats = List.copyOf(stats);
    recent = List.copyOf(recent);
    // Null in snapshots from before the board bounded its closed listings.
    closedOrder = closedOrder == null ? null : List.copyOf(closedOrder);
  }
}
