package org.bluemarble.market.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.bluemarble.config.Profile;
import org.bluemarble.market.Economy;
import org.bluemarble.market.LedgerAudit;
import org.bluemarble.market.LedgerReport;
import org.bluemarble.market.inventory.ItemStack;
import org.bluemarble.market.listing.MarketReply;
import org.bluemarble.market.node.EconomySettings;
import org.bluemarble.market.trade.TradeReply;
import org.bluemarble.market.trade.TradeView;
import org.bluemarble.node.CommonPool;
import org.bluemarble.node.testing.InProcessNode;
import org.bluemarble.persistence.TestPostgres;

/**
 * Market operations and completed trades per second on one node with the journal on a real
 * PostgreSQL ({@link TestPostgres}). Opens {@code listings} listings spread over {@code markets}
 * markets, buys all of them, then runs {@code trades} direct trades (copper for an item) to
 * completion; up to {@code inFlight} requests are outstanding at a time. Prints each phase's rate
 * and the final ledger check. A phase counts as settled when its own entities say so (markets have
 * nothing under way; every trade has finished): the full ledger audit, which asks every player's
 * holdings, runs once at the end rather than in the measured loop. Args: {@code [listings=2000]
 * [trades=1000] [markets=16] [inFlight=512] [journal=postgres|h2]}; {@code h2}: the embedded
 * profile's H2 file journal in a temporary data directory.
 */
public final class EconomyBenchmark {
  private EconomyBenchmark() {}

  public static void main(String[] args) throws Exception {
    CommonPool.requireParallelism();
    int listings = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
    int trades = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
    int markets = args.length > 2 ? Integer.parseInt(args[2]) : 16;
    int inFlight = args.length > 3 ? Integer.parseInt(args[3]) : 512;
    boolean h2 = args.length > 4 && args[4].equals("h2");
    Map<String, Object> overrides = new HashMap<>();
    if (h2) {
      Path dir = Files.createTempDirectory("economy-bench-h2");
      overrides.put("bluemarble.node.data-dir", dir.toString());
      System.out.println("journal: H2 file in " + dir);
    } else {
      overrides.putAll(TestPostgres.newDatabase().configOverrides());
    }
    List<String> names = new ArrayList<>();
    for (int i = 0; i < markets; i++) {
      names.add("m" + i);
    }
    overrides.put("bluemarble.market.markets", names);
    overrides.put("bluemarble.market.default-trust-tier", "ELITE");
    try (InProcessNode node =
        InProcessNode.start(h2 ? Profile.EMBEDDED : Profile.LOCAL1, overrides)) {
      System.out.println(
          "journal url: "
              + node.system.settings().config().getString("bluemarble.persistence.url"));
      Economy e =
          new Economy(
              node.system,
              EconomySettings.fromConfig(node.system.settings().config()).economy(),
              Duration.ofSeconds(60));
      // Warm-up: the same mix and size on other players, so the JIT has compiled the hot paths
      // before the measured round (a quarter-size warm-up left C2 busy with over a third of the
      // CPU during the measured round); its rates are printed but are not the result.
      System.out.println("-- warm-up round (not the result)");
      round(e, names, "w", listings, trades, inFlight);
      settle(node, e);
      System.out.println("-- measured round");
      Rates r = round(e, names, "r", listings, trades, inFlight);
      LedgerReport ledger = settle(node, e);
      System.out.printf(
          "market operations + completed trades: %d in %.2f s = %.0f /s%n",
          r.operations(), r.seconds(), r.operations() / r.seconds());
      System.out.printf(
          "completed trades %d of %d; ledger balanced=%s minted=%d circulating=%d%n",
          r.completedTrades(), trades, ledger.balanced(), ledger.minted(), ledger.circulating());
    }
  }

  /** What one round did: market operations (listings, purchases) and trades, and how long. */
  private record Rates(int operations, double seconds, long completedTrades) {}

