package org.bluemarble.market.ledger;

/** The kinds of ledger account; only the mint may hold a negative balance. */
public enum AccountKind {
  /** A player's spendable money; owner is the player id. */
  WALLET,
  /** Money held for a listing, order, auction or trade; owner names what it is held for. */
  ESCROW,
  /** Collected listing and transaction fees; one per ledger. */
  FEE_SINK,
  /** The source of all money (rewards, purchases, admin grants); goes negative by design. */
  MINT,
  /** Where money leaves the economy (vendor purchases, decay); only receives. */
  BURN
}
