package org.bluemarble.market.exchange;

import java.time.Instant;
import java.util.List;
import org.bluemarble.market.Ids;
import org.bluemarble.market.MarketError;
import org.bluemarble.market.MarketException;
import org.bluemarble.market.Settlement;
import org.bluemarble.market.TrustTier;
import org.bluemarble.market.holdings.Leg;
import org.bluemarble.market.holdings.TierCheck;
import org.bluemarble.market.inventory.ItemCatalog;

/**
 * Plans an {@link OrderBookEntity}'s placements: validates a request against the book (throwing
 * what it would be refused with) and builds the event that records the order with its escrow leg (a
 * buy's {@code limitPrice * quantity} copper, a sell's items, under {@code
 * book:<bookId>:charge:<orderId>}) and the owner's trust-tier limits. Changes nothing.
 */
final class OrderBookOps {
  private final String bookId;
  private final ItemCatalog catalog;
  private final TrustTier defaultTier;

  OrderBookOps(String bookId, ItemCatalog catalog, TrustTier defaultTier) {
    this.bookId = bookId;
    this.catalog = catalog;
    this.defaultTier = defaultTier;
  }

  /** The key prefix of this book's charge legs; the order id follows it. */
  String chargePrefix() {
    return "book:" + bookId + ":charge:";
  }

  /** The order {@code cmd} asks for, once its id and item fit this book. */
  Order order(OrderBookState state, OrderBookEntity.PlaceOrder cmd) {
    if (!bookId.equals(Ids.bookOfOrder(cmd.orderId()))) {
      throw new MarketException(
          MarketError.INVALID_ID, "order " + cmd.orderId() + " is not in book " + bookId);
    }
    var item =
        catalog
            .find(state.itemId())
            .orElseThrow(
                () -> new MarketException(MarketError.UNKNOWN_ITEM, "unknown item " + bookId));
    if (!item.tradeable()) {
      throw new MarketException(MarketError.NOT_TRADEABLE, item.id() + " cannot be traded");
    }
    return new Order(cmd.orderId(), cmd.owner(), cmd.side(), cmd.limitPrice(), cmd.quantity());
  }

  /** The submission of a new {@code order} with its escrow leg, if the book would take it. */
  OrderBookEntity.OrderSubmitted submit(OrderBookState state, Order order, Instant now) {
    if (state.isSubmitted(order.id())) {
      throw new MarketException(
          MarketError.IDEMPOTENCY_CONFLICT, "order id '" + order.id() + "' was already used");
    }
    state.book().checkPlace(order, Long.MAX_VALUE);
    String key = chargePrefix() + order.id();
    Leg unchecked =
        order.side() == Side.BUY
            ? new Leg(
                key,
                order.owner(),
                Leg.Direction.OUT,
                order.limitPrice() * order.quantity(),
                0,
                List.of(),
                Settlement.stack(state.itemId(), order.quantity()))
            : Leg.out(key, order.owner(), 0, Settlement.stack(state.itemId(), order.quantity()));
    Leg charge = unchecked.withTierCheck(tierCheck(state, order));
    return new OrderBookEntity.OrderSubmitted(bookId, order, charge, now);
  }

  /**
   * The trust-tier limits of placing {@code order}: the owner's open and pending orders in this
   * book, this one included, and the whole order's value ({@code limitPrice * quantity}).
   */
  private TierCheck tierCheck(OrderBookState state, Order order) {
    return new TierCheck(
        "open orders in " + bookId,
        state.openCountOf(order.owner()) + 1,
        order.limitPrice() * order.quantity(),
        defaultTier);
  }
}
