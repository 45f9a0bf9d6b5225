package org.bluemarble.market.treasury;

import java.util.List;
import java.util.Map;
import org.bluemarble.market.holdings.Leg;
import org.bluemarble.node.CborSerializable;

/**
 * The serialized form of a {@link TreasuryState} in the snapshot store: every mint key ever used
 * (so a repeated key answers as before however old it is), the minted legs not yet delivered (re-
 * posted after recovery), the keys whose delivery failed with why, the minted totals and the
 * read-only switch.
 */
public record TreasurySnapshot(
    List<String> keys,
    List<Leg> pending,
    Map<String, Long> items,
    Map<String, String> failed,
    long copper,
    long honor,
    boolean readOnly,
    String reason)
    implements CborSerializable {

  public TreasurySnapshot {
    keys = List.copyOf(keys);
    pending = List.copyOf(pending);
    items = Map.copyOf(items);
    failed = Map.copyOf(failed);
  }
}
