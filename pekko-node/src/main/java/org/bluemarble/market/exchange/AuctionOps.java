package org.bluemarble.market.exchange;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bluemarble.market.Ids;
import org.bluemarble.market.MarketError;
import org.bluemarble.market.MarketException;
import org.bluemarble.market.Settlement;
import org.bluemarble.market.TrustTier;
import org.bluemarble.market.holdings.Leg;
import org.bluemarble.market.holdings.LegReply;
import org.bluemarble.market.holdings.TierCheck;
import org.bluemarble.market.inventory.ItemCatalog;

/**
 * Plans an {@link AuctionHouse}'s sagas: validates a request against the house's state (throwing
 * what it would be refused with) and builds the event that records it with its escrow leg (the
 * seller's items under {@code auction:<id>:charge}, a bid's copper under {@code
 * auction:<id>:bid-charge:<bidId>}, which also needs room for the lot). Changes nothing.
 */
final class AuctionOps {
  private static final String PREFIX = "auction:";
  private static final String CHARGE = ":charge";
  private static final String BID_CHARGE = ":bid-charge:";

  private final String market;
  private final ItemCatalog catalog;
  private final AuctionSettings rules;
  private final TrustTier defaultTier;

  AuctionOps(String market, ItemCatalog catalog, AuctionSettings rules, TrustTier defaultTier) {
    this.market = market;
    this.catalog = catalog;
    this.rules = rules;
    this.defaultTier = defaultTier;
  }

  AuctionHouse.AuctionSubmitted create(
      AuctionHouseState state, AuctionHouse.CreateAuction cmd, Instant now) {
    if (!market.equals(Ids.houseOfAuction(cmd.auctionId()))) {
      throw new MarketException(
          MarketError.INVALID_ID, "auction " + cmd.auctionId() + " is not in " + market);
    }
    if (state.isKnown(cmd.auctionId())) {
      throw new MarketException(
          MarketError.IDEMPOTENCY_CONFLICT, "auction id " + cmd.auctionId() + " was used");
    }
    var item =
        catalog
            .find(cmd.itemId())
            .orElseThrow(
                () ->
                    new MarketException(MarketError.UNKNOWN_ITEM, "unknown item " + cmd.itemId()));
    if (!item.tradeable()) {
      throw new MarketException(MarketError.NOT_TRADEABLE, item.id() + " cannot be traded");
    }
    AuctionTerms terms =
        new AuctionTerms(
            cmd.auctionId(),
            cmd.seller(),
            cmd.itemId(),
            cmd.quantity(),
            cmd.startPrice(),
            cmd.minIncrement(),
            cmd.reservePrice(),
            cmd.buyoutPrice(),
            now.plus(rules.requireDuration(cmd.duration())),
            rules.snipingWindow());
    Leg charge =
        Leg.out(
            PREFIX + cmd.auctionId() + CHARGE,
            cmd.seller(),
            0,
            Settlement.stack(cmd.itemId(), cmd.quantity()));
    // The tier limits the seller's running and pending auctions in this house and the highest
    // price the auction names (reserve, buyout or start).
    long value = Math.max(cmd.startPrice(), Math.max(cmd.reservePrice(), cmd.buyoutPrice()));
    charge =
        charge.withTierCheck(
            new TierCheck(
                "running auctions in " + market,
                state.openCountOf(cmd.seller()) + 1,
                value,
                defaultTier));
    return new AuctionHouse.AuctionSubmitted(market, terms, charge, now);
  }

  /** The price a buyout pays; {@link MarketError#INVALID_AMOUNT} when the auction has none. */
  long buyoutPrice(AuctionHouseState state, String auctionId) {
    long price = running(state, auctionId).terms().buyoutPrice();
    if (price == 0) {
      throw new MarketException(
          MarketError.INVALID_AMOUNT, "auction " + auctionId + " has no buyout");
    }
    return price;
  }

