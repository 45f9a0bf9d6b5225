package org.bluemarble.market.exchange;

import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;
import org.bluemarble.market.Economy;
import org.bluemarble.market.EconomyConfig;
import org.bluemarble.market.Ids;
import org.bluemarble.market.MarketError;
import org.bluemarble.market.MarketException;
import org.bluemarble.market.MarketSummary;
import org.bluemarble.market.holdings.Holdings;
import org.bluemarble.market.holdings.HoldingsView;
import org.bluemarble.market.saga.IdempotentIds;
import org.bluemarble.market.treasury.EconomyGate;
import org.bluemarble.tracing.TraceMdc;

/**
 * The entry point to the order books and auction houses for edges and tests, beside {@link
 * Economy}: generates order and auction ids, asks the sharded {@link OrderBookEntity} and {@link
 * AuctionHouse} entities and answers with their replies. Writes are refused with {@link
 * MarketError#ECONOMY_READ_ONLY} while the economy is read-only. {@code market} null means the
 * first configured market. Thread-safe.
 */
public final class Exchange {
  private final ActorSystem<?> system;
  private final ClusterSharding sharding;
  private final EconomyConfig config;
  private final Duration timeout;

  public Exchange(ActorSystem<?> system, EconomyConfig config, Duration timeout) {
    this.system = system;
    this.sharding = ClusterSharding.get(system);
    this.config = config;
    this.timeout = timeout;
  }

  /**
   * Registers the order book and auction house entity types on this node (after {@link
   * Economy#start}) and wakes every market's auction house so that auctions which ended while no
   * node ran them are settled.
   */
  public static Exchange start(
      ActorSystem<?> system, int slices, EconomyConfig config, AuctionSettings rules) {
    return start(system, slices, config, rules, Clock.systemUTC());
  }

  /**
   * As {@link #start(ActorSystem, int, EconomyConfig, AuctionSettings)}; auctions use {@code
   * clock}.
   */
  public static Exchange start(
      ActorSystem<?> system, int slices, EconomyConfig config, AuctionSettings rules, Clock clock) {
    OrderBookEntity.init(system, slices, config);
    AuctionHouse.init(system, slices, config, rules, clock);
    Exchange exchange = new Exchange(system, config, config.askTimeout().multipliedBy(2));
    ActorRef<MarketSummary> ignore = system.ignoreRef();
    config.markets().forEach(m -> exchange.houseRef(m).tell(new AuctionHouse.GetSummary(ignore)));
    return exchange;
  }

  // Order books

  /** Places a limit order; answered once its escrow is taken and it is matched. */
  public CompletionStage<BookReply> placeOrder(
      String market, String owner, String itemId, Side side, long limitPrice, long quantity) {
    return placeOrder(market, owner, itemId, side, limitPrice, quantity, null);
  }

  /**
   * Places a limit order. With an idempotency {@code key} (null: none) the order id is derived from
   * the owner and the key ({@link IdempotentIds#order}): a repeat gets the first order's answer.
   */
  public CompletionStage<BookReply> placeOrder(
      String market,
      String owner,
      String itemId,
      Side side,
      long limitPrice,
      long quantity,
      String key) {
    // Read on the calling thread (the edge's TraceScope.call): the ask may run on another.
    String traceId = TraceMdc.current();
    return guarded(
        () -> {
          String bookId = Ids.bookId(market(market), item(itemId));
          String orderId =
              key == null ? bookId + "." + shortId() : IdempotentIds.order(bookId, owner, key);
          return bookRef(bookId)
              .ask(
                  r ->
                      new OrderBookEntity.PlaceOrder(
                          orderId, owner, side, limitPrice, quantity, traceId, r),
                  timeout);
        });
  }

  public CompletionStage<BookReply> cancelOrder(String orderId, String owner) {
    // Read on the calling thread (the edge's TraceScope.call): the ask may run on another.
    String traceId = TraceMdc.current();
    return guarded(
        () ->
            bookRef(bookOfOrder(orderId))
                .ask(r -> new OrderBookEntity.CancelOrder(orderId, owner, traceId, r), timeout));
  }

  public CompletionStage<BookReply> order(String orderId) {
    return call(
        () ->
            bookRef(bookOfOrder(orderId))
                .ask(r -> new OrderBookEntity.GetOrder(orderId, r), timeout));
  }