  /**
   * One round on players named with {@code prefix}: mints, listings, purchases, trades. The
   * combined rate counts listings opened, purchases settled and trades completed over the time of
   * those three phases (the mints that fund the round are reported on their own).
   */
  private static Rates round(
      Economy e, List<String> names, String prefix, int listings, int trades, int inFlight)
      throws Exception {
    int markets = names.size();
    int perSeller = 40;
    int sellers = (listings + perSeller - 1) / perSeller;
    long t0 = System.nanoTime();
    run(
        sellers * 2 + trades * 2,
        inFlight,
        i -> {
          String who = i < sellers ? "s" + i : i < 2 * sellers ? "b" + (i - sellers) : "t" + i;
          List<ItemStack> items =
              i < sellers
                  ? List.of(new ItemStack("copper_ore", perSeller))
                  : i >= 2 * sellers && i % 2 == 1
                      ? List.of(new ItemStack("leather_cap", 1))
                      : List.of();
          return e.mint(UUID.randomUUID().toString(), prefix + who, 1_000_000, 0, items, "bench");
        });
    report("mints (treasury, one entity)", sellers * 2 + trades * 2, t0);

    List<String> ids = new ArrayList<>();
    long measured = System.nanoTime();
    t0 = System.nanoTime();
    run(
        listings,
        inFlight,
        i ->
            e.openListing(
                    names.get(i % markets),
                    prefix + "s" + (i / perSeller),
                    "copper_ore",
                    1,
                    100 + i,
                    1)
                .thenApply(
                    r -> {
                      synchronized (ids) {
                        ids.add(((MarketReply.ListingDone) r).listing().id());
                      }
                      return r;
                    }));
    report("listings opened (fee + items charged)", listings, t0);

    t0 = System.nanoTime();
    run(listings, inFlight, i -> e.buy(ids.get(i), prefix + "b" + (i % sellers)));
    report("purchases answered (buyer charged)", listings, t0);
    settleMarkets(e);
    report("purchases settled (seller paid, item delivered)", listings, t0);

    t0 = System.nanoTime();
    List<String> tradeIds = new ArrayList<>();
    run(
        trades,
        inFlight,
        i ->
            swap(e, prefix + "t" + (sellers * 2 + 2 * i), prefix + "t" + (sellers * 2 + 2 * i + 1))
                .thenApply(
                    id -> {
                      synchronized (tradeIds) {
                        tradeIds.add(id);
                      }
                      return id;
                    }));
    report("trades confirmed (5 commands each)", trades, t0);
    settleTrades(e, tradeIds);
    report("trades completed (escrow + release settled)", trades, t0);
    double seconds = (System.nanoTime() - measured) / 1e9;
    long completed =
        tradeIds.stream()
            .map(id -> ((TradeReply.TradeDone) join(e.trade(id))).trade().status())
            .filter("COMPLETED"::equals)
            .count();
    return new Rates(2 * listings + trades, seconds, completed);
  }

  private static CompletionStage<String> swap(Economy e, String payer, String giver) {
    return e.openTrade(payer, giver)
        .thenCompose(
            r -> {
              String id = ((TradeReply.TradeDone) r).trade().tradeId();
              return e.offer(id, payer, 500, List.of())
                  .thenCompose(x -> e.offer(id, giver, 0, List.of(new ItemStack("leather_cap", 1))))
                  .thenCompose(
                      v -> {
                        TradeView t = ((TradeReply.TradeDone) v).trade();
                        return e.confirm(id, payer, t.version())
                            .thenCompose(x -> e.confirm(id, giver, t.version()))
                            .thenApply(x -> id);
                      });
            });
  }

  /** Waits until no market has an operation or a leg under way (asks only the markets). */
  private static void settleMarkets(Economy e) throws Exception {
    while (e.marketSummaries().toCompletableFuture().get().stream()
        .anyMatch(m -> m.pendingLegs() + m.openOps() > 0)) {
      // A benchmark main, not a test: polling the saga state until it drains.
      TimeUnit.MILLISECONDS.sleep(20);
    }
  }

  /** Waits until every trade of {@code ids} has finished (asks only the unfinished ones). */
  private static void settleTrades(Economy e, List<String> ids) throws Exception {
    List<String> open = new ArrayList<>(ids);
    while (!open.isEmpty()) {
      List<CompletableFuture<TradeReply>> asks =
          open.stream().map(id -> e.trade(id).toCompletableFuture()).toList();
      List<String> still = new ArrayList<>();
      for (int i = 0; i < open.size(); i++) {
        String status = ((TradeReply.TradeDone) asks.get(i).get()).trade().status();
        if (!status.equals("COMPLETED") && !status.equals("CANCELLED")) {
          still.add(open.get(i));
        }
      }
      open = still;
      if (!open.isEmpty()) {
        TimeUnit.MILLISECONDS.sleep(20);
      }
    }
  }

  /** The full ledger check once nothing is in flight (asks every holdings and trade). */
  private static LedgerReport settle(InProcessNode node, Economy e) throws Exception {
    while (true) {
      List<String> pids = LedgerAudit.journalIds(node.system).toCompletableFuture().get();
      LedgerReport r = new LedgerAudit(e).check(pids).toCompletableFuture().get();
      if (r.inFlight() == 0) {
        return r;
      }
      // A benchmark main, not a test: polling the saga state until it drains.
      TimeUnit.MILLISECONDS.sleep(20);
    }
  }

  private static <T> T join(CompletionStage<T> s) {
    return s.toCompletableFuture().join();
  }

  private static void run(int n, int inFlight, IntFunction<CompletionStage<?>> op)
      throws Exception {
    Semaphore permits = new Semaphore(inFlight);
    List<CompletableFuture<?>> all = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      permits.acquire();
      CompletableFuture<?> f = op.apply(i).toCompletableFuture();
      f.whenComplete((v, t) -> permits.release());
      all.add(f);
    }
    CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(10, TimeUnit.MINUTES);
  }

  private static void report(String what, int n, long startNanos) {
    double s = (System.nanoTime() - startNanos) / 1e9;
    System.out.printf("%-50s %7d in %6.2f s = %8.0f /s%n", what, n, s, n / s);
  }
}
