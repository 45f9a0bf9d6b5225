package org.bluemarble.market.exchange;

import java.util.List;
import org.apache.pekko.persistence.typed.SnapshotAdapter;
import org.bluemarble.market.TradeRecord;
import org.bluemarble.node.CborSerializable;

/**
 * The serialized form of an {@link OrderBookState} in the snapshot store: the resting orders (bids
 * then asks, best first), every order id ever used (sorted), the book's order and fill sequences,
 * the escrow books, the price window's trades (oldest first) and last price, the orders waiting for
 * their escrow, the open order views (sorted by id), the recently closed ones (oldest first) and
 * the fill count.
 */
public record OrderBookSnapshot(
    List<RestingOrder> resting,
    List<String> usedIds,
    long orderSequence,
    long fillSequence,
    EscrowBooks.Snapshot escrow,
    List<TradeRecord> trades,
    long lastPrice,
    List<OrderBookEntity.OrderSubmitted> submitted,
    List<OrderView> open,
    List<OrderView> closed,
    long fills)
    implements CborSerializable {

  public OrderBookSnapshot {
    resting = List.copyOf(resting);
    usedIds = List.copyOf(usedIds);
    trades = List.copyOf(trades);
    submitted = List.copyOf(submitted);
    open = List.copyOf(open);
    closed = List.copyOf(closed);
  }

  /** Stores the state of book {@code bookId} as this record and restores it from one. */
  static SnapshotAdapter<OrderBookState> adapter(String bookId, int feeBasisPoints) {
    return new SnapshotAdapter<>() {
      @Override
      public Object toJournal(OrderBookState state) {
        return state.snapshot();
      }

      @Override
      public OrderBookState fromJournal(Object from) {
        return OrderBookState.restore(bookId, feeBasisPoints, (OrderBookSnapshot) from);
      }
    };
  }
}