  /** {@code owner}'s orders in the book of {@code itemId} in {@code market}. */
  public CompletionStage<BookReply> orders(String market, String itemId, String owner, int limit) {
    return call(
        () ->
            bookRef(Ids.bookId(market(market), item(itemId)))
                .ask(r -> new OrderBookEntity.GetOrders(owner, limit, r), timeout));
  }

  /** Books asked at most by {@link #ordersAcrossBooks}. */
  public static final int MAX_BOOKS_ASKED = 16;

  /**
   * {@code owner}'s orders in every book of {@code market} they placed orders in (their holdings
   * remember the books; the {@value #MAX_BOOKS_ASKED} most recent are asked), newest first, at most
   * {@code limit}.
   */
  public CompletionStage<List<OrderView>> ordersAcrossBooks(
      String market, String owner, int limit) {
    return call(
        () -> {
          String prefix = market(market) + ".";
          return sharding
              .entityRefFor(Holdings.ENTITY_KEY, owner)
              .<HoldingsView>ask(Holdings.GetHoldings::new, timeout)
              .thenCompose(
                  h -> {
                    List<CompletableFuture<BookReply>> asks =
                        h.orderBooks().stream()
                            .filter(b -> b.startsWith(prefix))
                            .limit(MAX_BOOKS_ASKED)
                            .map(
                                b ->
                                    bookRef(b)
                                        .<BookReply>ask(
                                            r -> new OrderBookEntity.GetOrders(owner, limit, r),
                                            timeout)
                                        .toCompletableFuture())
                            .toList();
                    return CompletableFuture.allOf(asks.toArray(CompletableFuture[]::new))
                        .thenApply(
                            v ->
                                asks.stream()
                                    .map(CompletableFuture::join)
                                    .filter(BookReply.OrdersDone.class::isInstance)
                                    .flatMap(r -> ((BookReply.OrdersDone) r).orders().stream())
                                    .sorted(
                                        Comparator.comparing(OrderView::at)
                                            .reversed()
                                            .thenComparing(OrderView::orderId))
                                    .limit(Math.max(1, limit))
                                    .toList());
                  });
        });
  }

  public CompletionStage<BookDepth> depth(String market, String itemId, int levels) {
    return call(
        () ->
            bookRef(Ids.bookId(market(market), item(itemId)))
                .ask(r -> new OrderBookEntity.GetDepth(levels, r), timeout));
  }

  /**
   * Starts the book {@code bookId} if no node runs it (its recovery re-sends what it owes); used by
   * the start-up waker.
   */
  public void wakeBook(String bookId) {
    bookRef(bookId).tell(new OrderBookEntity.GetSummary(system.ignoreRef()));
  }

  public CompletionStage<MarketSummary> bookSummary(String bookId) {
    return bookRef(bookId).ask(OrderBookEntity.GetSummary::new, timeout);
  }

  // Auctions

  /** Opens an auction; answered once the item is escrowed. */
  public CompletionStage<AuctionReply> createAuction(
      String market,
      String seller,
      String itemId,
      long quantity,
      long startPrice,
      long minIncrement,
      long reservePrice,
      long buyoutPrice,
      Duration duration) {
    return createAuction(
        market,
        seller,
        itemId,
        quantity,
        startPrice,
        minIncrement,
        reservePrice,
        buyoutPrice,
        duration,
        null);
  }

  /**
   * Opens an auction. With an idempotency {@code key} (null: none) the auction id is derived from
   * the seller and the key ({@link IdempotentIds#auction}): a repeat gets the auction as it is.
   */
  public CompletionStage<AuctionReply> createAuction(
      String market,
      String seller,
      String itemId,
      long quantity,
      long startPrice,
      long minIncrement,
      long reservePrice,
      long buyoutPrice,
      Duration duration,
      String key) {
    // Read on the calling thread (the edge's TraceScope.call): the ask may run on another.
    String traceId = TraceMdc.current();
    return guarded(
        () -> {
          String m = market(market);
          String id = key == null ? m + "." + shortId() : IdempotentIds.auction(m, seller, key);
          return houseRef(m)
              .ask(
                  r ->
                      new AuctionHouse.CreateAuction(
                          id,
                          seller,
                          itemId,
                          quantity,
                          startPrice,
                          minIncrement,
                          reservePrice,
                          buyoutPrice,
                          duration,
                          traceId,
                          r),
                  timeout);
        });
  }

