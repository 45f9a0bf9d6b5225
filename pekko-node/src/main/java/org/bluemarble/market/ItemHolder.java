package org.bluemarble.market;

import java.util.Objects;

/**
 * Who holds items outside a ledger: a player's inventory or an escrow (listing, order, auction,
 * trade) named by its purpose, e.g. {@code escrow("listing:42")}.
 */
public record ItemHolder(Kind kind, String id) {
  /** Player inventory or escrow. */
  public enum Kind {
    PLAYER,
    ESCROW
  }

  public ItemHolder {
    Objects.requireNonNull(kind, "kind");
    if (id == null || id.isBlank()) {
      throw new MarketException(MarketError.INVALID_ACCOUNT, "item holder id must not be blank");
    }
  }

  public static ItemHolder player(String playerId) {
    return new ItemHolder(Kind.PLAYER, playerId);
  }

  public static ItemHolder escrow(String purpose) {
    return new ItemHolder(Kind.ESCROW, purpose);
  }
}
