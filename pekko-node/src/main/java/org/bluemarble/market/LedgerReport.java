package org.bluemarble.market;

import java.util.Map;
import org.bluemarble.node.CborSerializable;

/**
 * The cross-entity ledger check: copper held by players, markets (escrow and fee sinks) and trades
 * (escrow) against what the treasury minted (nothing is burned yet). {@code balanced} is the
 * invariant {@code players + marketEscrow + marketFees + tradeEscrow + undeliveredMints == minted}
 * with no negative balance; {@code inFlight} counts legs and operations still under way, during
 * which a leg may be counted on neither or both sides (the check is exact when it is 0). {@code
 * items} counts every item by id wherever it is held, against {@code itemsMinted}.
 */
public record LedgerReport(
    long minted,
    long burned,
    long players,
    long marketEscrow,
    long marketFees,
    long tradeEscrow,
    long undeliveredMints,
    int holdingsChecked,
    int negativeBalances,
    int inFlight,
    Map<String, Long> items,
    Map<String, Long> itemsMinted,
    boolean balanced)
    implements CborSerializable {
  public LedgerReport {
    items = Map.copyOf(items);
    itemsMinted = Map.copyOf(itemsMinted);
  }

  /** Copper held anywhere outside the mint. */
  public long circulating() {
    return players + marketEscrow + marketFees + tradeEscrow + undeliveredMints;
  }
}
