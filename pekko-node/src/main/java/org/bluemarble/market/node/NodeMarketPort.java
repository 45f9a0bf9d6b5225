package org.bluemarble.market.node;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.apache.pekko.actor.typed.ActorSystem;
import org.bluemarble.edge.port.ExchangePort;
import org.bluemarble.edge.port.MarketPort;
import org.bluemarble.edge.port.MarketRefusal;
import org.bluemarble.market.Economy;
import org.bluemarble.market.LedgerAudit;
import org.bluemarble.market.MarketError;
import org.bluemarble.market.MarketException;
import org.bluemarble.market.TrustTier;
import org.bluemarble.market.exchange.Exchange;
import org.bluemarble.market.holdings.HoldingsView;
import org.bluemarble.market.listing.ListingQuery;
import org.bluemarble.market.listing.SalesPage;

/**
 * The node's {@link MarketPort}: translates edge requests into {@link Economy} calls and the
 * entities' replies into the port's records; every refusal becomes a {@link MarketRefusal} with the
 * {@link MarketError} name as its code.
 */
public final class NodeMarketPort implements MarketPort {
  private final ActorSystem<?> system;
  private final Economy economy;
  private final Exchange exchange;
  private volatile SalesIndex sales = SalesIndex.NONE;

  public NodeMarketPort(ActorSystem<?> system, Economy economy) {
    this(system, economy, null);
  }

  /** A port that also serves the order books and auctions of {@code exchange} (null: none). */
  public NodeMarketPort(ActorSystem<?> system, Economy economy, Exchange exchange) {
    this.system = system;
    this.economy = economy;
    this.exchange = exchange;
  }

  /** Answers sales history and prices from {@code index} while it is caught up with the journal. */
  void useSalesIndex(SalesIndex index) {
    this.sales = index;
  }

  @Override
  public ExchangePort exchange() {
    return exchange == null ? null : new NodeExchangePort(exchange);
  }

  @Override
  public CompletionStage<ListingPage> listings(ListingFilter f) {
    return call(
        () ->
            economy
                .listings(
                    f.market(),
                    new ListingQuery(
                        f.itemId(),
                        f.seller(),
                        f.minPrice(),
                        f.maxPrice(),
                        f.activeOnly(),
                        f.offset(),
                        f.limit()))
                .thenApply(
                    p ->
                        new ListingPage(
                            p.listings().stream().map(MarketPortRecords::info).toList(),
                            p.total(),
                            p.offset(),
                            p.limit())));
  }

  @Override
  public CompletionStage<ListingInfo> listing(String listingId) {
    return call(() -> economy.listing(listingId).thenApply(MarketPortRecords::listingOrThrow));
  }

  @Override
  public CompletionStage<ListingInfo> createListing(
      String seller,
      String market,
      String itemId,
      long quantity,
      long price,
      int days,
      String idempotencyKey) {
    String m = market == null ? economy.config().markets().get(0) : market;
    return call(
        EconomyMetrics.Kind.LISTING_CREATE,
        () ->
            economy
                .openListing(m, seller, itemId, quantity, price, days, idempotencyKey)
                .thenApply(MarketPortRecords::listingOrThrow));
  }

  @Override
  public CompletionStage<ListingInfo> reprice(String seller, String listingId, long price) {
    return call(
        EconomyMetrics.Kind.LISTING_REPRICE,
        () ->
            economy.reprice(listingId, seller, price).thenApply(MarketPortRecords::listingOrThrow));
  }

  @Override
  public CompletionStage<ListingInfo> cancel(String seller, String listingId) {
    return call(
        EconomyMetrics.Kind.LISTING_CANCEL,
        () -> economy.cancel(listingId, seller).thenApply(MarketPortRecords::listingOrThrow));
  }

  @Override
  public CompletionStage<ListingInfo> buy(String buyer, String listingId) {
    return buy(buyer, listingId, null);
  }

  @Override
  public CompletionStage<ListingInfo> buy(String buyer, String listingId, String idempotencyKey) {
    return call(
        EconomyMetrics.Kind.BUY,
        () ->
            economy
                .buy(listingId, buyer, idempotencyKey)
                .thenApply(MarketPortRecords::listingOrThrow));
  }

  @Override
  public CompletionStage<List<SaleInfo>> transactions(String player, int limit) {
    return call(
        () ->
            sales
                .sales(player, limit)
                .thenCompose(
                    indexed ->
                        indexed.isPresent()
                            ? CompletableFuture.completedFuture(indexed.get())
                            : economy.sales(player, limit))
                .thenApply(list -> list.stream().map(MarketPortRecords::saleInfo).toList()));
  }

  @Override
  public CompletionStage<List<PriceInfo>> prices(String itemId) {
    List<String> markets = economy.config().markets();
    return call(
        () -> {
          economy.config().catalog().get(itemId);
          return sales
              .prices(itemId, markets, Instant.now())
              .thenCompose(
                  indexed ->
                      indexed.isPresent()
                          ? CompletableFuture.completedFuture(
                              markets.stream().map(m -> indexed.get().get(m)).toList())
                          : economy
                              .prices(itemId)
                              .thenApply(pages -> pages.stream().map(SalesPage::prices).toList()))
              .thenApply(summaries -> MarketPortRecords.prices(itemId, markets, summaries));
        });
  }

