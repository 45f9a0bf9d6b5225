package org.bluemarble.market;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;
import org.bluemarble.market.holdings.Holdings;
import org.bluemarble.market.holdings.HoldingsView;
import org.bluemarble.market.inventory.ItemStack;
import org.bluemarble.market.listing.Listing;
import org.bluemarble.market.listing.ListingPage;
import org.bluemarble.market.listing.ListingQuery;
import org.bluemarble.market.listing.Market;
import org.bluemarble.market.listing.MarketReply;
import org.bluemarble.market.listing.Sale;
import org.bluemarble.market.listing.SalesPage;
import org.bluemarble.market.saga.IdempotentIds;
import org.bluemarble.market.trade.Trade;
import org.bluemarble.market.trade.TradeReply;
import org.bluemarble.market.treasury.EconomyGate;
import org.bluemarble.market.treasury.Treasury;
import org.bluemarble.market.treasury.TreasuryStatus;
import org.bluemarble.tracing.TraceMdc;

/**
 * The economy's entry point for edges and admin tools: asks the sharded {@link Holdings}, {@link
 * Market}, {@link Trade} and {@link Treasury} entities and answers with their replies. Writes are
 * refused with {@link MarketError#ECONOMY_READ_ONLY} while the {@link EconomyGate} is switched on;
 * reads always work. Thread-safe (holds only immutable references).
 */
public final class Economy {
  private final ActorSystem<?> system;
  private final ClusterSharding sharding;
  private final EconomyConfig config;
  private final Duration timeout;

  public Economy(ActorSystem<?> system, EconomyConfig config, Duration timeout) {
    this.system = system;
    this.sharding = ClusterSharding.get(system);
    this.config = config;
    this.timeout = timeout;
  }

  /** Registers every economy entity type on this node and wakes the treasury. */
  public static Economy start(ActorSystem<?> system, int slices, EconomyConfig config) {
    Holdings.init(system, slices, config.catalog());
    Market.init(system, slices, config);
    Trade.init(system, slices, config);
    Treasury.init(system, config);
    EconomyGate.get(system).wakeTreasury(system);
    return new Economy(system, config, config.askTimeout().multipliedBy(2));
  }

  public EconomyConfig config() {
    return config;
  }

  // Holdings and treasury

  public CompletionStage<HoldingsView> holdings(String playerId) {
    return holdingsRef(playerId).ask(Holdings.GetHoldings::new, timeout);
  }

  /** Freezing and unfreezing stay possible while read-only (it only restricts trading). */
  public CompletionStage<HoldingsView> freeze(String playerId, boolean frozen, String reason) {
    return holdingsRef(playerId).ask(r -> new Holdings.Freeze(frozen, reason, r), timeout);
  }

  /**
   * Forgets the player's ledger lines and freezes its trading for good (its account was erased);
   * allowed while read-only, like freezing.
   */
  public CompletionStage<HoldingsView> eraseHistory(String playerId) {
    return holdingsRef(playerId).ask(Holdings.EraseHistory::new, timeout);
  }

  /** Gives the player a trust tier (admin); allowed while read-only, like freezing. */
  public CompletionStage<HoldingsView> setTrustTier(
      String playerId, TrustTier tier, String reason) {
    return holdingsRef(playerId).ask(r -> new Holdings.SetTrustTier(tier, reason, r), timeout);
  }

  /** Mints for {@code playerId} once per {@code key}; answered once delivered to the holdings. */
  public CompletionStage<Treasury.MintReply> mint(
      String key, String playerId, long copper, long honor, List<ItemStack> items, String reason) {
    return guarded(
        () ->
            treasury()
                .ask(
                    r -> new Treasury.Mint(key, playerId, copper, honor, items, reason, r),
                    timeout));
  }

  public CompletionStage<TreasuryStatus> treasuryStatus() {
    return treasury().ask(Treasury.GetStatus::new, timeout);
  }

  public CompletionStage<TreasuryStatus> setReadOnly(boolean readOnly, String reason) {
    return treasury().ask(r -> new Treasury.SetReadOnly(readOnly, reason, r), timeout);
  }

  // Markets

  /** Lists in {@code marketId}; the listing id is generated ({@code <market>.<random>}). */
  public CompletionStage<MarketReply> openListing(
      String marketId, String seller, String itemId, long quantity, long price, int days) {
    return openListing(marketId, seller, itemId, quantity, price, days, null);
  }

