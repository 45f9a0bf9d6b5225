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
 * show (sent as one batch per neighbour every tick, empty batches included so stale ghosts vanish),
 * and which ghosts it holds from each neighbour (a new batch replaces the previous one).
 *
 * <p>Crossings between two neighbours must not blink for the cells watching: a player this cell
 * hands to a neighbour stays here as a ghost held from that neighbour, where it crossed ({@link
 * #departed}), and a player ghost that vanishes from a neighbour's batch lingers ({@link #replace}
 * with the current tick), each until a batch shows it again or their time runs out. The new owner
 * sends its batches at once after it takes a player in, so a third cell watching both (three or
 * four cells meet under a crowd at a cube corner or a pole) sees the player move on within a
 * snapshot interval instead of losing it until the new owner's next batch. A player that really
 * went away (logged out, walked out of range) vanishes that much later.
 */
final class GhostTable {
  private final CellPopulation population;
  private final Map<S2CellId, long[]> heldFrom = new HashMap<>();

  /**
   * Players handed off from here or vanished from a batch, kept as ghosts until the tick given (or
   * until a batch shows them).
   */
  private final Map<Long, Long> departedUntil = new HashMap<>();

  GhostTable(CellPopulation population) {
    this.population = population;
  }

  /**
   * Replaces the ghosts held from {@code batch.fromCell()} with the batch's entities; a player
   * ghost the batch no longer shows lingers until {@code lingerUntilTick} unless another batch
   * shows it.
   */
  void replace(TickReport.GhostBatch batch, long lingerUntilTick) {
    long[] old = heldFrom.remove(batch.fromCell());
    long[] now = new long[batch.entities().size() + (old == null ? 0 : old.length)];
    int n = 0;
    for (TickReport.GhostState g : batch.entities()) {
      int slot = population.slotOf(g.id());
      departedUntil.remove(g.id());
      if (slot >= 0 && !population.isGhost(slot)) {
        continue; // we own it already; the neighbour's view is stale
      }
      population.upsert(g.id(), g.kind(), true, g.position(), g.headingDeg(), g.speedMps());
      now[n++] = g.id();
    }
    if (old != null) {
      for (long id : old) {
        int slot = population.slotOf(id);
        // A ghost that has since become ours (handed over) must stay.
        if (slot < 0 || !population.isGhost(slot) || contains(now, n, id)) {
          continue;
        }
        if (heldElsewhere(id, batch.fromCell())) {
          continue; // another neighbour shows it now
        }
        if (departedUntil.containsKey(id)) {
          now[n++] = id; // handed off from here or lingering, not shown again yet
        } else if (population.kind(slot) == EntityKind.PLAYER) {
          departedUntil.put(id, lingerUntilTick);
          now[n++] = id;
        } else {
          population.remove(id);
        }
      }
    }
    heldFrom.put(batch.fromCell(), Arrays.copyOf(now, n));
  }

  /**
   * Keeps player {@code id}, just handed to {@code to} and no longer simulated here, as a ghost at
   * its last state until {@code untilTick} or until a batch of {@code to} shows it.
   */
  void departed(
      long id,
      S2CellId to,
      double x,
      double y,
      double z,
      double alt,
      double hdg,
      double v,
      long untilTick) {
    population.upsert(id, EntityKind.PLAYER, true, x, y, z, alt, hdg, v);
    long[] held = heldFrom.getOrDefault(to, new long[0]);
    if (!contains(held, held.length, id)) {
      held = Arrays.copyOf(held, held.length + 1);
      held[held.length - 1] = id;
      heldFrom.put(to, held);
    }
    departedUntil.put(id, untilTick);
  }

  /** Drops departed players whose time ran out before any batch showed them. */
  void expireDeparted(long tick) {
    if (departedUntil.isEmpty()) {
      return;
    }
    departedUntil
        .entrySet()
        .removeIf(
            e -> {
              if (e.getValue() >= tick) {
                return false;
              }
              int slot = population.slotOf(e.getKey());
              if (slot >= 0 && population.isGhost(slot)) {
                population.remove(e.getKey());
              }
              heldFrom.replaceAll((cell, ids) -> without(ids, e.getKey()));
              return true;
            });
  }

  /** The neighbour whose batches show ghost {@code id}, i.e. the cell owning it; null if none. */
  S2CellId sourceOf(long id) {
    for (Map.Entry<S2CellId, long[]> e : heldFrom.entrySet()) {
      long[] ids = e.getValue();
      if (contains(ids, ids.length, id)) {
        return e.getKey();
      }
    }
    return null;
  }

  private boolean heldElsewhere(long id, S2CellId except) {
    for (Map.Entry<S2CellId, long[]> e : heldFrom.entrySet()) {
      long[] ids = e.getValue();
      if (!e.getKey().equals(except) && contains(ids, ids.length, id)) {
        return true;
      }
    }
    return false;
  }

  private static long[] without(long[] ids, long id) {
    if (!contains(ids, ids.length, id)) {
      return ids;
    }
    long[] out = new long[ids.length - 1];
    int n = 0;
    for (long other : ids) {
      if (other != id) {
        out[n++] = other;
      }
    }
    return out;
  }

  private static boolean contains(long[] ids, int n, long id) {
    for (int i = 0; i < n; i++) {
      if (ids[i] == id) {
        return true;
      }
    }
    return false;
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
