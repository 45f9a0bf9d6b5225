package org.bluemarble.zone;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.LongFunction;
import org.apache.pekko.actor.typed.ActorRef;
import org.bluemarble.zone.combat.CombatFact;
import org.slf4j.Logger;

/**
 * The per-tick work of a {@link ZoneCell} around its {@link CellSimulation}: runs the step, pushes
 * session events, hands players over ({@link CellHandoffs}), checkpoints, exchanges ghosts ({@link
 * CellGhosts}), keeps tick statistics (overruns logged at a limited rate) and asks for passivation
 * when the cell has been idle (no players in it, none near it) for the idle timeout. Returns the
 * facts to persist. A tick runs in two phases ({@link #step}, {@link #compose}): the step sends the
 * ghosts, straight into the inboxes of the neighbours on this node, and the compose takes the
 * ghosts the local neighbours stepped in the meantime before it builds the snapshots, so they show
 * the neighbours' entities of the same tick. Once the node shuts down ({@code stopping}) it sends
 * no more ghosts, so shard hand-off is not kept busy by cells talking to cells that are moving
 * away. Everything it sends to other cells is counted as same-node or cross-node traffic ({@link
 * NeighbourTraffic}).
 */
final class CellTicker {
  /** The correction reason when a neighbour refused a handoff. */
  static final String HANDOFF_REFUSED = CellHandoffs.HANDOFF_REFUSED;

  private final CellSimulation sim;
  private final CellRoster roster;
  private final String cellId;
  private final NeighbourTraffic outbox;
  private final Runnable passivate;
  private final BooleanSupplier stopping;
  private final Logger log;
  private final CellGhosts ghosts;
  private final CellHandoffs handoffs;
  private final TickStats stats;
  private final CellMetrics metrics;
  private final SessionPush push;
  private final CellFights fights;
  private final long idleTicksToPassivate;
  private final Map<Long, Integer> droppedThisTick = new HashMap<>();
  private long droppedInputs;
  private long idleTicks;

  /** The report of the step waiting for its compose, or null. */
  private TickReport stepped;

  private long stepNanos;
  private boolean passivating;

  CellTicker(
      CellSimulation sim,
      CellRoster roster,
      ZoneCellDeps deps,
      CellOutbox outbox,
      LongFunction<ActorRef<ZoneCell.Reply>> receipts,
      Runnable passivate,
      BooleanSupplier stopping,
      Logger log) {
    this(sim, roster, deps, outbox, receipts, passivate, stopping, log, null);
  }

  /** As above; snapshots go straight to the sessions registered in {@code sinks} (may be null). */
  CellTicker(
      CellSimulation sim,
      CellRoster roster,
      ZoneCellDeps deps,
      CellOutbox outbox,
      LongFunction<ActorRef<ZoneCell.Reply>> receipts,
      Runnable passivate,
      BooleanSupplier stopping,
      Logger log,
      SessionSinks sinks) {
    this(sim, roster, deps, outbox, receipts, passivate, stopping, log, sinks, null, null);
  }

  /**
   * As above; ghost batches for neighbours on this node go into their inboxes in {@code
   * localGhosts}, and this cell's compose takes those in {@code ownGhosts} (both null: messages
   * only).
   */
  CellTicker(
      CellSimulation sim,
      CellRoster roster,
      ZoneCellDeps deps,
      CellOutbox outbox,
      LongFunction<ActorRef<ZoneCell.Reply>> receipts,
      Runnable passivate,
      BooleanSupplier stopping,
      Logger log,
      SessionSinks sinks,
      GhostInboxes localGhosts,
      GhostInbox ownGhosts) {
    ZoneSettings settings = deps.settings();
    this.sim = sim;
    this.roster = roster;
    this.cellId = CellIds.entityId(sim.cellId());
    this.outbox = new NeighbourTraffic(sim.cellId(), outbox);
    this.passivate = passivate;
    this.stopping = stopping;
    this.log = log;
    this.stats = new TickStats(1_000_000_000L / settings.tickHz());
    this.metrics = new CellMetrics(settings.tickHz());
    this.push = new SessionPush(settings.sphere().radiusMeters(), sinks);
    this.idleTicksToPassivate =
        Math.max(1, deps.idleTimeout().toMillis() * settings.tickHz() / 1000);
    // Inputs sent before the session learnt of a handoff are forwarded for one wall-clock second
    // (more ticks than tickHz when a test runs the world faster than real time).
    long forwardTicks =
        Math.max(
            settings.tickHz(),
            deps.stepsPerTick() * 1_000_000_000L / deps.tickInterval().toNanos());
    // A neighbour's interest outlives three snapshot intervals, so one late batch does not flap.
    long interestTicks = 3L * settings.tickHz() / settings.snapshotHz() + 1;
    // A neighbour that stopped (passivated, node gone) sends no empty batch: its ghosts expire
    // after three snapshot intervals or a tenth of a wall-clock second without news.
    this.ghosts =
        new CellGhosts(
            sim,
            this.outbox,
            interestTicks,
            Math.max(interestTicks, forwardTicks / 10),
            localGhosts,
            ownGhosts);
    this.handoffs = new CellHandoffs(sim, roster, this.outbox, receipts, forwardTicks, log);
    this.fights = new CellFights(sim, settings, deps.terrain(), deps.worldSeed(), deps.sanctuary());
  }

  /** Queues a player's ability for the next tick's combat step. */
  void useAbility(long playerId, String abilityId, long targetId) {
    fights.useAbility(playerId, abilityId, targetId);
  }

  CellFights fights() {
    return fights;
  }

  TickStats stats() {
    return stats;
  }

