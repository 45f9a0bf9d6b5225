package org.bluemarble.zone;

import java.util.ArrayList;
import java.util.List;
import org.bluemarble.spatial.GeoPosition;
import org.bluemarble.zone.internal.Vectors;

/**
 * The creatures of one cell and their per-tick step: each re-decides every {@link
 * CellSimulation#THINK_EVERY_TICKS} ticks (staggered, seeing only the nearest player through a
 * players-only spatial hash) and walks every tick, never out of the cell nor onto deep ocean.
 */
final class CreatureHerd {
  private final List<Creature> creatures = new ArrayList<>();
  private final java.util.Map<Long, Creature> byId = new java.util.HashMap<>();
  private final CellPopulation population;
  private final CellPopulation players;
  private final AoiIndex playerIndex;
  private final Creature.StepFilter allowed;
  private final MovementRules rules;
  private final double radius;
  private final double[] nearest = new double[3];

  CreatureHerd(
      GeoPosition centre,
      ZoneSettings settings,
      MovementRules rules,
      CellBoundary boundary,
      CellPopulation population,
      CellPopulation players) {
    this.population = population;
    this.players = players;
    this.playerIndex = new AoiIndex(centre, settings);
    this.radius = settings.sphere().radiusMeters();
    this.rules = rules;
    this.allowed =
        next ->
            !boundary.needsHandoff(next[0], next[1], next[2])
                && rules.isWalkable(
                    Vectors.latitudeDeg(next[0], next[1], next[2]),
                    Vectors.longitudeDeg(next[0], next[1], 0.0));
  }

  void add(Creature c) {
    creatures.add(c);
    byId.put(c.id, c);
  }

  /**
   * The fighting brain of creature {@code id} orders {@code order} about {@code target} (unit
   * vector, or null). Ignored for an unknown or dead creature.
   */
  void steer(long id, Creature.Order order, double[] target) {
    Creature c = byId.get(id);
    if (c != null && !c.dead()) {
      c.order(order, target, radius);
    }
  }

  /**
   * Creature {@code id} died: it leaves the population (and so the snapshots) until it respawns.
   */
  void died(long id) {
    Creature c = byId.get(id);
    if (c != null && !c.dead()) {
      c.died();
      population.remove(id);
    }
  }

  /** Creature {@code id} respawned: back in the population, at home. */
  void respawned(long id) {
    Creature c = byId.get(id);
    if (c != null && c.dead()) {
      c.respawned();
      population.upsert(
          id,
          EntityKind.NPC,
          false,
          c.point[0],
          c.point[1],
          c.point[2],
          c.altitudeMeters,
          c.headingDeg,
          0.0);
    }
  }

  /** The order creature {@code id} follows ({@link Creature.Order#NONE} if unknown). */
  Creature.Order orderOf(long id) {
    Creature c = byId.get(id);
    return c == null ? Creature.Order.NONE : c.order();
  }

  int size() {
    return creatures.size();
  }

  List<Creature> list() {
    return List.copyOf(creatures);
  }

  /** Thinks (those whose turn it is) and moves every creature for tick number {@code tick}. */
  void step(long tick, double dt) {
    int every = CellSimulation.THINK_EVERY_TICKS;
    if (!creatures.isEmpty()) {
      playerIndex.rebuild(players);
    }
    for (int i = 0; i < creatures.size(); i++) {
      Creature c = creatures.get(i);
      if ((tick + i) % every == 0) {
        think(c);
        c.altitudeMeters = rules.groundAltitudeMeters(c.point);
      }
      if (!c.dead() && c.move(dt, radius, allowed)) {
        int slot = population.slotOf(c.id);
        population.move(
            slot, c.point[0], c.point[1], c.point[2], c.altitudeMeters, c.headingDeg, c.speedMps);
      }
    }
  }

  private void think(Creature c) {
    double[] p = c.point;
    int slot = playerIndex.nearest(p[0], p[1], p[2], c.kind.awarenessMeters(), c.id);
    if (slot >= 0) {
      nearest[0] = players.x(slot);
      nearest[1] = players.y(slot);
      nearest[2] = players.z(slot);
      c.think(nearest, playerIndex.distanceMeters(p[0], p[1], p[2], slot), radius);
    } else {
      c.think(null, 0.0, radius);
    }
  }
}
