package org.bluemarble.market;

import java.util.Objects;
import org.bluemarble.market.ledger.LedgerAccount;

/**
 * One copper transfer a market rule asks the ledger to make, with the idempotency key under which
 * it must be applied exactly once. Produced by listings, order books, auctions and trades.
 */
public record MoneyMove(LedgerAccount from, LedgerAccount to, long amount, String idempotencyKey)
    implements AssetMove {
  public MoneyMove {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    Money.requirePositive("amount", amount);
  }

  /** The move that undoes this one, under {@code key}. */
  public MoneyMove reversed(String key) {
    return new MoneyMove(to, from, amount, key);
  }
}