  /** Where this cell's messages go, counted; admission forwards inputs through it too. */
  CellOutbox outbox() {
    return outbox;
  }

  /** The cell for admins, with {@code depleted} nodes from the persisted state, on {@code node}. */
  ZoneCell.CellSummary summary(int depleted, String node) {
    return new ZoneCell.CellSummary(
        cellId,
        node,
        sim.playerCount(),
        sim.creatureCount(),
        sim.resources().views().size(),
        depleted,
        stats.ticks(),
        stats.overruns(),
        stats.percentile(0.50),
        stats.percentile(0.99),
        droppedInputs,
        outbox.sameNode(),
        outbox.crossNode());
  }

  /** A player entered: the cell is busy. */
  void active() {
    idleTicks = 0;
  }

  /**
   * An input of player {@code id} was dropped because its queue was full: counted, and the session
   * hears of it once per tick ({@link SessionEvent.InputsDropped}) so the edge can disconnect.
   */
  void inputDropped(long id) {
    droppedInputs++;
    droppedThisTick.merge(id, 1, Integer::sum);
  }

  /** The neighbour answered the handoff of {@code id} (see {@link CellHandoffs#answered}). */
  void handoffAnswered(long id, ZoneCell.Reply reply) {
    handoffs.answered(id, reply);
  }

  /** Applies a neighbour's ghost batch. */
  void ghostsReceived(TickReport.GhostBatch batch) {
    ghosts.received(batch, stats.ticks());
  }

  /** Runs {@code steps} ticks at once (time-warped tests; 1 in production); facts of all. */
  List<ZoneFact> tick(Instant now, int steps) {
    List<ZoneFact> facts = step(now, steps);
    return concat(facts, compose(now));
  }

  /** Runs one tick at wall-clock {@code now}; returns the facts to persist (often none). */
  List<ZoneFact> tick(Instant now) {
    return tick(now, 1);
  }

  /**
   * The first phase of a beat of {@code steps} ticks (more than one when the cell catches up):
   * every tick but the last runs whole, the last one steps and sends its ghosts, and waits for
   * {@link #compose}. A step still waiting for its compose (the compose never came) is composed
   * first. Returns the facts of the ticks run whole.
   */
  List<ZoneFact> step(Instant now, int steps) {
    List<ZoneFact> facts = compose(now);
    for (int i = 1; i < steps; i++) {
      stepOnce(now);
      facts = concat(facts, compose(now));
    }
    stepOnce(now);
    return facts;
  }

  /** Whether a step waits for its compose. */
  boolean composeDue() {
    return stepped != null;
  }

  /**
   * The second phase: applies the ghosts the neighbours on this node put into the inbox, composes
   * the snapshots, pushes the session events, fights, hands over, checkpoints; returns the facts to
   * persist (none when no step waits).
   */
  List<ZoneFact> compose(Instant now) {
    if (stepped == null) {
      return List.of();
    }
    long start = System.nanoTime();
    ghosts.receiveLocal(stats.ticks());
    TickReport report = sim.compose(stepped);
    stepped = null;
    push.push(report, sim.population(), roster, cellId, sim.dayPhase(now));
    List<CombatFact> fought = fights.tick(report.tick(), roster, outbox);
    reportDroppedInputs();
    handoffs.handOff(report);
    for (TickReport.Checkpoint c : report.checkpoints()) {
      CellRoster.Link link = roster.get(c.playerId());
      if (link != null) {
        outbox.checkpoint(link.playerId(), c.position());
      }
    }
    roster.expire(report.tick());
    ghosts.expire(stats.ticks());
    passivateWhenIdle(report.tick());
    long end = System.nanoTime();
    long cost = stepNanos + end - start;
    long overruns = stats.record(cost, end);
    metrics.ticked(report.tick(), cost, sim.playerCount(), sim.creatureCount());
    if (overruns > 0) {
      log.warn(
          "cell {}: {} tick(s) overran the {} ns period (total {})",
          cellId,
          overruns,
          stats.periodNanos(),
          stats.overruns());
    }
    return fights.journal(report.tick(), report.facts(), fought, now);
  }

  private void stepOnce(Instant now) {
    long start = System.nanoTime();
    stepped = sim.step(now.getEpochSecond() * 1_000_000_000L + now.getNano());
    if (!stopping.getAsBoolean()) {
      ghosts.send(stepped.ghosts(), stepped.tick());
    }
    stepNanos = System.nanoTime() - start;
  }

  private static List<ZoneFact> concat(List<ZoneFact> a, List<ZoneFact> b) {
    if (b.isEmpty()) {
      return a;
    }
    if (a.isEmpty()) {
      return b;
    }
    List<ZoneFact> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  /** The cell stops (passivation); see {@link CellHandoffs#stopping}. */
  void stopping() {
    handoffs.stopping();
    metrics.stopped();
  }

  private void reportDroppedInputs() {
    if (droppedThisTick.isEmpty()) {
      return;
    }
    droppedThisTick.forEach(
        (id, n) -> {
          metrics.dropped(n);
          CellRoster.Link link = roster.get(id);
          if (link != null) {
            link.session()
                .tell(new SessionEvent.InputsDropped(id, n, CellSimulation.MAX_QUEUED_INPUTS));
          }
        });
    droppedThisTick.clear();
  }

  private void passivateWhenIdle(long tick) {
    if (sim.playerCount() > 0 || ghosts.watched(tick)) {
      idleTicks = 0;
      return;
    }
    idleTicks++;
    if (idleTicks >= idleTicksToPassivate && !passivating) {
      passivating = true;
      passivate.run();
    }
  }
}