  /** A bid of {@code amount} copper, or of the buyout price when {@code amount} is null. */
  AuctionHouse.BidSubmitted bid(
      AuctionHouseState state, String auctionId, String bidder, Long amount, Instant now) {
    long price = amount != null ? amount : buyoutPrice(state, auctionId);
    Auction a = running(state, auctionId);
    long paid = a.checkBid(bidder, price, Long.MAX_VALUE, now);
    String bidId = UUID.randomUUID().toString();
    Leg charge =
        new Leg(
            PREFIX + auctionId + BID_CHARGE + bidId,
            bidder,
            Leg.Direction.OUT,
            paid,
            0,
            List.of(),
            Settlement.stack(a.terms().itemId(), a.terms().quantity()));
    return new AuctionHouse.BidSubmitted(market, bidId, auctionId, bidder, paid, charge, now);
  }

  /**
   * What to persist once a bid's escrow was taken: the bid is checked again as of {@code now} (it
   * may have been overtaken or the auction ended meanwhile) and either fails with a refund of its
   * escrow, or is accepted, followed by the settlement when it reached the buyout price.
   */
  List<AuctionHouse.Event> bidCharged(
      AuctionHouseState state, AuctionHouse.BidSubmitted b, Instant now) {
    Auction a = running(state, b.auctionId());
    try {
      a.checkBid(b.bidder(), b.amount(), Long.MAX_VALUE, now);
    } catch (MarketException e) {
      Leg refund = Leg.in(b.charge().key() + ":refund", b.bidder(), b.amount(), List.of());
      return List.of(
          new AuctionHouse.BidFailed(market, b.bidId(), e.error(), e.getMessage(), refund));
    }
    AuctionHouse.Event accepted = new AuctionHouse.BidAccepted(market, b.bidId(), now);
    boolean buyout = a.terms().buyoutPrice() > 0 && b.amount() >= a.terms().buyoutPrice();
    return buyout
        ? List.of(accepted, new AuctionHouse.AuctionSettled(market, b.auctionId(), now))
        : List.of(accepted);
  }

  /** Settlements of the auctions whose deadline passed (or that were bought out) by {@code now}. */
  List<AuctionHouse.Event> settleDue(AuctionHouseState state, Instant now) {
    return state.due(now).stream()
        .<AuctionHouse.Event>map(id -> new AuctionHouse.AuctionSettled(market, id, now))
        .toList();
  }

  /**
   * What to persist once the seller's item escrow was answered: refused, the auction is rejected;
   * taken, it opens now, or as of its submission if the answer came after its end (only when that
   * took longer than the minimum duration), so it still closes on the tick and settles.
   */
  AuctionHouse.Event auctionCharged(
      AuctionHouse.AuctionSubmitted submitted, LegReply reply, Instant now) {
    String auctionId = submitted.terms().auctionId();
    if (reply instanceof LegReply.LegRefused r) {
      return new AuctionHouse.AuctionRejected(market, auctionId, r.error(), r.message());
    }
    Instant at = now.isBefore(submitted.terms().endsAt()) ? now : submitted.at();
    return new AuctionHouse.AuctionOpened(market, auctionId, at);
  }

  /** The current highest bidder of {@code auctionId}, or null. */
  String highestBidder(AuctionHouseState state, String auctionId) {
    return state.auction(auctionId).flatMap(a -> a.highestBid()).map(x -> x.bidder()).orElse(null);
  }

  /**
   * The bid id of a bid's escrow leg key ({@code auction:<id>:bid-charge:<bidId>}); empty for any
   * other key, the refund of that escrow ({@code auction:<id>:bid-charge:<bidId>:refund}) too,
   * whose answer settles a leg instead.
   */
  static Optional<String> bidOfCharge(String key) {
    int at = key.indexOf(BID_CHARGE);
    if (at <= 0) {
      return Optional.empty();
    }
    String bidId = key.substring(at + BID_CHARGE.length());
    return bidId.isEmpty() || bidId.indexOf(':') >= 0 ? Optional.empty() : Optional.of(bidId);
  }

  /** The auction id of a seller's escrow leg key ({@code auction:<id>:charge}). */
  static Optional<String> auctionOfCharge(String key) {
    return key.endsWith(CHARGE)
        ? Optional.of(key.substring(PREFIX.length(), key.length() - CHARGE.length()))
        : Optional.empty();
  }

  private static Auction running(AuctionHouseState state, String auctionId) {
    return state
        .auction(auctionId)
        .orElseThrow(
            () ->
                new MarketException(
                    MarketError.AUCTION_UNAVAILABLE, "no running auction " + auctionId));
  }
}
