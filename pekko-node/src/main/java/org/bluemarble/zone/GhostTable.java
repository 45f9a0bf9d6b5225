package org.bluemarble.zone;

import com.google.common.geometry.S2CellId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ghost exchange of one cell with its neighbours: which of its own entities each neighbour must
 * show (sent as one batch per neighbour every snapshot, empty batches included so stale ghosts
 * vanish), and which ghosts it holds from each neighbour (a new batch replaces the previous one).
 */
final class GhostTable {
  private final CellPopulation population;
  private final Map<S2CellId, long[]> heldFrom = new HashMap<>();

  GhostTable(CellPopulation population) {
    this.population = population;
  }

  /** Replaces the ghosts held from {@code batch.fromCell()} with the batch's entities. */
  void replace(TickReport.GhostBatch batch) {
    long[] old = heldFrom.remove(batch.fromCell());
    if (old != null) {
      for (long id : old) {
        int slot = population.slotOf(id);
        // A ghost that has since become ours (handed over) must stay.
        if (slot >= 0 && population.isGhost(slot)) {
          population.remove(id);
        }
      }
    }
    long[] now = new long[batch.entities().size()];
    int n = 0;
    for (TickReport.GhostState g : batch.entities()) {
      int slot = population.slotOf(g.id());
      if (slot >= 0 && !population.isGhost(slot)) {
        continue; // we own it already; the neighbour's view is stale
      }
      population.upsert(g.id(), g.kind(), true, g.position(), g.headingDeg(), g.speedMps());
      now[n++] = g.id();
    }
    heldFrom.put(batch.fromCell(), Arrays.copyOf(now, n));
  }

  /** One batch per neighbour with this cell's own entities within AOI of it. */
  List<TickReport.GhostBatch> outgoing(CellBoundary boundary) {
    Map<S2CellId, List<TickReport.GhostState>> byCell = new LinkedHashMap<>();
    for (S2CellId n : boundary.neighbours()) {
      byCell.put(n, new ArrayList<>());
    }
    S2CellId[] targets = new S2CellId[byCell.size()];
    for (int slot = 0; slot < population.size(); slot++) {
      if (population.isGhost(slot)) {
        continue;
      }
      int count =
          boundary.ghostTargets(
              population.x(slot), population.y(slot), population.z(slot), targets);
      if (count == 0) {
        continue;
      }
      TickReport.GhostState state =
          new TickReport.GhostState(
              population.id(slot),
              population.kind(slot),
              population.position(slot),
              population.headingDeg(slot),
              population.speedMps(slot));
      for (int i = 0; i < count; i++) {
        byCell.get(targets[i]).add(state);
      }
    }
    List<TickReport.GhostBatch> out = new ArrayList<>(byCell.size());
    byCell.forEach((to, list) -> out.add(new TickReport.GhostBatch(boundary.cellId(), to, list)));
    return out;
  }
}
