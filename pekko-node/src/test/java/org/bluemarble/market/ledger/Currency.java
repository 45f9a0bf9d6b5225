package org.bluemarble.market.ledger;

/**
 * A currency with its own {@link Ledger}. Copper money may move between players; honor points are
 * earned (from the mint) and spent (to the burn or fee sink) but never change hands between
 * players, so they can never pass through a wallet of someone else or an escrow.
 */
public enum Currency {
  /** Copper money (shown as g/s/c); tradeable. */
  COPPER(true),
  /** Honor points from PvP and events; not tradeable. */
  HONOR(false);

  private final boolean tradeable;

  Currency(boolean tradeable) {
    this.tradeable = tradeable;
  }

  /** Whether amounts may move between players (through escrow or wallet to wallet). */
  public boolean tradeable() {
    return tradeable;
  }
}
