package org.bluemarble.zone;

import com.google.common.geometry.S2CellId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bluemarble.player.CharacterClass;
import org.bluemarble.spatial.GeoPosition;
import org.bluemarble.spatial.SpatialCells;
import org.bluemarble.zone.internal.LongIntMap;
import org.bluemarble.zone.internal.Vectors;

/**
 * Everything one zone cell simulates, as plain single-threaded Java for the {@code ZoneCell} actor
 * to drive: players (inputs queued, validated and played in order for one input period each, see
 * {@link PlayerSlot}), creatures with their AI, resource nodes, ghosts reported by neighbours, and
 * the area of interest. {@link #tick} advances one fixed step of {@code 1 / tickHz} seconds and
 * returns a {@link TickReport} of what to send and persist. Not thread-safe: one actor owns it.
 */
public final class CellSimulation {
  /** Queued inputs per player beyond which {@link #offer} refuses (the actor disconnects). */
  public static final int MAX_QUEUED_INPUTS = 32;

  /**
   * The most entities one snapshot carries: the nearest ones within the AOI radius (priority by
   * distance); a crowd beyond this is not sent, which keeps snapshot size and cost bounded.
   */
  public static final int MAX_VISIBLE_PER_SNAPSHOT = 64;

  /**
   * Snapshot intervals a player handed to a neighbour stays visible here as a ghost at most, unless
   * a batch of the neighbour shows it sooner (it shows it within about one interval).
   */
  static final int DEPARTED_GHOST_SNAPSHOTS = 4;

  /**
   * Snapshot intervals a player ghost that vanished from a neighbour's batch lingers at most (it
   * may be crossing into a third cell, whose batch shows it within one interval).
   */
  static final int LINGER_SNAPSHOTS = 2;

  /** Creatures re-decide every this many ticks, staggered by creature. */
  public static final int THINK_EVERY_TICKS = 6;

  private final S2CellId cellId;
  private final ZoneSettings settings;
  private final MovementRules rules;
  private final CellBoundary boundary;
  private final CellPopulation population = new CellPopulation(256);
  private final CellPopulation players = new CellPopulation(64);
  private final AoiIndex aoi;
  private final List<PlayerSlot> slots = new ArrayList<>();
  private final LongIntMap slotById = new LongIntMap(64);
  private final CreatureHerd herd;
  private final ResourceField resources;
  private final GhostTable ghosts;
  private final int snapshotEvery;
  private final long checkpointEveryTicks;
  private final AoiResult scratch = new AoiResult();
  private final Terrain terrain;
  private GeoPosition respawnPoint;
  private long tick;

  /** The simulation of {@code cellId} on a planet, with its creatures and resources spawned. */
  public CellSimulation(S2CellId cellId, ZoneSettings settings, Terrain terrain, long planetSeed) {
    this.cellId = cellId;
    this.settings = settings;
    this.rules = new MovementRules(settings, terrain);
    this.terrain = terrain;
    this.boundary = new CellBoundary(cellId, settings);
    GeoPosition centre = SpatialCells.centreOf(cellId);
    this.aoi = new AoiIndex(centre, settings);
    this.herd = new CreatureHerd(centre, settings, rules, boundary, population, players);
    this.snapshotEvery = Math.max(1, Math.round((float) settings.tickHz() / settings.snapshotHz()));
    this.checkpointEveryTicks =
        Math.max(1, settings.checkpointInterval().toMillis() * settings.tickHz() / 1000);
    this.ghosts = new GhostTable(population);
    WorldSpawner spawner = new WorldSpawner(planetSeed, terrain, settings);
    for (NpcSpawn spawn : spawner.creatures(cellId)) {
      Creature c = new Creature(spawn, planetSeed);
      herd.add(c);
      population.upsert(spawn.id(), EntityKind.NPC, false, spawn.home(), 0.0, 0.0);
    }
    List<ResourceSpawn> nodes = spawner.resources(cellId);
    for (ResourceSpawn node : nodes) {
      population.upsert(node.id(), EntityKind.RESOURCE_NODE, false, node.position(), 0.0, 0.0);
    }
    this.resources = new ResourceField(nodes);
  }

