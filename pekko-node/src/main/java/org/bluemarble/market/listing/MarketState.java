package org.bluemarble.market.listing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.bluemarble.market.MarketError;
import org.bluemarble.market.MarketSettings;
import org.bluemarble.market.MarketSummary;
import org.bluemarble.market.Money;
import org.bluemarble.market.PriceStatistics;
import org.bluemarble.market.PriceSummary;
import org.bluemarble.market.TradeRecord;
import org.bluemarble.market.TrustTier;
import org.bluemarble.market.holdings.Leg;
import org.bluemarble.market.inventory.ItemCatalog;
import org.bluemarble.market.listing.MarketReply.ListingDone;
import org.bluemarble.market.listing.MarketReply.MarketRefused;

/**
 * The state of one {@link Market}: its {@link ListingBoard}, operations waiting for a charge, legs
 * on their way to players, the escrowed copper, the collected fees, price statistics and the last
 * {@value #RECENT_SALES} sales. Mutable, so it never leaves the actor; every change comes from an
 * event, replayed in order, so the board's deterministic rules give the same result on recovery.
 */
public final class MarketState {
  static final int RECENT_SALES = 2_000;
  static final Duration STATS_WINDOW = Duration.ofHours(24);

  /** Buyers pay at most this; the real funds check is the buyer's holdings refusing the charge. */
  static final long ANY_FUNDS = Money.MAX_AMOUNT;

  private final String marketId;
  private final MarketSettings settings;
  private final ItemCatalog catalog;
  private final ListingBoard board;
  private final Map<String, MarketOp> ops = new LinkedHashMap<>();
  private final Map<String, String> reserved = new HashMap<>();
  private final Map<String, Leg> pending = new LinkedHashMap<>();
  private final Map<String, PriceStatistics> stats = new HashMap<>();
  private final Deque<Sale> recent = new ArrayDeque<>();
  private long escrowCopper;
  private long feeSink;

  MarketState(String marketId, MarketSettings settings, ItemCatalog catalog) {
    this(marketId, settings, catalog, new ListingBoard(settings));
  }

  private MarketState(
      String marketId, MarketSettings settings, ItemCatalog catalog, ListingBoard board) {
    this.marketId = marketId;
    this.settings = settings;
    this.catalog = catalog;
    this.board = board;
  }

  ListingBoard board() {
    return board;
  }

  MarketSettings settings() {
    return settings;
  }

  ItemCatalog catalog() {
    return catalog;
  }

  boolean isReserved(String listingId) {
    return reserved.containsKey(listingId);
  }

  boolean hasReservations() {
    return !reserved.isEmpty();
  }

  Optional<MarketOp> op(String opId) {
    return Optional.ofNullable(ops.get(opId));
  }

  Iterable<MarketOp> ops() {
    return List.copyOf(ops.values());
  }

  Iterable<Leg> pendingLegs() {
    return List.copyOf(pending.values());
  }

  Optional<Leg> pendingLeg(String key) {
    return Optional.ofNullable(pending.get(key));
  }

  /** The request an OPEN operation makes of the board. */
  NewListing newListing(MarketOp op) {
    return new NewListing(
        op.listingId(),
        op.player(),
        TrustTier.valueOf(op.tier()),
        catalog.get(op.itemId()),
        op.quantity(),
        op.price(),
        ListingDuration.ofDays(op.durationDays()));
  }

  // Event application

  MarketState started(Market.OpStarted e) {
    ops.put(e.op().opId(), e.op());
    reserved.put(e.op().listingId(), e.op().opId());
    return this;
  }

  MarketState charged(Market.OpCharged e) {
    MarketOp op = release(e.opId());
    if (op.charge() != null) {
      escrowCopper += op.charge().copper();
    }
    switch (op.kind()) {
      case OPEN -> {
        board.create(newListing(op), ANY_FUNDS, ANY_FUNDS, op.at());
        collect(op.charge().copper());
      }
      case REPRICE -> {
        board.reprice(
            op.listingId(), op.player(), TrustTier.valueOf(op.tier()), op.price(), op.at());
        if (op.charge() != null) {
          collect(op.charge().copper());
        }
      }
      case BUY -> sold(board.buy(op.listingId(), op.player(), ANY_FUNDS, op.at()), e.at());
    }
    return this;
  }

  private void sold(ListingOutcome outcome, Instant at) {
    Listing listing = outcome.listing();
    long fee = outcome.settlement().fee();
    collect(fee);
    outcome.settlement().payouts().forEach(this::owe);
    stats
        .computeIfAbsent(listing.itemId(), id -> new PriceStatistics(id, STATS_WINDOW))
        .record(
            new TradeRecord(
                listing.itemId(), listing.price() / listing.quantity(), listing.quantity(), at));
    recent.addLast(
        new Sale(
            listing.id(),
            marketId,
            listing.seller(),
            listing.buyer(),
            listing.itemId(),
            listing.quantity(),
            listing.price(),
            fee,
            at));
    while (recent.size() > RECENT_SALES) {
      recent.removeFirst();
    }
  }

  MarketState failed(Market.OpFailed e) {
    release(e.opId());
    if (e.refund() != null) {
      escrowCopper += e.refund().copper();
      owe(e.refund());
    }
    return this;
  }

  MarketState cancelled(Market.ListingCancelled e) {
    returned(board.cancel(e.listingId(), e.seller(), e.at()));
    return this;
  }

  MarketState expired(Market.ListingsExpired e) {
    board.expireDue(e.at()).forEach(this::returned);
    return this;
  }

