package org.bluemarble.market.exchange;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bluemarble.market.MarketError;
import org.bluemarble.market.MarketException;
import org.bluemarble.market.MarketSettings;
import org.bluemarble.market.Money;
import org.bluemarble.market.Settlement;
import org.bluemarble.market.holdings.Leg;

/**
 * One auction: the item is in escrow from {@link #open}; each bid moves the bidder's money into the
 * auction's escrow and refunds the previous highest bidder at once (so losers are always refunded);
 * a bid reaching the buyout price wins immediately. {@link #settle} after the end pays the seller
 * (minus the seller-paid transaction fee, rounded down) and delivers the item, or, when the reserve
 * was not met, returns the item to the seller and refunds the highest bid.
 *
 * <p>Deterministic given the times passed in; the entity persists accepted bids and replays them.
 */
public final class Auction {
  /** Where the auction stands. */
  public enum State {
    RUNNING,
    BOUGHT_OUT,
    SETTLED
  }

  /** The standing highest bid. */
  public record Bid(String bidder, long amount, Instant at) {}

  private final AuctionTerms terms;
  private final MarketSettings settings;
  private Instant endsAt;
  private Bid highest;
  private State state = State.RUNNING;
  private int bidCount;

  private Auction(AuctionTerms terms, MarketSettings settings) {
    this.terms = terms;
    this.settings = settings;
    this.endsAt = terms.endsAt();
  }

  /**
   * Opens an auction; the settlement escrows the item. {@code sellerItems} is the seller's count of
   * the item ({@link MarketError#INSUFFICIENT_INVENTORY} below the auctioned quantity).
   */
  public static Opened open(
      AuctionTerms terms, MarketSettings settings, long sellerItems, Instant now) {
    Objects.requireNonNull(settings, "settings");
    if (sellerItems < terms.quantity()) {
      throw new MarketException(
          MarketError.INSUFFICIENT_INVENTORY,
          terms.seller()
              + " has "
              + sellerItems
              + " "
              + terms.itemId()
              + ", needs "
              + terms.quantity());
    }
    if (!terms.endsAt().isAfter(now)) {
      throw new MarketException(MarketError.INVALID_DURATION, "endsAt must be after now " + now);
    }
    Auction auction = new Auction(terms, settings);
    return new Opened(
        auction,
        Settlement.of(
            List.of(
                Leg.out(
                    key(terms) + ":escrow",
                    terms.seller(),
                    0,
                    Settlement.stack(terms.itemId(), terms.quantity()))),
            List.of(),
            0));
  }

  /** A new auction with the leg that escrows its item. */
  public record Opened(Auction auction, Settlement settlement) {}

  private static String key(AuctionTerms terms) {
    return "auction:" + terms.auctionId();
  }

  /**
   * Places a bid of {@code amount} copper at {@code now}; {@code bidderFunds} is the bidder's
   * wallet balance ({@link MarketError#INSUFFICIENT_FUNDS} below what the bid escrows).
   */
  public Settlement bid(String bidder, long amount, long bidderFunds, Instant now) {
    long paid = checkBid(bidder, amount, bidderFunds, now);
    boolean buyout = terms.buyoutPrice() > 0 && amount >= terms.buyoutPrice();
    bidCount++;
    String key = key(terms) + ":bid:" + bidCount;
    List<Leg> legs = new ArrayList<>();
    if (highest != null) {
      // Refund first, so a bidder raising their own bid can use the refunded money.
      legs.add(Leg.in(key + ":refund-previous", highest.bidder(), highest.amount(), List.of()));
    }
    legs.add(Leg.out(key, bidder, paid, List.of()));
    highest = new Bid(bidder, paid, now);
    if (buyout) {
      state = State.BOUGHT_OUT;
      endsAt = now;
    } else if (now.plus(terms.snipingWindow()).isAfter(endsAt)) {
      endsAt = now.plus(terms.snipingWindow());
    }
    return new Settlement(legs, 0);
  }