  /**
   * Lists in {@code marketId}. With an idempotency {@code key} (null: none) the listing id is
   * derived from the seller and the key ({@link IdempotentIds#listing}), so a repeat of the same
   * request gets the same listing and charges nothing again; without one it is random.
   */
  public CompletionStage<MarketReply> openListing(
      String marketId,
      String seller,
      String itemId,
      long quantity,
      long price,
      int days,
      String key) {
    // Read on the calling thread (the edge's TraceScope.call): the ask may run on another.
    String traceId = TraceMdc.current();
    return guarded(
        () -> {
          requireMarket(marketId);
          String id =
              key == null
                  ? marketId + "." + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
                  : IdempotentIds.listing(marketId, seller, key);
          return marketRef(marketId)
              .ask(
                  r ->
                      new Market.OpenListing(id, seller, itemId, quantity, price, days, traceId, r),
                  timeout);
        });
  }

  public CompletionStage<MarketReply> buy(String listingId, String buyer) {
    return buy(listingId, buyer, null);
  }

  /** Buys; {@code idempotencyKey} (null: none) marks a request that may be a retry. */
  public CompletionStage<MarketReply> buy(String listingId, String buyer, String idempotencyKey) {
    // Read on the calling thread (the edge's TraceScope.call): the ask may run on another.
    String traceId = TraceMdc.current();
    return guarded(
        () ->
            marketOfListing(listingId)
                .ask(r -> new Market.Buy(listingId, buyer, idempotencyKey, traceId, r), timeout));
  }

  public CompletionStage<MarketReply> reprice(String listingId, String seller, long price) {
    // Read on the calling thread (the edge's TraceScope.call): the ask may run on another.
    String traceId = TraceMdc.current();
    return guarded(
        () ->
            marketOfListing(listingId)
                .ask(r -> new Market.Reprice(listingId, seller, price, traceId, r), timeout));
  }

  public CompletionStage<MarketReply> cancel(String listingId, String seller) {
    // Read on the calling thread (the edge's TraceScope.call): the ask may run on another.
    String traceId = TraceMdc.current();
    return guarded(
        () ->
            marketOfListing(listingId)
                .ask(r -> new Market.Cancel(listingId, seller, traceId, r), timeout));
  }

  public CompletionStage<MarketReply> listing(String listingId) {
    return marketOfListing(listingId).ask(r -> new Market.GetListing(listingId, r), timeout);
  }

  /** Searches one market, or all configured ones when {@code marketId} is null. */
  public CompletionStage<ListingPage> listings(String marketId, ListingQuery q) {
    if (marketId != null) {
      requireMarket(marketId);
      return marketRef(marketId).ask(r -> new Market.QueryListings(q, r), timeout);
    }
    ListingQuery wide =
        new ListingQuery(
            q.itemId(),
            q.seller(),
            q.minPrice(),
            q.maxPrice(),
            q.activeOnly(),
            0,
            Math.min(ListingQuery.MAX_LIMIT, q.offset() + q.limit()));
    return all(
        m -> marketRef(m).<ListingPage>ask(r -> new Market.QueryListings(wide, r), timeout),
        pages -> {
          List<Listing> merged = new ArrayList<>();
          int total = 0;
          for (ListingPage p : pages) {
            merged.addAll(p.listings());
            total += p.total();
          }
          merged.sort(
              Comparator.comparingDouble((Listing l) -> (double) l.price() / l.quantity())
                  .thenComparing(Listing::id));
          int from = Math.min(q.offset(), merged.size());
          int to = Math.min(from + q.limit(), merged.size());
          return new ListingPage(merged.subList(from, to), total, q.offset(), q.limit());
        });
  }

  /** Recent sales of {@code player} (all if null) in every market, newest first. */
  public CompletionStage<List<Sale>> sales(String player, int limit) {
    return all(
        m -> marketRef(m).<SalesPage>ask(r -> new Market.GetSales(player, null, limit, r), timeout),
        pages ->
            pages.stream()
                .flatMap(p -> p.sales().stream())
                .sorted(Comparator.comparing(Sale::at).reversed())
                .limit(limit)
                .toList());
  }

  /** Price statistics of {@code itemId}, one per market. */
  public CompletionStage<List<SalesPage>> prices(String itemId) {
    config.catalog().get(itemId);
    return all(
        m -> marketRef(m).<SalesPage>ask(r -> new Market.GetSales(null, itemId, 20, r), timeout),
        p -> p);
  }

