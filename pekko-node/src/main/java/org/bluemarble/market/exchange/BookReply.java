package org.bluemarble.market.exchange;

import java.util.List;
import org.bluemarble.market.MarketError;
import org.bluemarble.market.MarketException;
import org.bluemarble.node.CborSerializable;

/** What an {@link OrderBookEntity} answers to an order command: the order(s), or why not. */
public sealed interface BookReply extends CborSerializable {

  /** Done; {@code order} as it is now (after matching, for a placement). */
  record OrderDone(OrderView order) implements BookReply {}

  /** A player's orders in one book, newest first. */
  record OrdersDone(List<OrderView> orders) implements BookReply {
    public OrdersDone {
      orders = List.copyOf(orders);
    }
  }

  /** Refused; nothing changed hands. */
  record BookRefused(MarketError error, String message) implements BookReply {}

  /** The refusal for {@code e}: its error, or INVALID_AMOUNT for an arithmetic overflow. */
  static BookReply refusal(RuntimeException e) {
    return e instanceof MarketException m
        ? new BookRefused(m.error(), m.getMessage())
        : new BookRefused(MarketError.INVALID_AMOUNT, e.getMessage());
  }
}
