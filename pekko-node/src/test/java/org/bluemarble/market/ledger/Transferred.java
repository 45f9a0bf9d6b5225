package org.bluemarble.market.ledger;

import java.util.Objects;

/**
 * The event a ledger entity persists for one applied transfer: {@code amount} copper (or points of
 * {@code currency}) from {@code from} to {@code to}, applied once per {@code idempotencyKey}.
 */
public record Transferred(
    Currency currency, LedgerAccount from, LedgerAccount to, long amount, String idempotencyKey) {
  public Transferred {
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
  }

  /** Whether this event moves the same money as {@code other}, ignoring nothing but identity. */
  boolean sameMovementAs(LedgerAccount otherFrom, LedgerAccount otherTo, long otherAmount) {
    return from.equals(otherFrom) && to.equals(otherTo) && amount == otherAmount;
  }
}
