package org.bluemarble.market.listing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.bluemarble.market.Ids;
import org.bluemarble.market.MarketError;
import org.bluemarble.market.MarketException;
import org.bluemarble.market.Settlement;
import org.bluemarble.market.TrustTier;
import org.bluemarble.market.holdings.Leg;
import org.bluemarble.market.holdings.TierCheck;

/**
 * Plans a {@link Market}'s charged operations: validates a command against the market's state
 * (throwing what the command would be refused with) and builds the {@link MarketOp} with its charge
 * leg under the key {@code market:<id>:op:<opId>}. Changes nothing.
 */
final class MarketOps {
  /**
   * The board checks only the widest tier's limits; the seller's own tier is checked by their
   * holdings through the charge leg's {@link TierCheck}, since only the holdings know it.
   */
  private static final TrustTier BOARD_TIER = TrustTier.ELITE;

  private final String marketId;
  private final TrustTier defaultTier;

  MarketOps(String marketId, TrustTier defaultTier) {
    this.marketId = marketId;
    this.defaultTier = defaultTier;
  }

  String chargePrefix() {
    return "market:" + marketId + ":op:";
  }

  private static void requireFree(MarketState state, String listingId, MarketError error) {
    if (state.isReserved(listingId)) {
      throw new MarketException(error, "listing " + listingId + " is busy with another operation");
    }
  }

  /**
   * Opening: the listing fee and the items come out of the seller's holdings. {@code unflushed}:
   * the seller's openings gathered for the next flush, which the state does not show yet but the
   * tier count must (two openings in one flush would otherwise both count the same listings).
   */
  MarketOp open(MarketState state, Market.OpenListing cmd, Instant now, int unflushed) {
    if (!marketId.equals(Ids.marketOfListing(cmd.listingId()))) {
      throw new MarketException(
          MarketError.INVALID_ID, "listing " + cmd.listingId() + " is not in " + marketId);
    }
    requireFree(state, cmd.listingId(), MarketError.DUPLICATE_LISTING);
    ListingDuration.ofDays(cmd.durationDays());
    if (state.catalog().find(cmd.itemId()).isEmpty()) {
      throw new MarketException(MarketError.UNKNOWN_ITEM, "unknown item " + cmd.itemId());
    }
    String opId = UUID.randomUUID().toString();
    MarketOp draft = op(opId, MarketOp.Kind.OPEN, cmd.listingId(), cmd.seller(), cmd, null, now);
    long fee =
        state.board().checkCreate(state.newListing(draft), MarketState.ANY_FUNDS, Long.MAX_VALUE);
    Leg charge =
        Leg.out(
                chargePrefix() + opId,
                cmd.seller(),
                fee,
                Settlement.stack(cmd.itemId(), cmd.quantity()))
            .withTierCheck(
                new TierCheck(
                    "active listings in " + marketId,
                    openListings(state, cmd.seller()) + unflushed + 1,
                    cmd.price(),
                    defaultTier));
    return op(opId, MarketOp.Kind.OPEN, cmd.listingId(), cmd.seller(), cmd, charge, now);
  }

  /** The seller's active listings plus those still being opened (their charge under way). */
  private static int openListings(MarketState state, String seller) {
    int opening = 0;
    for (MarketOp op : state.ops()) {
      if (op.kind() == MarketOp.Kind.OPEN && op.player().equals(seller)) {
        opening++;
      }
    }
    return state.board().activeOf(seller).size() + opening;
  }

  /** Buying: the price comes out of the buyer's holdings, which must have room for the items. */
  MarketOp buy(MarketState state, Market.Buy cmd, Instant now) {
    requireFree(state, cmd.listingId(), MarketError.LISTING_UNAVAILABLE);
    Listing l = state.board().checkBuy(cmd.listingId(), cmd.buyer(), MarketState.ANY_FUNDS, now);
    String opId = UUID.randomUUID().toString();
    Leg charge =
        new Leg(
            chargePrefix() + opId,
            cmd.buyer(),
            Leg.Direction.OUT,
            l.price(),
            0,
            List.of(),
            Settlement.stack(l.itemId(), l.quantity()));
    return new MarketOp(
        opId,
        MarketOp.Kind.BUY,
        l.id(),
        cmd.buyer(),
        l.itemId(),
        l.quantity(),
        l.price(),
        0,
        BOARD_TIER.name(),
        charge,
        now);
  }

  /** Repricing: a higher price owes the difference of the listing fees (null charge if none). */
  MarketOp reprice(MarketState state, Market.Reprice cmd, Instant now) {
    requireFree(state, cmd.listingId(), MarketError.LISTING_UNAVAILABLE);
    Listing l =
        state.board().checkReprice(cmd.listingId(), cmd.seller(), BOARD_TIER, cmd.price(), now);
    long extra = state.settings().listingFee(cmd.price()) - state.settings().listingFee(l.price());
    String opId = UUID.randomUUID().toString();
    Leg charge =
        extra > 0
            ? Leg.out(chargePrefix() + opId, cmd.seller(), extra, List.of())
                .withTierCheck(
                    new TierCheck("active listings in " + marketId, 0, cmd.price(), defaultTier))
            : null;
    return new MarketOp(
        opId,
        MarketOp.Kind.REPRICE,
        l.id(),
        cmd.seller(),
        l.itemId(),
        l.quantity(),
        cmd.price(),
        0,
        BOARD_TIER.name(),
        charge,
        now);
  }

  private MarketOp op(
      String opId,
      MarketOp.Kind kind,
      String listingId,
      String player,
      Market.OpenListing cmd,
      Leg charge,
      Instant now) {
    return new MarketOp(
        opId,
        kind,
        listingId,
        player,
        cmd.itemId(),
        cmd.quantity(),
        cmd.price(),
        cmd.durationDays(),
        BOARD_TIER.name(),
        charge,
        now);
  }
}
