package org.bluemarble.zone;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Folds a {@link ZoneCell}'s persisted events into its state (per resource node that is not full)
 * and restores that state into a freshly spawned {@link ResourceField} after recovery.
 */
final class CellLedger {
  private CellLedger() {}

  /** The map after {@code e}; a respawned node is full again and drops out. */
  static Map<Long, ZoneCell.NodeRecord> fold(
      Map<Long, ZoneCell.NodeRecord> notFull, ZoneCell.Event e) {
    Map<Long, ZoneCell.NodeRecord> next = new HashMap<>(notFull);
    if (e instanceof ZoneCell.ResourceHarvested h) {
      next.put(h.nodeId(), new ZoneCell.NodeRecord(h.remaining(), null));
    } else if (e instanceof ZoneCell.ResourceDepleted d) {
      next.put(d.nodeId(), new ZoneCell.NodeRecord(0, d.respawnAt()));
    } else if (e instanceof ZoneCell.ResourceRespawned r) {
      next.remove(r.nodeId());
    } else {
      return notFull; // combat facts change no resource node
    }
    return Map.copyOf(next);
  }

  /** Applies every not-full node to {@code field} (whose nodes start full). */
  static void restore(Map<Long, ZoneCell.NodeRecord> notFull, ResourceField field) {
    notFull.forEach(
        (id, r) ->
            field.apply(
                r.respawnAt() != null
                    ? new ZoneFact.ResourceDepleted(id, r.respawnAt(), r.respawnAt())
                    : new ZoneFact.ResourceHarvested(id, 0L, 0, r.remaining(), Instant.EPOCH)));
  }
}
