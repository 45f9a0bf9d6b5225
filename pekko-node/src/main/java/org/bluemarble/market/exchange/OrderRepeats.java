package org.bluemarble.market.exchange;

import java.util.Optional;
import org.bluemarble.market.MarketError;
import org.bluemarble.market.MarketException;
import org.bluemarble.market.saga.IdempotentIds;

/**
 * Recognises a repeated order placement: an order id the book already knows, which happens when a
 * client retries with the same idempotency key ({@link IdempotentIds#order}). The repeat of the
 * same order is answered with the order as it is now (the entity makes one still being placed wait
 * for its escrow); another order under the same id is refused with {@link
 * MarketError#IDEMPOTENCY_KEY_REUSED}. A rejected order is placed again: its charge key is the
 * same, so the holdings answer it with the same refusal and nothing is charged twice.
 */
final class OrderRepeats {
  private OrderRepeats() {}

  /**
   * The answer for a repeat of {@code order}, or empty when the id is new or was rejected.
   *
   * @throws MarketException IDEMPOTENCY_KEY_REUSED when the id was used for another order
   */
  static Optional<BookReply> of(OrderBookState state, Order order) {
    if (!(state.reply(order.id()) instanceof BookReply.OrderDone known)
        || known.order().status().equals("REJECTED")) {
      return Optional.empty();
    }
    OrderView v = known.order();
    if (!v.owner().equals(order.owner())
        || !v.side().equals(order.side().name())
        || v.limitPrice() != order.limitPrice()
        || v.quantity() != order.quantity()) {
      throw new MarketException(
          MarketError.IDEMPOTENCY_KEY_REUSED,
          "order "
              + order.id()
              + " was placed by an earlier request with this idempotency key and a different"
              + " side, price or quantity");
    }
    return Optional.of(known);
  }
}
