package org.bluemarble.market.exchange;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import org.bluemarble.market.MarketError;
import org.bluemarble.market.MarketException;
import org.bluemarble.market.Money;
import org.bluemarble.market.Settlement;
import org.bluemarble.market.holdings.Leg;

/**
 * The limit order book of one item in one market: price-time priority, partial fills, the trade
 * price is the resting (maker) order's price.
 *
 * <p>Escrow: placing a buy order charges {@code limitPrice * quantity} from the buyer's wallet into
 * the book's escrow; placing a sell order charges its items. A fill pays the seller from the buy
 * order's share of the escrow minus the transaction fee (rounded down per fill, paid by the seller,
 * like listings), refunds a buyer whose limit was above the trade price, and delivers the items
 * from the sell order's escrow. Cancelling returns what is left in the order's escrow.
 *
 * <p>Self-trade prevention ("cancel newest"): an incoming order that reaches its owner's own
 * resting order stops matching there; the fills before it stand and its unfilled rest is cancelled
 * and returned at once. Skipping the own order and matching deeper would leave the owner's bid at
 * or above their ask, a crossed book; cancelling the older resting order would withdraw what the
 * player chose earlier without being asked. So no fill ever has the same buyer and seller.
 *
 * <p>Deterministic: replaying the same {@link #place} and {@link #cancel} calls rebuilds the same
 * book, so the entity persists the accepted orders and cancels as its events. Not thread-safe.
 */
public final class OrderBook {
  private final String itemId;
  private final int feeBasisPoints;
  private final TreeMap<Long, ArrayDeque<Entry>> bids = new TreeMap<>(Comparator.reverseOrder());
  private final TreeMap<Long, ArrayDeque<Entry>> asks = new TreeMap<>();
  private final Map<String, Entry> open = new HashMap<>();

  /** Every order id ever placed: reusing one would collide with its escrow idempotency keys. */
  private final Set<String> usedIds = new HashSet<>();

  private long orderSequence;
  private long fillSequence;

  /** One resting order; {@code remaining} shrinks with fills. */
  private static final class Entry {
    final Order order;
    final long sequence;
    long remaining;

    Entry(Order order, long sequence) {
      this.order = order;
      this.sequence = sequence;
      this.remaining = order.quantity();
    }
  }

  /** A book for {@code itemId} charging sellers {@code feeBasisPoints} (500 = 5%) per fill. */
  public OrderBook(String itemId, int feeBasisPoints) {
    if (itemId == null || itemId.isBlank()) {
      throw new MarketException(MarketError.UNKNOWN_ITEM, "itemId must not be blank");
    }
    if (feeBasisPoints < 0 || feeBasisPoints > 10_000) {
      throw new MarketException(
          MarketError.INVALID_CONFIG, "feeBasisPoints must be 0..10000, was " + feeBasisPoints);
    }
    this.itemId = itemId;
    this.feeBasisPoints = feeBasisPoints;
  }

  public String itemId() {
    return itemId;
  }

  /**
   * The legs of one decision while it is being made: payouts of copper come before payouts of
   * items, in the order the decision made them.
   */
  private static final class Moves {
    final List<Leg> charges = new ArrayList<>();
    final List<Leg> money = new ArrayList<>();
    final List<Leg> items = new ArrayList<>();
    long fee;

    Settlement settlement() {
      List<Leg> payouts = new ArrayList<>(money);
      payouts.addAll(items);
      return Settlement.of(charges, payouts, fee);
    }
  }

  /** Throws exactly what {@link #place} would throw, changing nothing. */
  public void checkPlace(Order order, long available) {
    if (usedIds.contains(order.id())) {
      throw new MarketException(
          MarketError.IDEMPOTENCY_CONFLICT, "order id '" + order.id() + "' was already used");
    }
    long needed =
        order.side() == Side.BUY
            ? Money.times(order.limitPrice(), order.quantity())
            : order.quantity();
    if (available < needed) {
      throw new MarketException(
          order.side() == Side.BUY
              ? MarketError.INSUFFICIENT_FUNDS
              : MarketError.INSUFFICIENT_INVENTORY,
          order.owner() + " has " + available + ", order " + order.id() + " needs " + needed);
    }
  }

