package org.bluemarble.market.holdings;

import java.util.List;
import org.bluemarble.market.TrustTier;
import org.bluemarble.market.inventory.EquipmentSlot;
import org.bluemarble.market.inventory.InventoryEvent.Placement;
import org.bluemarble.node.CborSerializable;

/**
 * The serialized form of a {@link HoldingsState} in the snapshot store: balances, the bag as slot
 * placements, equipped stacks, the window of settled idempotency keys (oldest first) and the recent
 * ledger lines (newest first), the trust tier an admin gave (null: the configured default) and the
 * order books the player placed orders in (oldest first; null in snapshots older than the field).
 * {@code legsApplied} counts every leg ever applied, not only those still in the window.
 */
public record HoldingsSnapshot(
    long copper,
    long honor,
    boolean frozen,
    String frozenReason,
    long legsApplied,
    List<Placement> bag,
    List<Equipped> equipment,
    List<KeyWindow.Entry> keys,
    List<LegLine> recent,
    TrustTier trustTier,
    String trustTierReason,
    List<String> orderBooks)
    implements CborSerializable {

  /** A stack worn in an equipment slot. */
  public record Equipped(EquipmentSlot slot, String itemId, int quantity) {}

  public HoldingsSnapshot {
    bag = List.copyOf(bag);
    equipment = List.copyOf(equipment);
    keys = List.copyOf(keys);
    recent = List.copyOf(recent);
    orderBooks = orderBooks == null ? null : List.copyOf(orderBooks);
  }
}
