package org.bluemarble.market;

import java.util.Objects;

/**
 * Items a market rule asks to move between holders (inventory to escrow and back), applied exactly
 * once under {@code idempotencyKey}.
 */
public record ItemMove(
    ItemHolder from, ItemHolder to, String itemId, long quantity, String idempotencyKey)
    implements AssetMove {
  public ItemMove {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(itemId, "itemId");
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    if (quantity <= 0) {
      throw new MarketException(
          MarketError.INVALID_QUANTITY, "quantity must be > 0, was " + quantity);
    }
  }

  /** The move that undoes this one, under {@code key}. */
  public ItemMove reversed(String key) {
    return new ItemMove(to, from, itemId, quantity, key);
  }
}