  /**
   * Escrows {@code order}, matches it against the other side and rests any remainder. {@code
   * available} is what the owner holds as the ledger or inventory reports it: copper for a buy
   * ({@link MarketError#INSUFFICIENT_FUNDS} below {@code limitPrice * quantity}), units of the item
   * for a sell ({@link MarketError#INSUFFICIENT_INVENTORY} below {@code quantity}). Refusals change
   * nothing.
   */
  public MatchResult place(Order order, long available) {
    checkPlace(order, available);
    usedIds.add(order.id());
    Moves moves = new Moves();
    String escrowKey = "order:" + itemId + ":" + order.id() + ":escrow";
    if (order.side() == Side.BUY) {
      moves.charges.add(
          Leg.out(
              escrowKey,
              order.owner(),
              Money.times(order.limitPrice(), order.quantity()),
              List.of()));
    } else {
      moves.charges.add(
          Leg.out(escrowKey, order.owner(), 0, Settlement.stack(itemId, order.quantity())));
    }
    Entry taker = new Entry(order, ++orderSequence);
    TreeMap<Long, ArrayDeque<Entry>> opposite = order.side() == Side.BUY ? asks : bids;
    List<Fill> fills = new ArrayList<>();
    boolean selfTrade = false;
    while (taker.remaining > 0 && !opposite.isEmpty()) {
      Map.Entry<Long, ArrayDeque<Entry>> level = opposite.firstEntry();
      long price = level.getKey();
      boolean crosses =
          order.side() == Side.BUY ? price <= order.limitPrice() : price >= order.limitPrice();
      if (!crosses) {
        break;
      }
      Entry maker = level.getValue().peekFirst();
      if (maker.order.owner().equals(order.owner())) {
        selfTrade = true;
        break;
      }
      long quantity = Math.min(taker.remaining, maker.remaining);
      Entry buy = order.side() == Side.BUY ? taker : maker;
      Entry sell = order.side() == Side.BUY ? maker : taker;
      Fill fill =
          new Fill(
              ++fillSequence,
              itemId,
              buy.order.id(),
              sell.order.id(),
              buy.order.owner(),
              sell.order.owner(),
              price,
              quantity,
              order.side());
      fills.add(fill);
      settle(fill, buy.order.limitPrice(), moves);
      taker.remaining -= quantity;
      maker.remaining -= quantity;
      if (maker.remaining == 0) {
        level.getValue().pollFirst();
        open.remove(maker.order.id());
        if (level.getValue().isEmpty()) {
          opposite.pollFirstEntry();
        }
      }
    }
    long cancelled = 0;
    if (selfTrade && taker.remaining > 0) {
      cancelled = taker.remaining;
      returnRest(taker, "order:" + itemId + ":" + order.id() + ":selftrade", moves);
      taker.remaining = 0;
    }
    if (taker.remaining > 0) {
      TreeMap<Long, ArrayDeque<Entry>> own = order.side() == Side.BUY ? bids : asks;
      own.computeIfAbsent(order.limitPrice(), p -> new ArrayDeque<>()).addLast(taker);
      open.put(order.id(), taker);
    }
    return new MatchResult(fills, taker.remaining, cancelled, moves.settlement());
  }

  /** Pays what is left of {@code entry}'s escrow back to its owner. */
  private void returnRest(Entry entry, String key, Moves moves) {
    String owner = entry.order.owner();
    if (entry.order.side() == Side.BUY) {
      moves.money.add(
          Leg.in(key, owner, Money.times(entry.order.limitPrice(), entry.remaining), List.of()));
    } else {
      moves.items.add(Leg.in(key, owner, 0, Settlement.stack(itemId, entry.remaining)));
    }
  }

  private void settle(Fill fill, long buyLimit, Moves moves) {
    String key = "fill:" + itemId + ":" + fill.sequence();
    long gross = Money.times(fill.price(), fill.quantity());
    long fee = Money.feeRoundedDown(gross, feeBasisPoints);
    if (gross - fee > 0) {
      moves.money.add(Leg.in(key + ":pay", fill.seller(), gross - fee, List.of()));
    }
    moves.fee += fee;
    long refund = Money.times(buyLimit - fill.price(), fill.quantity());
    if (refund > 0) {
      moves.money.add(Leg.in(key + ":refund", fill.buyer(), refund, List.of()));
    }
    moves.items.add(
        Leg.in(key + ":items", fill.buyer(), 0, Settlement.stack(itemId, fill.quantity())));
  }

