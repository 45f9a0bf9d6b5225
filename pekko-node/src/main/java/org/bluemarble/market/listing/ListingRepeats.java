package org.bluemarble.market.listing;

import java.time.Duration;
import java.util.Optional;
import org.bluemarble.market.MarketError;
import org.bluemarble.market.MarketException;
import org.bluemarble.market.saga.IdempotentIds;

/**
 * Recognises a repeated {@link Market.OpenListing}: a listing id that is already taken, which
 * happens when a client retries with the same idempotency key (the id is derived from the seller
 * and the key, see {@link IdempotentIds}). A repeat of the same request joins the operation still
 * under way or is answered with the listing it created; the same id with a different request is
 * refused with {@link MarketError#IDEMPOTENCY_KEY_REUSED}. A refused opening leaves nothing behind,
 * so its repeat is simply tried again (it charged nothing either time).
 */
final class ListingRepeats {
  private ListingRepeats() {}

  /**
   * Answers {@code cmd} if it repeats an opening: at once with the listing it created, or by
   * joining the operation still under way (its requester is told its outcome when it settles).
   *
   * @return true when {@code cmd} was a repeat and is taken care of; false when its id is new
   * @throws MarketException IDEMPOTENCY_KEY_REUSED when the id was used for a different request
   */
  static boolean answered(MarketState state, MarketBatch batch, Market.OpenListing cmd) {
    Optional<MarketOp> running = batch.startingOpen(cmd.listingId());
    if (running.isEmpty()) {
      for (MarketOp op : state.ops()) {
        if (op.kind() == MarketOp.Kind.OPEN && op.listingId().equals(cmd.listingId())) {
          running = Optional.of(op);
        }
      }
    }
    if (running.isPresent()) {
      MarketOp op = running.get();
      require(
          op.player().equals(cmd.seller())
              && op.itemId().equals(cmd.itemId())
              && op.quantity() == cmd.quantity()
              && op.price() == cmd.price()
              && op.durationDays() == cmd.durationDays(),
          cmd);
      batch.follow(op.opId(), cmd.replyTo());
      return true;
    }
    Optional<Listing> listed = state.board().find(cmd.listingId());
    if (listed.isEmpty()) {
      return false;
    }
    Listing l = listed.get();
    long days = Duration.between(l.createdAt(), l.expiresAt()).toDays();
    require(
        l.seller().equals(cmd.seller())
            && l.itemId().equals(cmd.itemId())
            && l.quantity() == cmd.quantity()
            && l.price() == cmd.price()
            && days == cmd.durationDays(),
        cmd);
    cmd.replyTo().tell(new MarketReply.ListingDone(l));
    return true;
  }

  private static void require(boolean same, Market.OpenListing cmd) {
    if (!same) {
      throw new MarketException(
          MarketError.IDEMPOTENCY_KEY_REUSED,
          "listing "
              + cmd.listingId()
              + " was opened by an earlier request with this idempotency key and a different"
              + " body (seller, market, item, quantity, price or duration)");
    }
  }
}
