package org.bluemarble.market;

/**
 * Why the economy refused an operation. The HTTP and protocol layers map each code to a status
 * (e.g. {@link #LISTING_UNAVAILABLE} and {@link #DUPLICATE_LISTING} to 409, {@link
 * #INSUFFICIENT_INVENTORY} and {@link #INSUFFICIENT_SPACE} to 422, the rest mostly to 400).
 */
public enum MarketError {
  /** A non-mint account would go below zero. */
  INSUFFICIENT_FUNDS,
  /** The listing is sold, cancelled, expired or unknown. */
  LISTING_UNAVAILABLE,
  /** The same listing was submitted twice. */
  DUPLICATE_LISTING,
  /** The inventory lacks the items to remove. */
  INSUFFICIENT_INVENTORY,
  /** The items do not fit in the inventory. */
  INSUFFICIENT_SPACE,
  /** An amount is zero, negative, too large or malformed. */
  INVALID_AMOUNT,
  /** A quantity is zero, negative or beyond the allowed range. */
  INVALID_QUANTITY,
  /** A listing duration other than 1, 3 or 7 days. */
  INVALID_DURATION,
  /** An item id that the catalogue does not know. */
  UNKNOWN_ITEM,
  /** The item or currency may not change hands between players. */
  NOT_TRADEABLE,
  /** The seller's trust tier allows no more active listings. */
  LISTING_LIMIT_REACHED,
  /** The price exceeds the maximum item value of the seller's trust tier. */
  ITEM_VALUE_LIMIT_EXCEEDED,
  /** Only the owner (seller, order owner, trade participant) may do this. */
  NOT_OWNER,
  /** A player tried to buy from, bid on or trade with themself. */
  SELF_TRADE,
  /** An idempotency key was reused for a different operation. */
  IDEMPOTENCY_CONFLICT,
  /** The account kind may not be used this way (e.g. paying into the mint). */
  INVALID_ACCOUNT,
  /** The item cannot be equipped into that equipment slot. */
  CANNOT_EQUIP,
  /** An inventory or equipment slot index or state that does not allow the operation. */
  INVALID_SLOT,
  /** The order is not (or no longer) in the book. */
  ORDER_UNAVAILABLE,
  /** A bid below the start price or the minimum increment. */
  BID_TOO_LOW,
  /** The auction has ended or was settled. */
  AUCTION_CLOSED,
  /** The auction may not be settled yet. */
  AUCTION_STILL_RUNNING,
  /** The trade is not in a state that allows this step. */
  TRADE_STATE,
  /** A confirmation referred to an offer that has changed since. */
  OFFER_CHANGED,
  /** An id (player, listing, order, auction, trade) that is blank or too long. */
  INVALID_ID,
  /** A configuration value outside its allowed range. */
  INVALID_CONFIG,
  /** An admin froze this player's trading. */
  TRADING_FROZEN,
  /** The economy is read-only (an admin switch); reads still work. */
  ECONOMY_READ_ONLY,
  /** No auction with this id (unknown, or its house is in another market). */
  AUCTION_UNAVAILABLE,
  /**
   * A client's idempotency key was sent again with a different request (HTTP 422); the same key
   * with the same request answers the first request's outcome instead.
   */
  IDEMPOTENCY_KEY_REUSED,
  /** A trust tier name that is not one of {@link TrustTier}'s. */
  INVALID_TRUST_TIER
}
