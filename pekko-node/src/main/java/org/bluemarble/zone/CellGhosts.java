package org.bluemarble.zone;

import com.google.common.geometry.S2CellId;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The ghost exchange of one {@link ZoneCell} with its neighbours: applies the batches it receives,
 * sends the batches its {@link GhostRouter} selects, and expires the ghosts of a neighbour that
 * went silent (passivated, node gone), which sends no empty batch. Not thread-safe (one actor owns
 * it).
 */
final class CellGhosts {
  private final CellSimulation sim;
  private final CellOutbox outbox;
  private final GhostRouter router;
  private final long ttlTicks;
  private final Map<S2CellId, Long> heardAt = new HashMap<>();

  /**
   * Ghosts of {@code sim}, sent through {@code outbox}; a neighbour stays interested {@code
   * interestTicks} after its last batch with players, and its ghosts live {@code ttlTicks} after
   * its last batch.
   */
  CellGhosts(CellSimulation sim, CellOutbox outbox, long interestTicks, long ttlTicks) {
    this.sim = sim;
    this.outbox = outbox;
    this.router = new GhostRouter(interestTicks);
    this.ttlTicks = ttlTicks;
  }

  /** Applies a neighbour's batch received at {@code tick}. */
  void received(TickReport.GhostBatch batch, long tick) {
    sim.applyGhosts(batch);
    heardAt.put(batch.fromCell(), tick);
    router.received(batch, tick);
  }

  /** Sends what the router selects out of the batches the simulation produced at {@code tick}. */
  void send(List<TickReport.GhostBatch> produced, long tick) {
    for (TickReport.GhostBatch b : router.select(produced, tick)) {
      outbox.toCell(b.toCell(), CellMessages.ghostsOf(b));
    }
  }

  /** Clears the ghosts of neighbours not heard of for more than the ttl before {@code tick}. */
  void expire(long tick) {
    for (Iterator<Map.Entry<S2CellId, Long>> it = heardAt.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<S2CellId, Long> e = it.next();
      if (tick - e.getValue() > ttlTicks) {
        sim.applyGhosts(new TickReport.GhostBatch(e.getKey(), sim.cellId(), List.of()));
        it.remove();
      }
    }
  }

  /** Whether some neighbour has players near this cell at {@code tick}. */
  boolean watched(long tick) {
    return router.watched(tick);
  }
}
