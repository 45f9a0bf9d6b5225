package org.bluemarble.market.exchange;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bluemarble.market.MarketError;
import org.bluemarble.market.MarketException;
import org.bluemarble.market.MarketSettings;
import org.bluemarble.market.MarketSummary;
import org.bluemarble.market.holdings.Leg;
import org.bluemarble.market.saga.RepeatCheck;

/**
 * The state of one {@link AuctionHouse}: its {@link Auction} rule objects, auctions and bids
 * waiting for their escrow, the outcome of settled auctions and the escrow books. Mutable; rebuilt
 * by replaying events, which also restores every auction's deadline (its end plus the anti-sniping
 * extensions of the accepted bids).
 */
public final class AuctionHouseState {
  private final String market;
  private final MarketSettings fees;
  private final EscrowBooks escrow;
  private final Map<String, Auction> auctions = new LinkedHashMap<>();
  private final Map<String, AuctionHouse.AuctionSubmitted> pendingAuctions = new LinkedHashMap<>();
  private final Map<String, AuctionHouse.BidSubmitted> pendingBids = new LinkedHashMap<>();
  private final Map<String, Integer> bidCounts = new HashMap<>();
  private final Map<String, String> outcomes = new HashMap<>();
  private final Map<String, AuctionView> rejected = new HashMap<>();

  /** Pending and running (not yet settled) auctions per seller, for the trust tier's limit. */
  private final Map<String, Integer> openBySeller = new HashMap<>();

  AuctionHouseState(String market, MarketSettings fees) {
    this(market, fees, new EscrowBooks(""));
  }

  private AuctionHouseState(String market, MarketSettings fees, EscrowBooks escrow) {
    this.market = market;
    this.fees = fees;
    this.escrow = escrow;
  }

  // Snapshots

  AuctionHouseSnapshot snapshot() {
    return new AuctionHouseSnapshot(
        auctions.values().stream()
            .map(a -> new AuctionHouseSnapshot.Lot(a.terms(), a.progress()))
            .toList(),
        List.copyOf(pendingAuctions.values()),
        List.copyOf(pendingBids.values()),
        bidCounts,
        outcomes,
        rejected,
        escrow.snapshot());
  }

  /** The state {@code s} describes; the per-seller counts are rebuilt from the auctions. */
  static AuctionHouseState restore(String market, MarketSettings fees, AuctionHouseSnapshot s) {
    AuctionHouseState state =
        new AuctionHouseState(market, fees, EscrowBooks.restore("", s.escrow()));
    for (AuctionHouseSnapshot.Lot lot : s.auctions()) {
      Auction a = Auction.restore(lot.terms(), fees, lot.progress());
      state.auctions.put(lot.terms().auctionId(), a);
      if (a.state() != Auction.State.SETTLED) {
        state.track(lot.terms().seller(), 1);
      }
    }
    s.pendingAuctions()
        .forEach(
            p -> {
              state.pendingAuctions.put(p.terms().auctionId(), p);
              state.track(p.terms().seller(), 1);
            });
    s.pendingBids().forEach(b -> state.pendingBids.put(b.bidId(), b));
    state.bidCounts.putAll(s.bidCounts());
    state.outcomes.putAll(s.outcomes());
    state.rejected.putAll(s.rejected());
    return state;
  }

  Optional<Auction> auction(String auctionId) {
    return Optional.ofNullable(auctions.get(auctionId));
  }

  /** {@code seller}'s auctions waiting for their escrow or not yet settled. */
  int openCountOf(String seller) {
    return openBySeller.getOrDefault(seller, 0);
  }

  private void track(String seller, int delta) {
    openBySeller.merge(seller, delta, (a, b) -> a + b == 0 ? null : a + b);
  }

  boolean isKnown(String auctionId) {
    return auctions.containsKey(auctionId)
        || pendingAuctions.containsKey(auctionId)
        || rejected.containsKey(auctionId);
  }

  Optional<AuctionHouse.AuctionSubmitted> pendingAuction(String auctionId) {
    return Optional.ofNullable(pendingAuctions.get(auctionId));
  }

  Optional<AuctionHouse.BidSubmitted> pendingBid(String bidId) {
    return Optional.ofNullable(pendingBids.get(bidId));
  }

  /** Charges still to be answered: item escrows of new auctions and bid escrows. */
  List<Leg> charges() {
    List<Leg> out = new ArrayList<>();
    pendingAuctions.values().forEach(a -> out.add(a.charge()));
    pendingBids.values().forEach(b -> out.add(b.charge()));
    return out;
  }

  EscrowBooks escrow() {
    return escrow;
  }

  /** Auctions that ended (or were bought out) at {@code now} and are not settled yet. */
  List<String> due(Instant now) {
    return auctions.entrySet().stream()
        .filter(
            e ->
                e.getValue().state() == Auction.State.BOUGHT_OUT
                    || (e.getValue().state() == Auction.State.RUNNING
                        && !now.isBefore(e.getValue().endsAt())))
        .map(Map.Entry::getKey)
        .toList();
  }

  // Event application

  AuctionHouseState submitted(AuctionHouse.AuctionSubmitted e) {
    pendingAuctions.put(e.terms().auctionId(), e);
    track(e.terms().seller(), 1);
    return this;
  }

  AuctionHouseState opened(AuctionHouse.AuctionOpened e) {
    AuctionHouse.AuctionSubmitted s = pendingAuctions.remove(e.auctionId());
    escrow.charged(s.charge());
    Auction.Opened o = Auction.open(s.terms(), fees, Long.MAX_VALUE, e.at());
    escrow.apply(o.settlement());
    auctions.put(e.auctionId(), o.auction());
    return this;
  }

