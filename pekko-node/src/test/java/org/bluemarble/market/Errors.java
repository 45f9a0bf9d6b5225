package org.bluemarble.market;

import org.bluemarble.market.ledger.Ledger;

/** Test helpers: the error code a call fails with; applying settlements to a ledger. */
final class Errors {
  private Errors() {}

  static MarketError of(Runnable call) {
    try {
      call.run();
    } catch (MarketException e) {
      return e.error();
    }
    throw new AssertionError("expected a MarketException");
  }

  static void pay(Ledger ledger, Settlement settlement) {
    for (MoneyMove m : settlement.money()) {
      ledger.execute(m.from(), m.to(), m.amount(), m.idempotencyKey());
    }
  }
}