  public CompletionStage<AuctionReply> bid(String auctionId, String bidder, long amount) {
    // Read on the calling thread (the edge's TraceScope.call): the ask may run on another.
    String traceId = TraceMdc.current();
    return guarded(
        () ->
            houseOfAuction(auctionId)
                .ask(
                    r -> new AuctionHouse.PlaceBid(auctionId, bidder, amount, traceId, r),
                    timeout));
  }

  public CompletionStage<AuctionReply> buyout(String auctionId, String bidder) {
    // Read on the calling thread (the edge's TraceScope.call): the ask may run on another.
    String traceId = TraceMdc.current();
    return guarded(
        () ->
            houseOfAuction(auctionId)
                .ask(r -> new AuctionHouse.Buyout(auctionId, bidder, traceId, r), timeout));
  }

  public CompletionStage<AuctionReply> auction(String auctionId) {
    return call(
        () ->
            houseOfAuction(auctionId).ask(r -> new AuctionHouse.GetAuction(auctionId, r), timeout));
  }

  public CompletionStage<AuctionReply> auctions(
      String market, String itemId, boolean runningOnly, int limit) {
    return call(
        () ->
            houseRef(market(market))
                .ask(r -> new AuctionHouse.ListAuctions(itemId, runningOnly, limit, r), timeout));
  }

  public CompletionStage<MarketSummary> houseSummary(String market) {
    return houseRef(market).ask(AuctionHouse.GetSummary::new, timeout);
  }

  /** The ledger views of the given books and of every configured market's auction house. */
  public CompletionStage<List<MarketSummary>> summaries(List<String> bookIds) {
    List<CompletableFuture<MarketSummary>> asks =
        new java.util.ArrayList<>(
            bookIds.stream().map(b -> bookSummary(b).toCompletableFuture()).toList());
    config.markets().forEach(m -> asks.add(houseSummary(m).toCompletableFuture()));
    return CompletableFuture.allOf(asks.toArray(CompletableFuture[]::new))
        .thenApply(v -> asks.stream().map(CompletableFuture::join).toList());
  }

  // Helpers

  private static String shortId() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 16);
  }

  private String market(String market) {
    if (market == null) {
      return config.markets().get(0);
    }
    if (!config.markets().contains(market)) {
      throw new MarketException(
          MarketError.INVALID_ID, "market must be one of " + config.markets() + ", was " + market);
    }
    return market;
  }

  private String item(String itemId) {
    if (itemId == null || config.catalog().find(itemId).isEmpty()) {
      throw new MarketException(MarketError.UNKNOWN_ITEM, "unknown item " + itemId);
    }
    return itemId;
  }

  private String bookOfOrder(String orderId) {
    String bookId = Ids.bookOfOrder(orderId);
    if (!config.markets().contains(Ids.marketOfBook(bookId))
        || config.catalog().find(Ids.itemOfBook(bookId)).isEmpty()) {
      throw new MarketException(MarketError.ORDER_UNAVAILABLE, "no order " + orderId);
    }
    return bookId;
  }

  private EntityRef<AuctionHouse.Command> houseOfAuction(String auctionId) {
    String m = Ids.houseOfAuction(auctionId);
    if (!config.markets().contains(m)) {
      throw new MarketException(MarketError.AUCTION_UNAVAILABLE, "no auction " + auctionId);
    }
    return houseRef(m);
  }

  private <T> CompletionStage<T> guarded(Supplier<CompletionStage<T>> write) {
    return call(
        () -> {
          EconomyGate.get(system).requireWritable();
          return write.get();
        });
  }

  private static <T> CompletionStage<T> call(Supplier<CompletionStage<T>> body) {
    try {
      return body.get();
    } catch (MarketException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private EntityRef<OrderBookEntity.Command> bookRef(String bookId) {
    return sharding.entityRefFor(OrderBookEntity.ENTITY_KEY, bookId);
  }

  private EntityRef<AuctionHouse.Command> houseRef(String market) {
    return sharding.entityRefFor(AuctionHouse.ENTITY_KEY, market);
  }
}
