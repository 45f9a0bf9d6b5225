package org.bluemarble.zone;

import com.google.common.geometry.S2CellId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bluemarble.player.CharacterClass;
import org.bluemarble.spatial.GeoPosition;
import org.bluemarble.spatial.SpatialCells;

/**
 * Real {@link CellSimulation}s of one planet driven in lock step by a test clock, wired as {@link
 * ZoneCell}s wire them: a handoff enters the player into the target cell (started on demand) with
 * its last sequence, intent and queued inputs, and ghost batches go through each sender's {@link
 * GhostRouter} to the neighbour, which applies them before its next tick. Messages produced in one
 * round are delivered after every cell has ticked, as a neighbour on its own schedule would receive
 * them. Not thread-safe.
 */
final class CrowdWorld {
  /**
   * Ticks a neighbour stays interested after a batch with players (what the node uses by default).
   */
  private static final long INTEREST_TICKS = 120;

  private final ZoneSettings settings;
  private final Terrain terrain;
  private final Map<S2CellId, CellSimulation> cells = new LinkedHashMap<>();
  private final Map<S2CellId, GhostRouter> routers = new HashMap<>();
  private final Map<Long, S2CellId> owner = new HashMap<>();
  private long tick;
  private boolean retireEmpty;

  CrowdWorld(ZoneSettings settings, Terrain terrain) {
    this.settings = settings;
    this.terrain = terrain;
  }

  /**
   * Stops cells without players after each round (as passivation would, sooner) and starts none for
   * ghosts, so a walk around a planet does not keep every cell it passed.
   */
  CrowdWorld retiringEmptyCells() {
    retireEmpty = true;
    return this;
  }

  /** Places a player at {@code at} in the cell owning it. */
  void enter(long id, GeoPosition at) {
    enter(id, at, null);
  }

  /** Places a player at {@code at} in the cell owning it, walking by {@code intent} (or null). */
  void enter(long id, GeoPosition at, MovementInput.Intent intent) {
    S2CellId cell = SpatialCells.cellAt(at, settings.zoneLevel());
    cell(cell).enter(id, CharacterClass.MAGE, at, 0L, intent);
    owner.put(id, cell);
  }

  /** Sends an input to the cell the player is in now. */
  boolean offer(long id, MovementInput input) {
    return cells.get(owner.get(id)).offer(id, input);
  }

  /** One tick of every cell, then the handoffs and ghost batches of that tick are delivered. */
  Map<S2CellId, TickReport> tick() {
    tick++;
    Map<S2CellId, TickReport> reports = new LinkedHashMap<>();
    for (Map.Entry<S2CellId, CellSimulation> e : new ArrayList<>(cells.entrySet())) {
      reports.put(e.getKey(), e.getValue().tick(0L));
    }
    for (TickReport r : reports.values()) {
      for (TickReport.Handoff h : r.handoffs()) {
        CellSimulation target = cell(h.targetCell());
        target.enter(h.playerId(), h.characterClass(), h.position(), h.lastSequence(), h.intent());
        for (MovementInput queued : h.queued()) {
          target.offer(h.playerId(), queued);
        }
        owner.put(h.playerId(), h.targetCell());
      }
    }
    for (Map.Entry<S2CellId, TickReport> e : reports.entrySet()) {
      GhostRouter router = routers.get(e.getKey());
      for (TickReport.GhostBatch b : router.select(e.getValue().ghosts(), tick)) {
        boolean players = b.entities().stream().anyMatch(g -> g.kind() == EntityKind.PLAYER);
        // Sharding starts a neighbour that is shown a player; other batches go to running ones.
        CellSimulation to = players && !retireEmpty ? cell(b.toCell()) : cells.get(b.toCell());
        if (to != null) {
          to.applyGhosts(b);
          routers.get(b.toCell()).received(b, tick);
        }
      }
    }
    if (retireEmpty) {
      cells.entrySet().removeIf(e -> e.getValue().playerCount() == 0);
      routers.keySet().retainAll(cells.keySet());
    }
    return reports;
  }

  /** The cells holding player {@code id} as their own (not as a ghost). */
  List<S2CellId> cellsHolding(long id) {
    List<S2CellId> out = new ArrayList<>(1);
    cells.forEach(
        (c, sim) -> {
          if (sim.positionOf(id) != null) {
            out.add(c);
          }
        });
    return out;
  }

  /** Where player {@code id} is now. */
  GeoPosition positionOf(long id) {
    return cells.get(owner.get(id)).positionOf(id);
  }

  CellSimulation cellOf(S2CellId id) {
    return cells.get(id);
  }

  /** The cells started so far. */
  int cellCount() {
    return cells.size();
  }

  long now() {
    return tick;
  }

  private CellSimulation cell(S2CellId id) {
    return cells.computeIfAbsent(
        id,
        c -> {
          routers.put(c, new GhostRouter(INTEREST_TICKS));
          return new CellSimulation(c, settings, terrain, 42L);
        });
  }
}