  /**
   * Adds a player (log-in at its checkpoint, or a handoff from a neighbour with its last processed
   * sequence and intent in force).
   *
   * @throws IllegalArgumentException if the position is not inside this cell or the id is taken
   */
  public void enter(
      long playerId,
      CharacterClass characterClass,
      GeoPosition position,
      long lastSequence,
      MovementInput.Intent intent) {
    Mover mover = new Mover(playerId, characterClass, position, lastSequence);
    if (boundary.needsHandoff(mover.x(), mover.y(), mover.z())) {
      throw new IllegalArgumentException(
          "position "
              + position
              + " of player "
              + playerId
              + " is outside cell "
              + cellId.toToken());
    }
    int existing = population.slotOf(playerId);
    if (existing != LongIntMap.MISSING && !population.isGhost(existing)) {
      throw new IllegalArgumentException(
          "player " + playerId + " is already in " + cellId.toToken());
    }
    if (intent != null) {
      rules.accept(mover, new MovementInput(lastSequence + 1, intent, 0L));
      mover.lastSequence = lastSequence;
    }
    admit(mover);
  }

  /**
   * Takes back a player whose handoff the neighbour refused: it stands where it left, which may be
   * just beyond this cell's edge; its next move there tries the handoff again.
   *
   * @throws IllegalArgumentException if the id is simulated here already
   */
  public void readmit(
      long playerId, CharacterClass characterClass, GeoPosition position, long lastSequence) {
    if (slotById.get(playerId) != LongIntMap.MISSING) {
      throw new IllegalArgumentException(
          "player " + playerId + " is already in " + cellId.toToken());
    }
    admit(new Mover(playerId, characterClass, position, lastSequence));
  }

  private void admit(Mover mover) {
    PlayerSlot slot = new PlayerSlot(mover);
    slot.nextCheckpointTick = tick + checkpointEveryTicks;
    slotById.put(mover.id, slots.size());
    slots.add(slot);
    publish(mover);
  }

  /**
   * Takes every player out, each as a handoff to this same cell (the cell is stopping: a new
   * incarnation takes them over with their last sequence and intent).
   */
  public List<TickReport.Handoff> evacuate() {
    List<TickReport.Handoff> out = new ArrayList<>(slots.size());
    for (PlayerSlot slot : slots) {
      Mover m = slot.mover;
      out.add(
          new TickReport.Handoff(
              m.id,
              cellId,
              m.characterClass,
              m.position(),
              m.lastSequence,
              m.intentInForce(),
              slot.queued()));
    }
    for (TickReport.Handoff h : out) {
      removeSlot(h.playerId());
    }
    return out;
  }

  /** Removes a player (logout, timeout); returns its final checkpoint, or null if unknown. */
  public TickReport.Checkpoint leave(long playerId) {
    PlayerSlot slot = removeSlot(playerId);
    return slot == null ? null : new TickReport.Checkpoint(playerId, slot.mover.position());
  }

  /**
   * Queues an input; inputs are played in order, each for {@link PlayerSlot#INPUT_SECONDS}. False
   * when the player is unknown or already has {@link #MAX_QUEUED_INPUTS} queued (a flooding client,
   * which the actor disconnects).
   */
  public boolean offer(long playerId, MovementInput input) {
    int index = slotById.get(playerId);
    if (index == LongIntMap.MISSING) {
      return false;
    }
    Deque<MovementInput> queue = slots.get(index).inputs;
    if (queue.size() >= MAX_QUEUED_INPUTS) {
      return false;
    }
    queue.add(input);
    return true;
  }

  /** The neighbour cell that owns ghost {@code id} (whose batches show it), or null. */
  S2CellId ghostSource(long id) {
    return ghosts.sourceOf(id);
  }

  /**
   * Replaces what this cell knows from {@code batch.fromCell()} with the batch's entities (a player
   * it no longer shows lingers a snapshot interval, see {@link GhostTable}).
   */
  public void applyGhosts(TickReport.GhostBatch batch) {
    ghosts.replace(batch, tick + LINGER_SNAPSHOTS * snapshotEvery);
  }

  /** Advances one tick; {@code nowNanos} is wall-clock time in nanoseconds since the epoch. */
  public TickReport tick(long nowNanos) {
    return compose(step(nowNanos));
  }

