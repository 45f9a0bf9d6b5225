package org.bluemarble.market.holdings;

import java.util.Objects;
import org.bluemarble.market.MarketError;
import org.bluemarble.market.MarketException;
import org.bluemarble.market.Money;
import org.bluemarble.market.TrustTier;
import org.bluemarble.node.CborSerializable;

/**
 * The trust-tier limits an operation needs, carried on its charge {@link Leg} so that the player's
 * {@link Holdings}, which know the player's tier, check them while taking the escrow: no extra
 * message and no extra journal write per operation. {@code open} counts the player's open items of
 * this kind (listings in a market, orders in a book, auctions in a house) including the new one, 0
 * when the count does not grow; {@code value} is the copper value the tier's maximum applies to;
 * {@code fallback} is the configured default tier for players who were never given one.
 */
public record TierCheck(String what, int open, long value, TrustTier fallback)
    implements CborSerializable {

  public TierCheck {
    Objects.requireNonNull(what, "what");
    Objects.requireNonNull(fallback, "fallback");
  }

  /**
   * Throws {@link MarketError#LISTING_LIMIT_REACHED} or {@link
   * MarketError#ITEM_VALUE_LIMIT_EXCEEDED}.
   */
  void require(String playerId, TrustTier assigned) {
    TrustTier tier = assigned == null ? fallback : assigned;
    if (value > tier.maxItemValue()) {
      throw new MarketException(
          MarketError.ITEM_VALUE_LIMIT_EXCEEDED,
          "value "
              + Money.format(value)
              + " exceeds "
              + Money.format(tier.maxItemValue())
              + " allowed for "
              + tier);
    }
    if (open > tier.maxActiveListings()) {
      throw new MarketException(
          MarketError.LISTING_LIMIT_REACHED,
          playerId
              + " would have "
              + open
              + " "
              + what
              + ", "
              + tier
              + " allows "
              + tier.maxActiveListings());
    }
  }
}
