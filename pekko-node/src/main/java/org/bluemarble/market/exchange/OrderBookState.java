package org.bluemarble.market.exchange;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bluemarble.market.Ids;
import org.bluemarble.market.MarketError;
import org.bluemarble.market.MarketException;
import org.bluemarble.market.MarketSummary;
import org.bluemarble.market.PriceStatistics;
import org.bluemarble.market.PriceSummary;
import org.bluemarble.market.TradeRecord;
import org.bluemarble.market.holdings.Leg;
import org.bluemarble.market.saga.RepeatCheck;

/**
 * The state of one {@link OrderBookEntity}: the {@link OrderBook} rule object, orders waiting for
 * their escrow, the views of open and recently closed orders, the escrow books and the price
 * statistics of the fills. Mutable; rebuilt by replaying the events in order (the book's matching
 * is deterministic).
 */
public final class OrderBookState {
  static final int CLOSED_KEPT = 10_000;
  static final Duration STATS_WINDOW = Duration.ofHours(24);

  private final String bookId;
  private final String market;
  private final String itemId;
  private final OrderBook book;
  private final EscrowBooks escrow;
  private final PriceStatistics stats;
  private final Map<String, OrderBookEntity.OrderSubmitted> submitted = new LinkedHashMap<>();
  private final Map<String, OrderView> open = new HashMap<>();
  private final Map<String, OrderView> closed =
      new LinkedHashMap<>() {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, OrderView> eldest) {
          return size() > CLOSED_KEPT;
        }
      };

  /** Open and pending orders per owner, for the trust tier's limit. */
  private final Map<String, Integer> openByOwner = new HashMap<>();

  private long fills;

  /**
   * The fills of the last accepted order (not persisted: read right after the event is applied).
   */
  private List<Fill> lastFills = List.of();

  OrderBookState(String bookId, int feeBasisPoints) {
    this(
        bookId,
        new OrderBook(Ids.itemOfBook(bookId), feeBasisPoints),
        new EscrowBooks(escrowPrefix(bookId)),
        new PriceStatistics(Ids.itemOfBook(bookId), STATS_WINDOW));
  }

  private OrderBookState(String bookId, OrderBook book, EscrowBooks escrow, PriceStatistics stats) {
    this.bookId = bookId;
    this.market = Ids.marketOfBook(bookId);
    this.itemId = Ids.itemOfBook(bookId);
    this.book = book;
    this.escrow = escrow;
    this.stats = stats;
  }

  private static String escrowPrefix(String bookId) {
    return "book:" + bookId + ":";
  }

  // Snapshots

  OrderBookSnapshot snapshot() {
    List<RestingOrder> resting = new ArrayList<>(book.orders(Side.BUY));
    resting.addAll(book.orders(Side.SELL));
    long[] sequences = book.sequences();
    return new OrderBookSnapshot(
        resting,
        book.usedIds().stream().sorted().toList(),
        sequences[0],
        sequences[1],
        escrow.snapshot(),
        stats.trades(),
        stats.lastPrice(),
        List.copyOf(submitted.values()),
        open.values().stream().sorted(Comparator.comparing(OrderView::orderId)).toList(),
        List.copyOf(closed.values()),
        fills);
  }

  /** The state {@code s} describes; the per-owner counts are rebuilt from the orders. */
  static OrderBookState restore(String bookId, int feeBasisPoints, OrderBookSnapshot s) {
    String item = Ids.itemOfBook(bookId);
    OrderBookState state =
        new OrderBookState(
            bookId,
            OrderBook.restore(
                item,
                feeBasisPoints,
                s.resting(),
                s.usedIds(),
                s.orderSequence(),
                s.fillSequence()),
            EscrowBooks.restore(escrowPrefix(bookId), s.escrow()),
            PriceStatistics.restore(item, STATS_WINDOW, s.lastPrice(), s.trades()));
    s.submitted()
        .forEach(
            e -> {
              state.submitted.put(e.order().id(), e);
              state.track(e.order().owner(), 1);
            });
    s.open()
        .forEach(
            v -> {
              state.open.put(v.orderId(), v);
              state.track(v.owner(), 1);
            });
    s.closed().forEach(v -> state.closed.put(v.orderId(), v));
    state.fills = s.fills();
    return state;
  }

  /** The fills of the order accepted last. */
  List<Fill> lastFills() {
    return lastFills;
  }

  String itemId() {
    return itemId;
  }

  OrderBook book() {
    return book;
  }

  boolean isSubmitted(String orderId) {
    return submitted.containsKey(orderId);
  }

  Optional<OrderBookEntity.OrderSubmitted> submission(String orderId) {
    return Optional.ofNullable(submitted.get(orderId));
  }

  /** {@code owner}'s orders that are open or waiting for their escrow. */
  int openCountOf(String owner) {
    return openByOwner.getOrDefault(owner, 0);
  }

  private void track(String owner, int delta) {
    openByOwner.merge(owner, delta, (a, b) -> a + b == 0 ? null : a + b);
  }

  List<Leg> charges() {
    return submitted.values().stream().map(OrderBookEntity.OrderSubmitted::charge).toList();
  }

  EscrowBooks escrow() {
    return escrow;
  }

  // Event application

  OrderBookState submitted(OrderBookEntity.OrderSubmitted e) {
    submitted.put(e.order().id(), e);
    track(e.order().owner(), 1);
    return this;
  }

  OrderBookState accepted(OrderBookEntity.OrderAccepted e) {
    OrderBookEntity.OrderSubmitted s = submitted.remove(e.orderId());
    escrow.charged(s.charge());
    Order order = s.order();
    MatchResult result = book.place(order, Long.MAX_VALUE);
    lastFills = List.copyOf(result.fills());
    escrow.apply(result.settlement());
    long takerFilled = 0;
    for (Fill fill : result.fills()) {
      fills++;
      takerFilled += fill.quantity();
      stats.record(new TradeRecord(itemId, fill.price(), fill.quantity(), e.at()));
      String makerId = order.side() == Side.BUY ? fill.sellOrderId() : fill.buyOrderId();
      OrderView maker = open.get(makerId);
      long makerFilled = maker.filled() + fill.quantity();
      if (book.find(makerId).isPresent()) {
        open.put(makerId, maker.with(makerFilled, "OPEN", null));
      } else {
        open.remove(makerId);
        track(maker.owner(), -1);
        closed.put(makerId, maker.with(makerFilled, "FILLED", null));
      }
    }
    OrderView view = view(order, takerFilled, "OPEN", e.at());
    if (result.restingQuantity() > 0) {
      open.put(order.id(), view);
      return this;
    }
    track(order.owner(), -1);
    if (result.cancelledQuantity() > 0) {
      closed.put(
          order.id(),
          view.with(
              takerFilled,
              "CANCELLED",
              "SELF_TRADE: reached the owner's own resting order; the rest was returned"));
    } else {
      closed.put(order.id(), view.with(takerFilled, "FILLED", null));
    }
    return this;
  }

  OrderBookState rejected(OrderBookEntity.OrderRejected e) {
    OrderBookEntity.OrderSubmitted s = submitted.remove(e.orderId());
    track(s.order().owner(), -1);
    closed.put(
        e.orderId(), view(s.order(), 0, "REJECTED", s.at()).with(0, "REJECTED", e.message()));
    return this;
  }

  OrderBookState cancelled(OrderBookEntity.OrderCancelled e) {
    escrow.apply(book.cancel(e.orderId(), e.owner()));
    OrderView v = open.remove(e.orderId());
    track(v.owner(), -1);
    closed.put(e.orderId(), v.with(v.filled(), "CANCELLED", null));
    return this;
  }

  OrderBookState settled(OrderBookEntity.LegSettled e) {
    escrow.settled(e.key());
    return this;
  }

  private OrderView view(Order order, long filled, String status, Instant at) {
    return new OrderView(
        order.id(),
        market,
        itemId,
        order.owner(),
        order.side().name(),
        order.limitPrice(),
        order.quantity(),
        filled,
        status,
        null,
        at);
  }

  // Queries

  /** The order as it is now: open, waiting for its escrow, or recently closed. */
  BookReply reply(String orderId) {
    OrderView v = open.get(orderId);
    if (v == null) {
      v = closed.get(orderId);
    }
    if (v == null && submitted.containsKey(orderId)) {
      OrderBookEntity.OrderSubmitted s = submitted.get(orderId);
      v = view(s.order(), 0, "PENDING", s.at());
    }
    return v == null
        ? new BookReply.BookRefused(MarketError.ORDER_UNAVAILABLE, "no order " + orderId)
        : new BookReply.OrderDone(v);
  }

  /** {@code owner}'s open, pending and recently closed orders, newest first. */
  List<OrderView> ordersOf(String owner, int limit) {
    List<OrderView> out = new ArrayList<>();
    submitted.values().stream()
        .filter(s -> s.order().owner().equals(owner))
        .forEach(s -> out.add(view(s.order(), 0, "PENDING", s.at())));
    open.values().stream().filter(v -> v.owner().equals(owner)).forEach(out::add);
    closed.values().stream().filter(v -> v.owner().equals(owner)).forEach(out::add);
    out.sort(Comparator.comparing(OrderView::at).reversed().thenComparing(OrderView::orderId));
    return out.subList(0, Math.min(limit, out.size()));
  }

  BookDepth depth(int levels, Instant now) {
    return new BookDepth(
        market, itemId, levels(Side.BUY, levels), levels(Side.SELL, levels), prices(now));
  }

  PriceSummary prices(Instant now) {
    return stats.summary(now);
  }

  private List<BookDepth.Level> levels(Side side, int max) {
    List<BookDepth.Level> out = new ArrayList<>();
    for (RestingOrder r : book.orders(side)) {
      BookDepth.Level last = out.isEmpty() ? null : out.get(out.size() - 1);
      if (last != null && last.price() == r.order().limitPrice()) {
        out.set(
            out.size() - 1,
            new BookDepth.Level(last.price(), last.quantity() + r.remaining(), last.orders() + 1));
      } else if (out.size() == max) {
        break;
      } else {
        out.add(new BookDepth.Level(r.order().limitPrice(), r.remaining(), 1));
      }
    }
    return out;
  }

  MarketSummary summary() {
    return escrow.summary(bookId, submitted.size(), book.size());
  }

  long fillCount() {
    return fills;
  }

  private static final RepeatCheck REPEATS =
      new RepeatCheck("order", "placed", "a different side, price or quantity");

  /**
   * The answer for a repeat of {@code order} (an id the book knows, from a retry with the same
   * idempotency key, {@link org.bluemarble.market.saga.IdempotentIds#order}): the order as it is
   * now; empty when the id is new or its order was rejected (a rejected order is placed again: its
   * charge key is the same, so the holdings give the same refusal and nothing is charged twice).
   *
   * @throws MarketException IDEMPOTENCY_KEY_REUSED when the id was used for another order
   */
  Optional<BookReply> repeatOf(Order order) {
    Optional<BookReply> known =
        reply(order.id()) instanceof BookReply.OrderDone done
                && !done.order().status().equals("REJECTED")
            ? Optional.of(done)
            : Optional.empty();
    return REPEATS.earlier(
        order.id(),
        known,
        r -> {
          OrderView v = ((BookReply.OrderDone) r).order();
          return v.owner().equals(order.owner())
              && v.side().equals(order.side().name())
              && v.limitPrice() == order.limitPrice()
              && v.quantity() == order.quantity();
        });
  }
}