  /**
   * The first half of a tick: moves players and creatures, hands over, respawns, and builds the
   * ghost batches for the neighbours; the report has no views yet, and of the acks only those of
   * players handed off. {@link #compose} completes it; in between the cell may apply the ghost
   * batches its neighbours built in the same tick, which the snapshots then show (ghosts are only
   * shown, so the simulation's outcome does not depend on when they arrive).
   */
  public TickReport step(long nowNanos) {
    long start = System.nanoTime();
    tick++;
    double dt = settings.tickSeconds();
    List<TickReport.Ack> acks = new ArrayList<>();
    List<TickReport.Correction> corrections = new ArrayList<>();
    List<TickReport.Handoff> handoffs = new ArrayList<>();
    List<TickReport.Checkpoint> checkpoints = new ArrayList<>();
    for (int i = slots.size() - 1; i >= 0; i--) {
      PlayerSlot slot = slots.get(i);
      Mover m = slot.mover;
      if (slot.dead) {
        slot.dropWhileDead(); // lies where it fell until it respawns
        continue;
      }
      StepOutcome outcome = slot.step(rules, boundary, dt);
      TickReport.Correction correction = slot.takeCorrection();
      if (correction != null) {
        corrections.add(correction);
      }
      if (outcome == StepOutcome.MOVED || outcome == StepOutcome.ARRIVED) {
        // Mid-input the player stays here (at most one input period beyond the edge), so the
        // neighbour starts it on an input boundary and the client's path is reproduced exactly.
        if (!slot.inputInProgress() && boundary.needsHandoff(m.x(), m.y(), m.z())) {
          slot.ackInto(acks);
          TickReport.Handoff handoff = handoffOf(slot);
          handoffs.add(handoff);
          removeSlot(m.id);
          // Observers here keep seeing it where it crossed until the neighbour's ghosts show it.
          ghosts.departed(
              m.id,
              handoff.targetCell(),
              m.x(),
              m.y(),
              m.z(),
              m.altitudeMeters(),
              m.headingDeg(),
              m.speedMps(),
              tick + DEPARTED_GHOST_SNAPSHOTS * snapshotEvery);
          continue;
        }
        publish(m);
      }
      if (tick >= slot.nextCheckpointTick) {
        slot.nextCheckpointTick = tick + checkpointEveryTicks;
        checkpoints.add(new TickReport.Checkpoint(m.id, m.position()));
      }
    }
    ghosts.expireDeparted(tick);
    herd.step(tick, dt);
    List<ZoneFact> facts = resources.dueRespawns(instantOf(nowNanos));
    for (ZoneFact fact : facts) {
      resources.apply(fact);
    }
    // Every tick, not every snapshot interval: the neighbours' observers get their snapshots
    // staggered over the interval's ticks, and a batch of the interval's first tick made those
    // of the later ticks show ghosts up to an interval older than the entities of their own cell.
    List<TickReport.GhostBatch> batches = ghosts.outgoing(boundary);
    return new TickReport(
        tick,
        acks,
        corrections,
        handoffs,
        facts,
        List.of(),
        batches,
        checkpoints,
        System.nanoTime() - start);
  }

  /**
   * The second half of the tick {@code stepped} reports (the last {@link #step}): the snapshot
   * views of the players due one, with the acks that go out with them, seeing the ghosts applied
   * since the step.
   *
   * @throws IllegalArgumentException if {@code stepped} is not the report of the last step
   */
  public TickReport compose(TickReport stepped) {
    if (stepped.tick() != tick) {
      throw new IllegalArgumentException(
          "compose of tick " + stepped.tick() + " after step " + tick + " of " + cellId.toToken());
    }
    long start = System.nanoTime();
    List<TickReport.Ack> acks = new ArrayList<>(stepped.acks());
    List<TickReport.PlayerView> views = List.of();
    if (!slots.isEmpty()) {
      views = snapshotViews(acks);
    }
    return new TickReport(
        tick,
        acks,
        stepped.corrections(),
        stepped.handoffs(),
        stepped.facts(),
        views,
        stepped.ghosts(),
        stepped.checkpoints(),
        stepped.costNanos() + System.nanoTime() - start);
  }

  private TickReport.Handoff handoffOf(PlayerSlot slot) {
    Mover m = slot.mover;
    return new TickReport.Handoff(
        m.id,
        boundary.ownerOf(m.x(), m.y(), m.z()),
        m.characterClass,
        m.position(),
        m.lastSequence,
        m.intentInForce(),
        slot.queued());
  }