  @Override
  public CompletionStage<WalletInfo> wallet(String playerId) {
    return call(() -> economy.holdings(playerId).thenApply(this::wallet));
  }

  @Override
  public CompletionStage<TradeInfo> openTrade(String first, String second, String idempotencyKey) {
    return call(
        EconomyMetrics.Kind.TRADE_OPEN,
        () ->
            economy
                .openTrade(first, second, idempotencyKey)
                .thenApply(MarketPortRecords::tradeOrThrow));
  }

  @Override
  public CompletionStage<TradeInfo> trade(String tradeId) {
    return call(() -> economy.trade(tradeId).thenApply(MarketPortRecords::tradeOrThrow));
  }

  @Override
  public CompletionStage<TradeInfo> offer(
      String tradeId, String player, long copper, List<Stack> items) {
    return call(
        EconomyMetrics.Kind.TRADE_OFFER,
        () ->
            economy
                .offer(tradeId, player, copper, MarketPortRecords.stacks(items))
                .thenApply(MarketPortRecords::tradeOrThrow));
  }

  @Override
  public CompletionStage<TradeInfo> confirm(String tradeId, String player, long version) {
    return call(
        EconomyMetrics.Kind.TRADE_CONFIRM,
        () -> economy.confirm(tradeId, player, version).thenApply(MarketPortRecords::tradeOrThrow));
  }

  @Override
  public CompletionStage<TradeInfo> cancelTrade(String tradeId, String player) {
    return call(
        EconomyMetrics.Kind.TRADE_CANCEL,
        () -> economy.cancelTrade(tradeId, player).thenApply(MarketPortRecords::tradeOrThrow));
  }

  @Override
  public CompletionStage<WalletInfo> freeze(String playerId, boolean frozen, String reason) {
    return call(
        EconomyMetrics.Kind.FREEZE,
        () -> economy.freeze(playerId, frozen, reason).thenApply(this::wallet));
  }

  @Override
  public CompletionStage<Minted> mint(
      String key, String playerId, long copper, long honor, List<Stack> items, String reason) {
    return call(
        EconomyMetrics.Kind.MINT,
        () ->
            economy
                .mint(key, playerId, copper, honor, MarketPortRecords.stacks(items), reason)
                .thenApply(
                    r -> {
                      if (r.refusal() != null) {
                        throw new MarketRefusal("INVALID_INPUT", r.refusal());
                      }
                      return new Minted(r.key(), r.fresh());
                    }));
  }

  @Override
  public CompletionStage<EconomyStatus> status() {
    return call(() -> economy.treasuryStatus().thenApply(MarketPortRecords::status));
  }

  @Override
  public CompletionStage<EconomyStatus> setReadOnly(boolean readOnly, String reason) {
    return call(() -> economy.setReadOnly(readOnly, reason).thenApply(MarketPortRecords::status));
  }

  @Override
  public CompletionStage<LedgerInfo> ledgerCheck() {
    return call(
        () ->
            LedgerAudit.journalIds(system)
                .thenCompose(ids -> new LedgerAudit(economy, exchange).check(ids))
                .thenApply(MarketPortRecords::ledger));
  }

  // Translation

  /** {@link #call(Supplier)}, counted in {@link EconomyMetrics} under {@code kind}. */
  private static <T> CompletionStage<T> call(
      EconomyMetrics.Kind kind, Supplier<CompletionStage<T>> body) {
    return EconomyMetrics.count(kind, call(body));
  }

  private static <T> CompletionStage<T> call(Supplier<CompletionStage<T>> body) {
    CompletionStage<T> stage;
    try {
      stage = body.get();
    } catch (MarketException e) {
      return CompletableFuture.failedFuture(refusal(e));
    }
    return stage.exceptionally(
        t -> {
          Throwable cause =
              t instanceof java.util.concurrent.CompletionException ? t.getCause() : t;
          if (cause instanceof MarketException e) {
            throw refusal(e);
          }
          if (cause instanceof RuntimeException r) {
            throw r;
          }
          throw new java.util.concurrent.CompletionException(cause);
        });
  }

  private static MarketRefusal refusal(MarketException e) {
    return new MarketRefusal(e.error().name(), e.getMessage());
  }

  @Override
  public CompletionStage<WalletInfo> setTrustTier(String playerId, String tier, String reason) {
    return call(
        () -> {
          TrustTier t;
          try {
            t = TrustTier.valueOf(tier == null ? "" : tier);
          } catch (IllegalArgumentException e) {
            throw new MarketException(
                MarketError.INVALID_TRUST_TIER,
                "tier must be one of " + List.of(TrustTier.values()) + ", was " + tier);
          }
          return economy.setTrustTier(playerId, t, reason).thenApply(this::wallet);
        });
  }

  private WalletInfo wallet(HoldingsView h) {
    return MarketPortRecords.wallet(h, economy.config().defaultTier().name());
  }
}
