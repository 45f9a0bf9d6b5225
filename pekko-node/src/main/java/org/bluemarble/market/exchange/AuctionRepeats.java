package org.bluemarble.market.exchange;

import java.util.Optional;
import org.bluemarble.market.MarketError;
import org.bluemarble.market.MarketException;
import org.bluemarble.market.saga.IdempotentIds;

/**
 * Recognises a repeated auction creation: an auction id the house already knows, which happens when
 * a client retries with the same idempotency key ({@link IdempotentIds#auction}). The repeat with
 * the same terms is answered with the auction as it is now (PENDING while its item escrow is under
 * way, so nothing is escrowed twice); other terms under the id are refused with {@link
 * MarketError#IDEMPOTENCY_KEY_REUSED}. A rejected auction's id keeps today's refusal.
 */
final class AuctionRepeats {
  private AuctionRepeats() {}

  /**
   * The answer for a repeat of {@code cmd}, or empty when the id is new or was rejected.
   *
   * @throws MarketException IDEMPOTENCY_KEY_REUSED when the id was used for other terms
   */
  static Optional<AuctionReply> of(AuctionHouseState state, AuctionHouse.CreateAuction cmd) {
    Optional<AuctionTerms> known =
        state
            .pendingAuction(cmd.auctionId())
            .map(AuctionHouse.AuctionSubmitted::terms)
            .or(() -> state.auction(cmd.auctionId()).map(a -> a.terms()));
    if (known.isEmpty()) {
      return Optional.empty();
    }
    AuctionTerms t = known.get();
    if (!t.seller().equals(cmd.seller())
        || !t.itemId().equals(cmd.itemId())
        || t.quantity() != cmd.quantity()
        || t.startPrice() != cmd.startPrice()
        || t.minIncrement() != cmd.minIncrement()
        || t.reservePrice() != cmd.reservePrice()
        || t.buyoutPrice() != cmd.buyoutPrice()) {
      throw new MarketException(
          MarketError.IDEMPOTENCY_KEY_REUSED,
          "auction "
              + cmd.auctionId()
              + " was created by an earlier request with this idempotency key and other terms");
    }
    return Optional.of(state.reply(cmd.auctionId()));
  }
}