  private void settled(String key) {
    Leg leg = pending.remove(key);
    if (leg != null) {
      escrowCopper -= leg.copper();
    }
  }

  MarketState settledAll(Market.LegsSettled e) {
    e.keys().forEach(this::settled);
    return this;
  }

  private void returned(ListingOutcome outcome) {
    outcome.settlement().payouts().forEach(this::owe);
  }

  private MarketOp release(String opId) {
    MarketOp op = ops.remove(opId);
    reserved.remove(op.listingId());
    return op;
  }

  private void collect(long fee) {
    escrowCopper -= fee;
    feeSink += fee;
  }

  private void owe(Leg leg) {
    if (!leg.isEmpty()) {
      pending.put(leg.key(), leg);
    } else {
      escrowCopper -= leg.copper();
    }
  }

  // Snapshots

  /** An immutable copy of everything this state holds, for the snapshot store. */
  MarketSnapshot snapshot() {
    List<MarketSnapshot.ItemStats> items =
        stats.entrySet().stream()
            .map(
                e ->
                    new MarketSnapshot.ItemStats(
                        e.getKey(), e.getValue().lastPrice(), e.getValue().trades()))
            .sorted(Comparator.comparing(MarketSnapshot.ItemStats::itemId))
            .toList();
    return new MarketSnapshot(
        escrowCopper,
        feeSink,
        board.all(),
        board.repriceCounts(),
        List.copyOf(ops.values()),
        List.copyOf(pending.values()),
        items,
        List.copyOf(recent),
        board.closedOrder());
  }

  /** The state {@link #snapshot()} was taken of; reservations follow from the operations. */
  static MarketState restore(
      String marketId, MarketSettings settings, ItemCatalog catalog, MarketSnapshot s) {
    ListingBoard board =
        ListingBoard.restore(settings, s.listings(), s.reprices(), s.closedOrder());
    MarketState state = new MarketState(marketId, settings, catalog, board);
    state.escrowCopper = s.escrowCopper();
    state.feeSink = s.feeSink();
    s.ops().forEach(op -> state.started(new Market.OpStarted(marketId, op)));
    s.pending().forEach(leg -> state.pending.put(leg.key(), leg));
    for (MarketSnapshot.ItemStats i : s.stats()) {
      state.stats.put(
          i.itemId(), PriceStatistics.restore(i.itemId(), STATS_WINDOW, i.lastPrice(), i.trades()));
    }
    state.recent.addAll(s.recent());
    return state;
  }

  // Queries

  boolean hasDueListings(Instant now) {
    return board.all().stream()
        .anyMatch(l -> l.status() == ListingStatus.ACTIVE && !now.isBefore(l.expiresAt()));
  }

  SalesPage salesPage(String player, String itemId, int limit, java.time.Clock clock) {
    int n = Math.max(1, Math.min(limit, ListingQuery.MAX_LIMIT));
    return new SalesPage(
        salesOf(player, n), itemId == null ? null : priceSummary(itemId, clock.instant()));
  }

  List<Sale> salesOf(String player, int limit) {
    return recent.stream()
        .filter(s -> player == null || s.seller().equals(player) || s.buyer().equals(player))
        .sorted((a, b) -> b.at().compareTo(a.at()))
        .limit(limit)
        .toList();
  }

  PriceSummary priceSummary(String itemId, Instant now) {
    PriceStatistics s = stats.get(itemId);
    return s == null ? new PriceSummary(itemId, 0, 0, 0, 0, 0, 0) : s.summary(now);
  }

  MarketSummary summary() {
    Map<String, Long> items = new TreeMap<>();
    for (Listing l : board.all()) {
      if (l.status() == ListingStatus.ACTIVE) {
        items.merge(l.itemId(), l.quantity(), Long::sum);
      }
    }
    for (Leg leg : pending.values()) {
      leg.items().forEach(s -> items.merge(s.itemId(), (long) s.quantity(), Long::sum));
    }
    int active = (int) board.all().stream().filter(l -> l.status() == ListingStatus.ACTIVE).count();
    return new MarketSummary(
        marketId, escrowCopper, feeSink, items, pending.size(), ops.size(), active);
  }

  /** Whether {@code listingId} was sold to {@code buyer} (so a keyed retry is answered as done). */
  boolean soldTo(String listingId, String buyer) {
    return board()
        .find(listingId)
        .filter(l -> l.status() == ListingStatus.SOLD && buyer.equals(l.buyer()))
        .isPresent();
  }

  MarketReply reply(String listingId) {
    return board
        .find(listingId)
        .<MarketReply>map(ListingDone::new)
        .orElseGet(
            () -> new MarketRefused(MarketError.LISTING_UNAVAILABLE, "no listing " + listingId));
  }

  ListingPage page(ListingQuery q) {
    List<Listing> matches =
        board.all().stream()
            .filter(l -> !q.activeOnly() || l.status() == ListingStatus.ACTIVE)
            .filter(l -> q.itemId() == null || l.itemId().equals(q.itemId()))
            .filter(l -> q.seller() == null || l.seller().equals(q.seller()))
            .filter(l -> q.minPrice() == null || l.price() >= q.minPrice())
            .filter(l -> q.maxPrice() == null || l.price() <= q.maxPrice())
            .sorted(
                Comparator.comparingDouble((Listing l) -> (double) l.price() / l.quantity())
                    .thenComparing(Listing::id))
            .toList();
    int from = Math.min(q.offset(), matches.size());
    int to = Math.min(from + q.limit(), matches.size());
    return new ListingPage(matches.subList(from, to), matches.size(), q.offset(), q.limit());
  }
}
