package org.bluemarble.market.entity;

import java.time.Duration;
import java.util.Optional;
import org.bluemarble.market.Listing;
import org.bluemarble.market.MarketError;
import org.bluemarble.market.MarketException;

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

  /** What to do with an opening whose listing id is known. */
  sealed interface Repeat {}

  /** Answer once the operation {@code opId} (the first request) is settled. */
  record Join(String opId) implements Repeat {}

  /** The first request already created {@code listing}. */
  record Created(Listing listing) implements Repeat {}

  /**
   * The repeat of {@code cmd}, or empty when its listing id is new.
   *
   * @throws MarketException IDEMPOTENCY_KEY_REUSED when the id was used for a different request
   */
  static Optional<Repeat> of(MarketState state, MarketBatch batch, Market.OpenListing cmd) {
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
      return Optional.of(new Join(op.opId()));
    }
    Optional<Listing> listed = state.board().find(cmd.listingId());
    if (listed.isEmpty()) {
      return Optional.empty();
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
    return Optional.of(new Created(l));
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