  /**
   * Removes the rest of order {@code orderId}; only its owner may. Returns the escrow refund.
   * {@link MarketError#ORDER_UNAVAILABLE} when it is filled, cancelled or unknown.
   */
  public Settlement cancel(String orderId, String requester) {
    checkCancel(orderId, requester);
    Entry entry = open.get(orderId);
    TreeMap<Long, ArrayDeque<Entry>> side = entry.order.side() == Side.BUY ? bids : asks;
    ArrayDeque<Entry> level = side.get(entry.order.limitPrice());
    level.remove(entry);
    if (level.isEmpty()) {
      side.remove(entry.order.limitPrice());
    }
    open.remove(orderId);
    Moves moves = new Moves();
    returnRest(entry, "order:" + itemId + ":" + orderId + ":cancel", moves);
    return moves.settlement();
  }

  /** Throws exactly what {@link #cancel} would throw, changing nothing. */
  public void checkCancel(String orderId, String requester) {
    Entry entry = open.get(orderId);
    if (entry == null) {
      throw new MarketException(
          MarketError.ORDER_UNAVAILABLE,
          "order '" + orderId + "' is not in the " + itemId + " book");
    }
    if (!entry.order.owner().equals(requester)) {
      throw new MarketException(
          MarketError.NOT_OWNER, requester + " does not own order '" + orderId + "'");
    }
  }

  /** Highest resting buy price. */
  public OptionalLong bestBid() {
    return bids.isEmpty() ? OptionalLong.empty() : OptionalLong.of(bids.firstKey());
  }

  /** Lowest resting sell price. */
  public OptionalLong bestAsk() {
    return asks.isEmpty() ? OptionalLong.empty() : OptionalLong.of(asks.firstKey());
  }

  /** Whether the best bid reaches the best ask; never true between calls. */
  public boolean isCrossed() {
    return !bids.isEmpty() && !asks.isEmpty() && bids.firstKey() >= asks.firstKey();
  }

  /** The resting order {@code orderId}, if still open. */
  public Optional<RestingOrder> find(String orderId) {
    Entry e = open.get(orderId);
    return e == null ? Optional.empty() : Optional.of(view(e));
  }

  /** Resting orders of {@code side} in priority order (best price first, then oldest). */
  public List<RestingOrder> orders(Side side) {
    List<RestingOrder> out = new ArrayList<>();
    (side == Side.BUY ? bids : asks)
        .values()
        .forEach(level -> level.forEach(e -> out.add(view(e))));
    return out;
  }

  private static RestingOrder view(Entry e) {
    return new RestingOrder(e.order, e.sequence, e.remaining);
  }

  /** Number of open orders on both sides. */
  public int size() {
    return open.size();
  }

  /** Every order id ever placed in this book (for snapshots). */
  public List<String> usedIds() {
    return List.copyOf(usedIds);
  }

  /** Sequence of the last accepted order and of the last fill (for snapshots). */
  public long[] sequences() {
    return new long[] {orderSequence, fillSequence};
  }

  /**
   * A book as a snapshot left it: {@code resting} orders (any order; their sequence gives the time
   * priority), every id ever used and the two sequences of {@link #sequences}.
   */
  public static OrderBook restore(
      String itemId,
      int feeBasisPoints,
      List<RestingOrder> resting,
      List<String> usedIds,
      long orderSequence,
      long fillSequence) {
    OrderBook book = new OrderBook(itemId, feeBasisPoints);
    resting.stream()
        .sorted(Comparator.comparingLong(RestingOrder::sequence))
        .forEach(
            r -> {
              Entry e = new Entry(r.order(), r.sequence());
              e.remaining = r.remaining();
              (r.order().side() == Side.BUY ? book.bids : book.asks)
                  .computeIfAbsent(r.order().limitPrice(), p -> new ArrayDeque<>())
                  .addLast(e);
              book.open.put(r.order().id(), e);
            });
    book.usedIds.addAll(usedIds);
    book.orderSequence = orderSequence;
    book.fillSequence = fillSequence;
    return book;
  }
}