  AuctionHouseState rejected(AuctionHouse.AuctionRejected e) {
    AuctionHouse.AuctionSubmitted s = pendingAuctions.remove(e.auctionId());
    track(s.terms().seller(), -1);
    rejected.put(e.auctionId(), view(s.terms(), null, "REJECTED", e.message()));
    return this;
  }

  AuctionHouseState bidSubmitted(AuctionHouse.BidSubmitted e) {
    pendingBids.put(e.bidId(), e);
    return this;
  }

  AuctionHouseState bidAccepted(AuctionHouse.BidAccepted e) {
    AuctionHouse.BidSubmitted b = pendingBids.remove(e.bidId());
    escrow.charged(b.charge());
    escrow.apply(auctions.get(b.auctionId()).bid(b.bidder(), b.amount(), Long.MAX_VALUE, e.at()));
    bidCounts.merge(b.auctionId(), 1, Integer::sum);
    return this;
  }

  AuctionHouseState bidFailed(AuctionHouse.BidFailed e) {
    AuctionHouse.BidSubmitted b = pendingBids.remove(e.bidId());
    if (e.refund() != null) {
      escrow.charged(b.charge());
      escrow.owe(e.refund());
    }
    return this;
  }

  AuctionHouseState settled(AuctionHouse.AuctionSettled e) {
    Auction a = auctions.get(e.auctionId());
    boolean sold = a.highestBid().map(b -> b.amount() >= a.terms().reservePrice()).orElse(false);
    escrow.apply(a.settle(e.at()));
    track(a.terms().seller(), -1);
    outcomes.put(e.auctionId(), sold ? "SOLD" : "UNSOLD");
    return this;
  }

  AuctionHouseState legSettled(AuctionHouse.LegSettled e) {
    escrow.settled(e.key());
    return this;
  }

  // Queries

  AuctionReply reply(String auctionId) {
    Auction a = auctions.get(auctionId);
    if (a != null) {
      return new AuctionReply.AuctionDone(view(a));
    }
    AuctionView v = rejected.get(auctionId);
    if (v == null && pendingAuctions.containsKey(auctionId)) {
      v = view(pendingAuctions.get(auctionId).terms(), null, "PENDING", null);
    }
    return v == null
        ? new AuctionReply.AuctionRefused(
            MarketError.AUCTION_UNAVAILABLE, "no auction " + auctionId)
        : new AuctionReply.AuctionDone(v);
  }

  List<AuctionView> list(String itemId, boolean runningOnly, int limit) {
    return auctions.values().stream()
        .filter(a -> itemId == null || a.terms().itemId().equals(itemId))
        .filter(a -> !runningOnly || a.state() == Auction.State.RUNNING)
        .map(this::view)
        .sorted(Comparator.comparing(AuctionView::endsAt).thenComparing(AuctionView::auctionId))
        .limit(Math.max(1, Math.min(limit, 200)))
        .toList();
  }

  AuctionView view(Auction a) {
    String status =
        a.state() == Auction.State.SETTLED ? outcomes.get(a.terms().auctionId()) : a.state().name();
    return view(a.terms(), a, status, null);
  }

  private AuctionView view(AuctionTerms t, Auction a, String status, String reason) {
    var high = a == null ? Optional.<Auction.Bid>empty() : a.highestBid();
    return new AuctionView(
        t.auctionId(),
        market,
        t.seller(),
        t.itemId(),
        t.quantity(),
        t.startPrice(),
        t.minIncrement(),
        t.buyoutPrice(),
        high.map(b -> b.amount() >= t.reservePrice()).orElse(false),
        high.map(Auction.Bid::bidder).orElse(null),
        high.map(Auction.Bid::amount).orElse(0L),
        bidCounts.getOrDefault(t.auctionId(), 0),
        a == null ? t.endsAt() : a.endsAt(),
        status,
        reason);
  }

  MarketSummary summary() {
    int running =
        (int) auctions.values().stream().filter(a -> a.state() != Auction.State.SETTLED).count();
    return escrow.summary(
        "auctions:" + market, pendingAuctions.size() + pendingBids.size(), running);
  }

  private static final RepeatCheck REPEATS = new RepeatCheck("auction", "created", "other terms");

  /**
   * The answer for a repeat of {@code cmd} (an auction id the house knows, from a retry with the
   * same idempotency key, {@link org.bluemarble.market.saga.IdempotentIds#auction}): the auction as
   * it is now, PENDING while its item escrow is under way so nothing is escrowed twice; empty when
   * the id is new. A rejected auction's id keeps today's refusal.
   *
   * @throws MarketException IDEMPOTENCY_KEY_REUSED when the id was used for other terms
   */
  Optional<AuctionReply> repeatOf(AuctionHouse.CreateAuction cmd) {
    Optional<AuctionTerms> known =
        pendingAuction(cmd.auctionId())
            .map(AuctionHouse.AuctionSubmitted::terms)
            .or(() -> auction(cmd.auctionId()).map(Auction::terms));
    return REPEATS
        .earlier(
            cmd.auctionId(),
            known,
            t ->
                t.seller().equals(cmd.seller())
                    && t.itemId().equals(cmd.itemId())
                    && t.quantity() == cmd.quantity()
                    && t.startPrice() == cmd.startPrice()
                    && t.minIncrement() == cmd.minIncrement()
                    && t.reservePrice() == cmd.reservePrice()
                    && t.buyoutPrice() == cmd.buyoutPrice())
        .map(t -> reply(cmd.auctionId()));
  }
}
