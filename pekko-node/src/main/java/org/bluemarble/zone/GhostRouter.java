package org.bluemarble.zone;

import com.google.common.geometry.S2CellId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides which ghost batches a cell really sends, so that ghosts are a subscription between
 * neighbours rather than a broadcast that would wake the whole planet: a batch goes to a neighbour
 * when it shows a player, or when that neighbour has players near this cell (it sent players here
 * recently) and the batch is not empty. After a sent batch, one empty batch clears the neighbour's
 * ghosts when there is nothing more to show.
 */
final class GhostRouter {
  private final long interestTicks;
  private final Map<S2CellId, Long> interestedUntil = new HashMap<>();
  private final Set<S2CellId> shownTo = new HashSet<>();

  /** A neighbour stays interested {@code interestTicks} ticks after its last batch with players. */
  GhostRouter(long interestTicks) {
    this.interestTicks = interestTicks;
  }

  /** Notes a batch received from a neighbour at {@code tick}. */
  void received(TickReport.GhostBatch batch, long tick) {
    if (hasPlayer(batch)) {
      interestedUntil.put(batch.fromCell(), tick + interestTicks);
    }
  }

  /** The batches to send this tick out of everything the simulation produced. */
  List<TickReport.GhostBatch> select(List<TickReport.GhostBatch> produced, long tick) {
    List<TickReport.GhostBatch> out = new ArrayList<>();
    for (TickReport.GhostBatch b : produced) {
      boolean send = hasPlayer(b) || (!b.entities().isEmpty() && interested(b.toCell(), tick));
      if (send) {
        shownTo.add(b.toCell());
        out.add(b);
      } else if (shownTo.remove(b.toCell())) {
        out.add(new TickReport.GhostBatch(b.fromCell(), b.toCell(), List.of()));
      }
    }
    interestedUntil.values().removeIf(until -> until < tick);
    return out;
  }

  /** Whether some neighbour has players near this cell. */
  boolean watched(long tick) {
    for (long until : interestedUntil.values()) {
      if (until >= tick) {
        return true;
      }
    }
    return false;
  }

  private boolean interested(S2CellId cell, long tick) {
    Long until = interestedUntil.get(cell);
    return until != null && until >= tick;
  }

  private static boolean hasPlayer(TickReport.GhostBatch batch) {
    for (TickReport.GhostState g : batch.entities()) {
      if (g.kind() == EntityKind.PLAYER) {
        return true;
      }
    }
    return false;
  }
}
