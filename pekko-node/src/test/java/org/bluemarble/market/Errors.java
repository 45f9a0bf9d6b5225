package org.bluemarble.market;

import java.util.concurrent.atomic.AtomicLong;
import org.bluemarble.market.ledger.Ledger;
import org.bluemarble.market.ledger.LedgerAccount;

/** Test helpers: the error code a call fails with; applying settlements to a ledger. */
public final class Errors {
  /** The one escrow the rules' settlements run through in these tests. */
  public static final LedgerAccount ESCROW = LedgerAccount.escrow("rules");

  private static final AtomicLong FEES = new AtomicLong();

  private Errors() {}

  public static MarketError of(Runnable call) {
    try {
      call.run();
    } catch (MarketException e) {
      return e.error();
    }
    throw new AssertionError("expected a MarketException");
  }

  /** Executes the copper of {@code settlement} through {@link #ESCROW}. */
  public static void pay(Ledger ledger, Settlement settlement) {
    ledger.settle(settlement, ESCROW, "fee-" + FEES.incrementAndGet());
  }
}