  /**
   * Snapshots for the players whose turn it is: each player gets one every {@code snapshotEvery}
   * ticks, staggered by id so the work is spread evenly over the ticks, and one on its first tick
   * here, so a handoff never leaves a gap longer than one snapshot interval and a tick. A player's
   * ack goes out with its snapshot: at most one per snapshot interval, for the newest input.
   */
  private List<TickReport.PlayerView> snapshotViews(List<TickReport.Ack> acks) {
    aoi.rebuild(population);
    List<TickReport.PlayerView> views = new ArrayList<>();
    for (PlayerSlot slot : slots) {
      Mover m = slot.mover;
      if (!slot.snapshotDue && Math.floorMod(tick + m.id, snapshotEvery) != 0) {
        continue;
      }
      slot.snapshotDue = false;
      slot.ackInto(acks);
      aoi.gatherInIdOrder(m.x(), m.y(), m.z(), m.id, MAX_VISIBLE_PER_SNAPSHOT, scratch);
      views.add(new TickReport.PlayerView(m.id, slot.interest.update(scratch)));
    }
    return views;
  }

  private void publish(Mover m) {
    double heading = m.headingDeg();
    double speed = m.speedMps();
    population.upsert(
        m.id, EntityKind.PLAYER, false, m.x(), m.y(), m.z(), m.altitudeMeters(), heading, speed);
    players.upsert(
        m.id, EntityKind.PLAYER, false, m.x(), m.y(), m.z(), m.altitudeMeters(), heading, speed);
  }

  private PlayerSlot removeSlot(long playerId) {
    int index = slotById.remove(playerId);
    if (index == LongIntMap.MISSING) {
      return null;
    }
    PlayerSlot removed = slots.get(index);
    int last = slots.size() - 1;
    if (index != last) {
      PlayerSlot moved = slots.get(last);
      slots.set(index, moved);
      slotById.put(moved.mover.id, index);
    }
    slots.remove(last);
    population.remove(playerId);
    players.remove(playerId);
    return removed;
  }

  private static Instant instantOf(long epochNanos) {
    return Instant.ofEpochSecond(
        Math.floorDiv(epochNanos, 1_000_000_000L), Math.floorMod(epochNanos, 1_000_000_000L));
  }

  /**
   * Decides a harvest by a player in this cell (see {@link ResourceField#harvest}) and applies the
   * facts at once; the actor persists the returned facts before acknowledging.
   */
  public List<ZoneFact> harvest(long playerId, long nodeId, int amount, Instant now) {
    if (slotById.get(playerId) == LongIntMap.MISSING) {
      return List.of();
    }
    List<ZoneFact> facts = resources.harvest(nodeId, playerId, amount, now);
    facts.forEach(resources::apply);
    return facts;
  }

  /**
   * Player {@code playerId} died in combat: it stops, drops its inputs and leaves the population
   * (so observers' snapshots, neighbours' ghosts and creatures' senses) until {@link
   * #playerRespawned}; it stays simulated here (roster, checkpoints, its own feed). Ignored for a
   * player not here.
   */
  void playerDied(long playerId) {
    int index = slotById.get(playerId);
    if (index == LongIntMap.MISSING || slots.get(index).dead) {
      return;
    }
    slots.get(index).die();
    population.remove(playerId);
    players.remove(playerId);
  }

  /**
   * Dead player {@code playerId} comes back at this cell's {@link #respawnPoint}, standing, seen
   * again; its client gets a correction with reason {@value #RESPAWN_REASON}.
   */
  void playerRespawned(long playerId) {
    int index = slotById.get(playerId);
    if (index == LongIntMap.MISSING || !slots.get(index).dead) {
      return;
    }
    PlayerSlot slot = slots.get(index);
    slot.respawnAt(respawnPoint(), RESPAWN_REASON);
    publish(slot.mover);
  }

  /** Whether player {@code playerId} is here and dead. */
  boolean isDead(long playerId) {
    int index = slotById.get(playerId);
    return index != LongIntMap.MISSING && slots.get(index).dead;
  }

  /** The correction reason of a respawn. */
  public static final String RESPAWN_REASON = "RESPAWN";

