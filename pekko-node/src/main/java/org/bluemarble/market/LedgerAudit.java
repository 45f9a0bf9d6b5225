package org.bluemarble.market;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.persistence.jdbc.query.javadsl.JdbcReadJournal;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.stream.javadsl.Sink;
import org.bluemarble.market.exchange.Exchange;
import org.bluemarble.market.exchange.OrderBookEntity;
import org.bluemarble.market.holdings.Holdings;
import org.bluemarble.market.holdings.HoldingsView;
import org.bluemarble.market.trade.Trade;
import org.bluemarble.market.trade.TradeReply;
import org.bluemarble.market.trade.TradeView;
import org.bluemarble.market.treasury.TreasuryStatus;
import org.bluemarble.node.resilience.JournalReads;

/**
 * The admin's ledger check across entities: asks the treasury, every market, every trade and every
 * player's holdings (ids from the journal, or given) and adds up copper and items into a {@link
 * LedgerReport}. A full scan: meant for an admin button and tests, not for a hot path.
 */
public final class LedgerAudit {
  private final Economy economy;
  private final Exchange exchange;

  public LedgerAudit(Economy economy) {
    this(economy, null);
  }

  /** An audit that also counts the order books and auction houses of {@code exchange}. */
  public LedgerAudit(Economy economy, Exchange exchange) {
    this.economy = economy;
    this.exchange = exchange;
  }

  /** Every persistence id in the JDBC journal (the node's configured read journal). */
  public static CompletionStage<List<String>> journalIds(ActorSystem<?> system) {
    JdbcReadJournal journal =
        PersistenceQuery.get(system)
            .getReadJournalFor(JdbcReadJournal.class, JdbcReadJournal.Identifier());
    return JournalReads.get(system)
        .guard(() -> journal.currentPersistenceIds().runWith(Sink.seq(), system));
  }

  /** Checks using the players and trades named by journal persistence ids ({@code Type|id}). */
  public CompletionStage<LedgerReport> check(Collection<String> persistenceIds) {
    List<String> players = new ArrayList<>();
    List<String> trades = new ArrayList<>();
    List<String> books = new ArrayList<>();
    for (String pid : persistenceIds) {
      if (pid.startsWith(OrderBookEntity.ENTITY_KEY.name() + "|")) {
        books.add(pid.substring(OrderBookEntity.ENTITY_KEY.name().length() + 1));
      }
      if (pid.startsWith(Holdings.ENTITY_KEY.name() + "|")) {
        players.add(pid.substring(Holdings.ENTITY_KEY.name().length() + 1));
      } else if (pid.startsWith(Trade.ENTITY_KEY.name() + "|")) {
        trades.add(pid.substring(Trade.ENTITY_KEY.name().length() + 1));
      }
    }
    return check(players, trades, books);
  }

  /** Checks the given players' holdings and trades plus every market and the treasury. */
  public CompletionStage<LedgerReport> check(
      Collection<String> players, Collection<String> trades) {
    return check(players, trades, List.of());
  }

  /**
   * Checks the given players' holdings, trades and order books plus every market, every auction
   * house (with an exchange) and the treasury; books and houses count as markets in the report.
   */
  public CompletionStage<LedgerReport> check(
      Collection<String> players, Collection<String> trades, Collection<String> books) {
    CompletableFuture<TreasuryStatus> treasury = economy.treasuryStatus().toCompletableFuture();
    CompletableFuture<List<MarketSummary>> markets =
        economy
            .marketSummaries()
            .thenCombine(
                exchange == null
                    ? CompletableFuture.completedFuture(List.<MarketSummary>of())
                    : exchange.summaries(List.copyOf(books)),
                (a, b) -> {
                  List<MarketSummary> all = new ArrayList<>(a);
                  all.addAll(b);
                  return all;
                })
            .toCompletableFuture();
    List<CompletableFuture<HoldingsView>> holdings =
        players.stream().map(p -> economy.holdings(p).toCompletableFuture()).toList();
    List<CompletableFuture<TradeReply>> tradeViews =
        trades.stream().map(t -> economy.trade(t).toCompletableFuture()).toList();
    List<CompletableFuture<?>> everything = new ArrayList<>(holdings);
    everything.addAll(tradeViews);
    everything.add(treasury);
    everything.add(markets);
    return CompletableFuture.allOf(everything.toArray(CompletableFuture[]::new))
        .thenApply(
            v ->
                report(
                    treasury.join(),
                    markets.join(),
                    holdings.stream().map(CompletableFuture::join).toList(),
                    tradeViews.stream().map(CompletableFuture::join).toList()));
  }

  private static LedgerReport report(
      TreasuryStatus treasury,
      List<MarketSummary> markets,
      List<HoldingsView> holdings,
      List<TradeReply> trades) {
    Map<String, Long> items = new TreeMap<>();
    long players = 0;
    int negative = 0;
    for (HoldingsView h : holdings) {
      players += h.copper();
      negative += h.copper() < 0 || h.honor() < 0 ? 1 : 0;
      h.items().forEach((id, n) -> items.merge(id, (long) n, Long::sum));
    }
    long escrow = 0;
    long fees = 0;
    int inFlight = treasury.pendingLegs();
    for (MarketSummary m : markets) {
      escrow += m.escrowCopper();
      fees += m.feeSink();
      negative += m.escrowCopper() < 0 || m.feeSink() < 0 ? 1 : 0;
      inFlight += m.pendingLegs() + m.openOps();
      m.itemsHeld().forEach((id, n) -> items.merge(id, n, Long::sum));
    }
    long tradeEscrow = 0;
    for (TradeReply r : trades) {
      if (r instanceof TradeReply.TradeDone d) {
        TradeView t = d.trade();
        tradeEscrow += t.heldCopper();
        negative += t.heldCopper() < 0 ? 1 : 0;
        boolean busy =
            t.status().equals("ESCROWING")
                || t.status().equals("RELEASING")
                || t.status().equals("ABORTING");
        inFlight += busy ? 1 : 0;
        t.heldItems().forEach((id, n) -> items.merge(id, n, Long::sum));
      }
    }
    long circulating = players + escrow + fees + tradeEscrow + treasury.undeliveredCopper();
    boolean balanced = negative == 0 && circulating == treasury.mintedCopper();
    return new LedgerReport(
        treasury.mintedCopper(),
        0,
        players,
        escrow,
        fees,
        tradeEscrow,
        treasury.undeliveredCopper(),
        holdings.size(),
        negative,
        inFlight,
        items,
        treasury.itemsMinted(),
        balanced);
  }
}