  public CompletionStage<List<MarketSummary>> marketSummaries() {
    return all(m -> marketRef(m).<MarketSummary>ask(Market.GetSummary::new, timeout), p -> p);
  }

  // Trades

  /** Opens a trade between {@code first} and {@code second} under a fresh id. */
  public CompletionStage<TradeReply> openTrade(String first, String second) {
    return openTrade(first, second, null);
  }

  /**
   * Opens a trade between {@code first} and {@code second}. With an idempotency {@code key} (null:
   * none) the trade id is derived from {@code first} and the key ({@link IdempotentIds#trade}), so
   * a repeat gets the same trade; without one the id is random.
   */
  public CompletionStage<TradeReply> openTrade(String first, String second, String key) {
    // Read on the calling thread (the edge's TraceScope.call): the ask may run on another.
    String traceId = TraceMdc.current();
    return guarded(
        () ->
            tradeRef(key == null ? UUID.randomUUID().toString() : IdempotentIds.trade(first, key))
                .ask(r -> new Trade.OpenTrade(first, second, traceId, r), timeout));
  }

  public CompletionStage<TradeReply> offer(
      String tradeId, String player, long copper, List<ItemStack> items) {
    // Read on the calling thread (the edge's TraceScope.call): the ask may run on another.
    String traceId = TraceMdc.current();
    return guarded(
        () ->
            tradeRef(tradeId)
                .ask(r -> new Trade.SetOffer(player, copper, items, traceId, r), timeout));
  }

  public CompletionStage<TradeReply> confirm(String tradeId, String player, long version) {
    // Read on the calling thread (the edge's TraceScope.call): the ask may run on another.
    String traceId = TraceMdc.current();
    return guarded(
        () ->
            tradeRef(tradeId)
                .ask(r -> new Trade.ConfirmTrade(player, version, traceId, r), timeout));
  }

  public CompletionStage<TradeReply> cancelTrade(String tradeId, String player) {
    // Read on the calling thread (the edge's TraceScope.call): the ask may run on another.
    String traceId = TraceMdc.current();
    return tradeRef(tradeId).ask(r -> new Trade.CancelTrade(player, traceId, r), timeout);
  }

  public CompletionStage<TradeReply> trade(String tradeId) {
    return tradeRef(tradeId).ask(Trade.GetTrade::new, timeout);
  }

  // Helpers

  private <T, R> CompletionStage<R> all(
      Function<String, CompletionStage<T>> ask, Function<List<T>, R> combine) {
    List<CompletableFuture<T>> asks =
        config.markets().stream().map(m -> ask.apply(m).toCompletableFuture()).toList();
    return CompletableFuture.allOf(asks.toArray(CompletableFuture[]::new))
        .thenApply(v -> combine.apply(asks.stream().map(CompletableFuture::join).toList()));
  }

  /** Runs a write unless the economy is read-only; refusals become failed stages. */
  private <T> CompletionStage<T> guarded(Supplier<CompletionStage<T>> write) {
    try {
      EconomyGate.get(system).requireWritable();
      return write.get();
    } catch (MarketException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private void requireMarket(String marketId) {
    if (!config.markets().contains(marketId)) {
      throw new MarketException(
          MarketError.INVALID_ID,
          "market must be one of " + config.markets() + ", was " + marketId);
    }
  }

  private EntityRef<Market.Command> marketOfListing(String listingId) {
    String market = Ids.marketOfListing(listingId);
    if (!config.markets().contains(market)) {
      throw new MarketException(MarketError.LISTING_UNAVAILABLE, "no listing " + listingId);
    }
    return marketRef(market);
  }

  EntityRef<Holdings.Command> holdingsRef(String playerId) {
    return sharding.entityRefFor(Holdings.ENTITY_KEY, Ids.require("playerId", playerId));
  }

  private EntityRef<Market.Command> marketRef(String marketId) {
    return sharding.entityRefFor(Market.ENTITY_KEY, marketId);
  }

  private EntityRef<Trade.Command> tradeRef(String tradeId) {
    return sharding.entityRefFor(Trade.ENTITY_KEY, Ids.require("tradeId", tradeId));
  }

  private EntityRef<Treasury.Command> treasury() {
    return sharding.entityRefFor(Treasury.ENTITY_KEY, Treasury.ID);
  }
}