  /**
   * Makes {@code (latDeg, lngDeg)} (the world's spawn sanctuary) this cell's respawn point if it
   * lies inside this cell and is walkable; otherwise the cell keeps its own.
   */
  void respawnAtIfHere(double latDeg, double lngDeg) {
    double[] p = new double[3];
    Vectors.fromLatLng(latDeg, lngDeg, p);
    if (!boundary.needsHandoff(p[0], p[1], p[2]) && rules.isWalkable(latDeg, lngDeg)) {
      respawnPoint =
          new GeoPosition(latDeg, lngDeg, Math.max(0.0, terrain.elevationMeters(latDeg, lngDeg)));
    }
  }

  /**
   * Where this cell's dead players come back: the spawn sanctuary's centre when it lies in this
   * cell ({@link #respawnAtIfHere}), else the walkable point (not deep ocean) nearest the cell's
   * centre on a spiral of candidates inside the cell, at ground height (the centre itself when none
   * is walkable). Deterministic per cell and planet.
   */
  public GeoPosition respawnPoint() {
    if (respawnPoint == null) {
      respawnPoint = findRespawnPoint();
    }
    return respawnPoint;
  }

  private GeoPosition findRespawnPoint() {
    GeoPosition centre = SpatialCells.centreOf(cellId);
    double[] p = new double[3];
    // The cell's size in degrees of arc, roughly: candidates stay well inside.
    double span = Math.toDegrees(cellId.toPoint().angle(cellId.rangeMin().toPoint())) * 0.8;
    int rings = 24;
    for (int ring = 0; ring <= rings; ring++) {
      int around = ring == 0 ? 1 : 8 * ring;
      for (int k = 0; k < around; k++) {
        double r = span * ring / rings;
        double bearing = 2 * Math.PI * k / around;
        double lat = Math.max(-89.9, Math.min(89.9, centre.latitudeDeg() + r * Math.cos(bearing)));
        double cos = Math.max(0.01, Math.cos(Math.toRadians(lat)));
        double lng = centre.longitudeDeg() + r * Math.sin(bearing) / cos;
        lng = lng > 180 ? lng - 360 : lng < -180 ? lng + 360 : lng;
        Vectors.fromLatLng(lat, lng, p);
        if (!boundary.needsHandoff(p[0], p[1], p[2]) && rules.isWalkable(lat, lng)) {
          return new GeoPosition(lat, lng, Math.max(0.0, terrain.elevationMeters(lat, lng)));
        }
      }
    }
    return new GeoPosition(
        centre.latitudeDeg(),
        centre.longitudeDeg(),
        Math.max(0.0, terrain.elevationMeters(centre.latitudeDeg(), centre.longitudeDeg())));
  }

  /** The class of player {@code playerId} simulated here, or null. */
  CharacterClass classOf(long playerId) {
    int index = slotById.get(playerId);
    return index == LongIntMap.MISSING ? null : slots.get(index).mover.characterClass();
  }

  /** This cell's id. */
  public S2CellId cellId() {
    return cellId;
  }

  /** Every entity known here (owned and ghosts), read-only by convention. */
  public CellPopulation population() {
    return population;
  }

  /** The resource nodes. */
  public ResourceField resources() {
    return resources;
  }

  /** Players simulated here. */
  public int playerCount() {
    return slots.size();
  }

  /** Creatures simulated here. */
  public int creatureCount() {
    return herd.size();
  }

  /** The authoritative position of a player here, or null. */
  public GeoPosition positionOf(long playerId) {
    int index = slotById.get(playerId);
    return index == LongIntMap.MISSING ? null : slots.get(index).mover.position();
  }

  /** Light at the cell's centre at {@code at}, for snapshots. */
  public DayPhase dayPhase(Instant at) {
    GeoPosition c = SpatialCells.centreOf(cellId);
    return SolarClock.phase(c.latitudeDeg(), c.longitudeDeg(), at);
  }

  /** The creatures' spawn order, for tests and admin views. */
  public List<Creature> creatures() {
    return herd.list();
  }

  /** The creatures, for the cell's combat (orders, deaths, respawns). */
  CreatureHerd herd() {
    return herd;
  }

  Map<Long, GeoPosition> playerPositions() {
    Map<Long, GeoPosition> out = new LinkedHashMap<>();
    for (PlayerSlot s : slots) {
      out.put(s.mover.id, s.mover.position());
    }
    return out;
  }
}
