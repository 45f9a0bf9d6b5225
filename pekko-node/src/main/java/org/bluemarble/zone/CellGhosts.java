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
  private final NeighbourTraffic outbox;
  private final GhostInboxes local;
  private final GhostInbox own;
  private final GhostRouter router;
  private final long ttlTicks;
  private final Map<S2CellId, Long> heardAt = new HashMap<>();

  /**
   * Ghosts of {@code sim}, sent through {@code outbox}; a neighbour stays interested {@code
   * interestTicks} after its last batch with players, and its ghosts live {@code ttlTicks} after
   * its last batch. Batches for a neighbour with an inbox in {@code local} go there, the others
   * through {@code outbox}; {@link #receiveLocal} takes this cell's from {@code own} (both may be
   * null: messages only).
   */
  CellGhosts(
      CellSimulation sim,
      NeighbourTraffic outbox,
      long interestTicks,
      long ttlTicks,
      GhostInboxes local,
      GhostInbox own) {
    this.sim = sim;
    this.outbox = outbox;
    this.local = local;
    this.own = own;
    this.router = new GhostRouter(interestTicks);
    this.ttlTicks = ttlTicks;
  }

  /** Applies a neighbour's batch received at {@code tick}. */
  void received(TickReport.GhostBatch batch, long tick) {
    sim.applyGhosts(batch);
    heardAt.put(batch.fromCell(), tick);
    router.received(batch, tick);
  }

  /**
   * Sends what the router selects out of the batches the simulation produced at {@code tick}: into
   * the inbox of a neighbour on this node (shown in its compose of the same beat), else as a
   * message.
   */
  void send(List<TickReport.GhostBatch> produced, long tick) {
    for (TickReport.GhostBatch b : router.select(produced, tick)) {
      if (local != null && local.offer(CellIds.entityId(b.toCell()), b)) {
        outbox.deliveredLocally(b.toCell());
      } else {
        outbox.toCell(b.toCell(), CellMessages.ghostsOf(b));
      }
    }
  }

  /**
   * Applies the batches local neighbours put into this cell's inbox, as received at {@code tick}.
   */
  void receiveLocal(long tick) {
    if (own != null) {
      own.drainTo(b -> received(b, tick));
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
