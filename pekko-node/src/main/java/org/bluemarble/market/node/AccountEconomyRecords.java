package org.bluemarble.market.node;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.bluemarble.account.AccountEconomy;
import org.bluemarble.edge.port.EconomyExport;
import org.bluemarble.edge.port.ExchangePort;
import org.bluemarble.edge.port.MarketPort;
import org.bluemarble.market.Economy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The economy's side of a person's data rights ({@link AccountEconomy}), through the same port the
 * HTTP and game edges use. Exports read, per holder, the wallet (with its last ledger lines), every
 * listing it made (all states, up to {@value #MAX_LISTINGS}), its orders and its purchases and
 * sales (the newest {@value #MAX_ROWS} each), and the direct trades its ledger lines name. Erasure
 * cancels what is still open (a listing that sells meanwhile simply stays sold), then forgets each
 * holder's ledger lines and freezes it for good ({@link Economy#eraseHistory}); balances and items
 * stay, so the ledger invariant holds.
 */
public final class AccountEconomyRecords implements AccountEconomy {
  private static final Logger log = LoggerFactory.getLogger(AccountEconomyRecords.class);
  static final int MAX_ROWS = 200;
  static final int MAX_LISTINGS = 1_000;

  private final Economy economy;
  private final MarketPort market;

  public AccountEconomyRecords(Economy economy, MarketPort market) {
    this.economy = economy;
    this.market = market;
  }

  @Override
  public CompletionStage<EconomyExport> export(List<String> holders) {
    List<CompletableFuture<EconomyExport>> each =
        holders.stream().map(h -> exportOne(h).toCompletableFuture()).toList();
    return CompletableFuture.allOf(each.toArray(CompletableFuture[]::new))
        .thenCompose(
            done -> {
              List<EconomyExport> parts = each.stream().map(CompletableFuture::join).toList();
              return trades(parts, Set.copyOf(holders)).thenApply(trades -> merge(parts, trades));
            });
  }

  private CompletionStage<EconomyExport> exportOne(String holder) {
    ExchangePort exchange = market.exchange();
    CompletableFuture<MarketPort.WalletInfo> wallet = market.wallet(holder).toCompletableFuture();
    CompletableFuture<List<MarketPort.ListingInfo>> listings =
        listings(holder, false, 0, new ArrayList<>()).toCompletableFuture();
    CompletableFuture<List<ExchangePort.OrderInfo>> orders =
        exchange == null
            ? CompletableFuture.completedFuture(List.of())
            : exchange.orders(holder, null, null, MAX_ROWS).toCompletableFuture();
    CompletableFuture<List<MarketPort.SaleInfo>> sales =
        market.transactions(holder, MAX_ROWS).toCompletableFuture();
    return CompletableFuture.allOf(wallet, listings, orders, sales)
        .thenApply(
            done ->
                new EconomyExport(
                    List.of(wallet.join()),
                    listings.join(),
                    orders.join(),
                    sales.join(),
                    List.of()));
  }

  /** Every listing {@code seller} made (or only the active ones), page by page. */
  private CompletionStage<List<MarketPort.ListingInfo>> listings(
      String seller, boolean activeOnly, int offset, List<MarketPort.ListingInfo> into) {
    return market
        .listings(
            new MarketPort.ListingFilter(
                null, null, seller, null, null, activeOnly, offset, MAX_ROWS))
        .thenCompose(
            page -> {
              into.addAll(page.listings());
              int next = offset + page.listings().size();
              boolean more =
                  !page.listings().isEmpty() && next < page.total() && next < MAX_LISTINGS;
              return more
                  ? listings(seller, activeOnly, next, into)
                  : CompletableFuture.completedFuture(into);
            });
  }

  /** The trades named by the ledger lines ({@code trade:<id>:...}) the holders took part in. */
  private CompletionStage<List<MarketPort.TradeInfo>> trades(
      List<EconomyExport> parts, Set<String> holders) {
    Set<String> ids = new LinkedHashSet<>();
    parts.stream()
        .flatMap(p -> p.wallets().stream())
        .flatMap(w -> w.ledger().stream())
        .map(MarketPort.LedgerLine::key)
        .filter(key -> key.startsWith("trade:"))
        .map(key -> key.split(":")[1])
        .forEach(ids::add);
    List<CompletableFuture<MarketPort.TradeInfo>> found =
        ids.stream()
            .map(id -> market.trade(id).exceptionally(unknown -> null).toCompletableFuture())
            .toList();
    return CompletableFuture.allOf(found.toArray(CompletableFuture[]::new))
        .thenApply(
            done ->
                found.stream()
                    .map(CompletableFuture::join)
                    .filter(
                        t ->
                            t != null
                                && (holders.contains(t.first()) || holders.contains(t.second())))
                    .toList());
  }

  private static EconomyExport merge(List<EconomyExport> parts, List<MarketPort.TradeInfo> trades) {
    return new EconomyExport(
        parts.stream().flatMap(p -> p.wallets().stream()).toList(),
        parts.stream().flatMap(p -> p.listings().stream()).toList(),
        parts.stream().flatMap(p -> p.orders().stream()).toList(),
        parts.stream().flatMap(p -> p.transactions().stream()).distinct().toList(),
        trades);
  }

  @Override
  public CompletionStage<Void> erase(List<String> holders) {
    List<CompletableFuture<Void>> each =
        holders.stream().map(h -> eraseOne(h).toCompletableFuture()).toList();
    return CompletableFuture.allOf(each.toArray(CompletableFuture[]::new));
  }

  private CompletionStage<Void> eraseOne(String holder) {
    return cancelOpen(holder)
        .thenCompose(cancelled -> economy.eraseHistory(holder))
        .thenApply(view -> null);
  }

  /**
   * Cancels the holder's active listings and open orders. A cancel that is refused (sold or filled
   * meanwhile, economy read-only) is logged and left: the freeze that follows stops new trading.
   */
  private CompletionStage<Void> cancelOpen(String holder) {
    ExchangePort exchange = market.exchange();
    CompletionStage<List<CompletableFuture<?>>> listingCancels =
        listings(holder, true, 0, new ArrayList<>())
            .thenApply(
                active ->
                    active.stream()
                        .<CompletableFuture<?>>map(
                            l -> quietly(market.cancel(holder, l.id()), holder, l.id()))
                        .toList());
    CompletionStage<List<CompletableFuture<?>>> orderCancels =
        exchange == null
            ? CompletableFuture.completedFuture(List.of())
            : exchange
                .orders(holder, null, null, MAX_ROWS)
                .thenApply(
                    orders ->
                        orders.stream()
                            .filter(o -> o.status().equals("OPEN") || o.status().equals("PENDING"))
                            .<CompletableFuture<?>>map(
                                o ->
                                    quietly(
                                        exchange.cancelOrder(holder, o.orderId()),
                                        holder,
                                        o.orderId()))
                            .toList());
    return listingCancels
        .thenCombine(
            orderCancels,
            (a, b) -> {
              List<CompletableFuture<?>> all = new ArrayList<>(a);
              all.addAll(b);
              return all;
            })
        .thenCompose(all -> CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)));
  }

  private static CompletableFuture<?> quietly(CompletionStage<?> cancel, String holder, String id) {
    return cancel
        .exceptionally(
            t -> {
              log.info("erasure of {}: {} not cancelled ({})", holder, id, t.getMessage());
              return null;
            })
        .toCompletableFuture();
  }
}