  /**
   * Throws exactly what {@link #bid} would throw, changing nothing; returns what the bid escrows
   * (the buyout price when the bid reaches it).
   */
  public long checkBid(String bidder, long amount, long bidderFunds, Instant now) {
    if (state != State.RUNNING || !now.isBefore(endsAt)) {
      throw new MarketException(
          MarketError.AUCTION_CLOSED, "auction '" + terms.auctionId() + "' ended at " + endsAt);
    }
    if (bidder.equals(terms.seller())) {
      throw new MarketException(MarketError.SELF_TRADE, "the seller cannot bid");
    }
    Money.requirePositive("amount", amount);
    long minimum =
        highest == null ? terms.startPrice() : Money.add(highest.amount(), terms.minIncrement());
    boolean buyout = terms.buyoutPrice() > 0 && amount >= terms.buyoutPrice();
    if (amount < minimum && !buyout) {
      throw new MarketException(
          MarketError.BID_TOO_LOW,
          "bid must be at least " + Money.format(minimum) + ", was " + Money.format(amount));
    }
    long paid = buyout ? terms.buyoutPrice() : amount;
    long usable =
        highest != null && highest.bidder().equals(bidder)
            ? Money.add(bidderFunds, highest.amount())
            : bidderFunds;
    if (usable < paid) {
      throw new MarketException(
          MarketError.INSUFFICIENT_FUNDS,
          bidder + " has " + Money.format(bidderFunds) + ", bid needs " + Money.format(paid));
    }
    return paid;
  }

  /** Closes the auction once ended (or bought out) and pays out. */
  public Settlement settle(Instant now) {
    checkSettle(now);
    state = State.SETTLED;
    String key = key(terms) + ":settle";
    boolean sold = highest != null && highest.amount() >= terms.reservePrice();
    if (!sold) {
      List<Leg> payouts = new ArrayList<>();
      if (highest != null) {
        payouts.add(Leg.in(key + ":refund", highest.bidder(), highest.amount(), List.of()));
      }
      payouts.add(itemTo(terms.seller(), key + ":return"));
      return Settlement.of(List.of(), payouts, 0);
    }
    long fee = settings.transactionFee(highest.amount());
    List<Leg> payouts = new ArrayList<>();
    if (highest.amount() - fee > 0) {
      payouts.add(Leg.in(key + ":pay", terms.seller(), highest.amount() - fee, List.of()));
    }
    payouts.add(itemTo(highest.bidder(), key + ":deliver"));
    return Settlement.of(List.of(), payouts, fee);
  }

  /** Throws exactly what {@link #settle} would throw, changing nothing. */
  public void checkSettle(Instant now) {
    if (state == State.SETTLED) {
      throw new MarketException(MarketError.AUCTION_CLOSED, "auction already settled");
    }
    if (state == State.RUNNING && now.isBefore(endsAt)) {
      throw new MarketException(
          MarketError.AUCTION_STILL_RUNNING, "auction runs until " + endsAt + ", now " + now);
    }
  }

  private Leg itemTo(String player, String key) {
    return Leg.in(key, player, 0, Settlement.stack(terms.itemId(), terms.quantity()));
  }

  public AuctionTerms terms() {
    return terms;
  }

  /** The current end, later than the original after anti-sniping extensions. */
  public Instant endsAt() {
    return endsAt;
  }

  public Optional<Bid> highestBid() {
    return Optional.ofNullable(highest);
  }

  public State state() {
    return state;
  }

  /** What changes while an auction runs (its terms aside): the serialized form for snapshots. */
  public record Progress(Instant endsAt, Bid highest, State state, int bidCount) {}

  public Progress progress() {
    return new Progress(endsAt, highest, state, bidCount);
  }

  /** The auction of {@code terms} as {@code progress} left it. */
  public static Auction restore(AuctionTerms terms, MarketSettings settings, Progress progress) {
    Auction a = new Auction(terms, Objects.requireNonNull(settings, "settings"));
    a.endsAt = progress.endsAt();
    a.highest = progress.highest();
    a.state = progress.state();
    a.bidCount = progress.bidCount();
    return a;
  }
}
