package org.bluemarble.market.treasury;

import java.util.Map;
import org.bluemarble.node.CborSerializable;

/**
 * The treasury's books: everything ever minted ({@code mintedCopper}, {@code mintedHonor}, items by
 * id), mints not yet delivered to the players ({@code pendingLegs}, counted in {@code
 * undeliveredCopper}), and the economy's read-only switch with its reason. Nothing is burned yet
 * (no vendor or decay exists), so burned is 0 and circulating copper must equal minted copper.
 */
public record TreasuryStatus(
    long mintedCopper,
    long mintedHonor,
    Map<String, Long> itemsMinted,
    long undeliveredCopper,
    int pendingLegs,
    boolean readOnly,
    String readOnlyReason)
    implements CborSerializable {
  public TreasuryStatus {
    itemsMinted = Map.copyOf(itemsMinted);
  }
}
