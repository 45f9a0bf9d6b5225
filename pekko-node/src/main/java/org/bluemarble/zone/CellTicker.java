package org.bluemarble.zone;

import com.google.common.geometry.S2CellId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.LongFunction;
import org.apache.pekko.actor.typed.ActorRef;
import org.bluemarble.spatial.GeoPosition;
import org.slf4j.Logger;

/**
 * The per-tick work of a {@link ZoneCell} around its {@link CellSimulation}: runs the step, pushes
 * session events, hands players over, checkpoints, sends the subscribed ghost batches, keeps tick
 * statistics (overruns logged at a limited rate) and asks for passivation when the cell has been
 * idle (no players in it, none near it) for the idle timeout. Returns the facts to persist. Once
 * the node shuts down ({@code stopping}) it sends no more ghosts, so shard hand-off is not kept
 * busy by cells talking to cells that are moving away.
 */
final class CellTicker {
  private final CellSimulation sim;
  private final CellRoster roster;
  private final String cellId;
  private final CellOutbox outbox;
  private final LongFunction<ActorRef<ZoneCell.Reply>> receipts;
  private final Runnable passivate;
  private final BooleanSupplier stopping;
  private final Logger log;
  private final GhostRouter ghosts;
  private final TickStats stats;
  private final SessionPush push = new SessionPush();
  private final long idleTicksToPassivate;
  private final long forwardTicks;
  private final Map<Long, Integer> droppedThisTick = new HashMap<>();
  private final Map<S2CellId, Long> ghostsHeardAt = new HashMap<>();
  private final long ghostTtlTicks;
  private long droppedInputs;
  private long idleTicks;
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
    ZoneSettings settings = deps.settings();
    this.sim = sim;
    this.roster = roster;
    this.cellId = CellIds.entityId(sim.cellId());
    this.outbox = outbox;
    this.receipts = receipts;
    this.passivate = passivate;
    this.stopping = stopping;
    this.log = log;
    // A neighbour's interest outlives three snapshot intervals, so one late batch does not flap.
    this.ghosts = new GhostRouter(3L * settings.tickHz() / settings.snapshotHz() + 1);
    this.stats = new TickStats(1_000_000_000L / settings.tickHz());
    this.idleTicksToPassivate =
        Math.max(1, deps.idleTimeout().toMillis() * settings.tickHz() / 1000);
    // Inputs sent before the session learnt of a handoff are forwarded for one wall-clock second
    // (more ticks than tickHz when a test runs the world faster than real time).
    this.forwardTicks =
        Math.max(
            settings.tickHz(),
            deps.stepsPerTick() * 1_000_000_000L / deps.tickInterval().toNanos());
    // A neighbour that stopped (passivated, node gone) sends no empty batch: its ghosts expire
    // after three snapshot intervals or a tenth of a wall-clock second without news.
    this.ghostTtlTicks =
        Math.max(3L * settings.tickHz() / settings.snapshotHz() + 1, forwardTicks / 10);
  }

  TickStats stats() {
    return stats;
  }

  /** The cell for admins, with {@code depleted} nodes from the persisted state. */
  ZoneCell.CellSummary summary(int depleted) {
    return new ZoneCell.CellSummary(
        cellId,
        sim.playerCount(),
        sim.creatureCount(),
        sim.resources().views().size(),
        depleted,
        stats.ticks(),
        stats.overruns(),
        stats.percentile(0.50),
        stats.percentile(0.99),
        droppedInputs);
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

  /**
   * The neighbour answered the handoff of {@code id}: on a refusal the player is simulated here
   * again (standing where it left) and its session is told where it is and corrected.
   */
  void handoffAnswered(long id, ZoneCell.Reply reply) {
    CellRoster.Pending p = roster.answered(id);
    if (p == null || !(reply instanceof ZoneCell.Rejected rejected)) {
      return;
    }
    TickReport.Handoff h = p.handoff();
    log.warn(
        "cell {}: {} refused player {} ({}); keeping it here",
        cellId,
        CellIds.entityId(h.targetCell()),
        p.link().playerId(),
        rejected.message());
    sim.readmit(id, h.characterClass(), h.position(), h.lastSequence());
    roster.add(id, p.link());
    ActorRef<SessionEvent> session = p.link().session();
    session.tell(new SessionEvent.HandedOff(id, cellId));
    GeoPosition at = h.position();
    session.tell(
        new SessionEvent.Correction(
            id,
            at.latitudeDeg(),
            at.longitudeDeg(),
            at.altitudeMeters(),
            h.lastSequence(),
            HANDOFF_REFUSED,
            0.0));
  }

  /** The correction reason when a neighbour refused a handoff. */
  static final String HANDOFF_REFUSED = "HANDOFF_REFUSED";

  /** Applies a neighbour's ghost batch. */
  void ghostsReceived(TickReport.GhostBatch batch) {
    sim.applyGhosts(batch);
    ghostsHeardAt.put(batch.fromCell(), stats.ticks());
    ghosts.received(batch, stats.ticks());
  }

  /** Runs {@code steps} ticks at once (time-warped tests; 1 in production); facts of all. */
  List<ZoneFact> tick(Instant now, int steps) {
    List<ZoneFact> facts = tick(now);
    for (int i = 1; i < steps; i++) {
      List<ZoneFact> more = tick(now);
      if (!more.isEmpty()) {
        facts = new ArrayList<>(facts);
        facts.addAll(more);
      }
    }
    return facts;
  }

  /** Runs one tick at wall-clock {@code now}; returns the facts to persist (often none). */
  List<ZoneFact> tick(Instant now) {
    long start = System.nanoTime();
    TickReport report = sim.tick(now.getEpochSecond() * 1_000_000_000L + now.getNano());
    push.push(report, sim.population(), roster, cellId, sim.dayPhase(now));
    reportDroppedInputs();
    handOff(report);
    for (TickReport.Checkpoint c : report.checkpoints()) {
      CellRoster.Link link = roster.get(c.playerId());
      if (link != null) {
        outbox.checkpoint(link.playerId(), c.position());
      }
    }
    if (!stopping.getAsBoolean()) {
      for (TickReport.GhostBatch b : ghosts.select(report.ghosts(), report.tick())) {
        outbox.toCell(b.toCell(), CellMessages.ghostsOf(b));
      }
    }
    roster.expire(report.tick());
    expireGhosts();
    passivateWhenIdle(report.tick());
    long end = System.nanoTime();
    long overruns = stats.record(end - start, end);
    if (overruns > 0) {
      log.warn(
          "cell {}: {} tick(s) overran the {} ns period (total {})",
          cellId,
          overruns,
          stats.periodNanos(),
          stats.overruns());
    }
    return report.facts();
  }

  private void handOff(TickReport report) {
    for (TickReport.Handoff h : report.handoffs()) {
      CellRoster.Link link = roster.remove(h.playerId());
      if (link == null) {
        continue;
      }
      // EnterCell first, then forwarded inputs: sharding keeps one sender's order to one entity.
      ActorRef<ZoneCell.Reply> receipt = receipts.apply(h.playerId());
      outbox.toCell(h.targetCell(), CellMessages.enterFor(h, link, receipt));
      forwardQueued(h, link);
      link.session()
          .tell(new SessionEvent.HandedOff(h.playerId(), CellIds.entityId(h.targetCell())));
      outbox.checkpoint(link.playerId(), h.position());
      roster.handedOff(
          h.playerId(),
          h.targetCell(),
          report.tick() + forwardTicks,
          new CellRoster.Pending(h, link));
    }
  }

  /**
   * The cell stops (passivation): players that entered after it asked to passivate are sent to the
   * cell's next incarnation, which sharding starts with these messages, instead of being lost.
   */
  void stopping() {
    for (TickReport.Handoff h : sim.evacuate()) {
      CellRoster.Link link = roster.remove(h.playerId());
      if (link != null) {
        log.info("cell {} stopping with player {}; re-entering it", cellId, link.playerId());
        outbox.toCell(h.targetCell(), CellMessages.enterFor(h, link, receipts.apply(h.playerId())));
        forwardQueued(h, link);
      }
    }
  }

  /** The inputs the player queued here and had not started go to the target, in order. */
  private void forwardQueued(TickReport.Handoff h, CellRoster.Link link) {
    for (MovementInput input : h.queued()) {
      outbox.toCell(h.targetCell(), CellMessages.inputFor(link, input));
    }
  }

  private void expireGhosts() {
    long now = stats.ticks();
    for (Iterator<Map.Entry<S2CellId, Long>> it = ghostsHeardAt.entrySet().iterator();
        it.hasNext(); ) {
      Map.Entry<S2CellId, Long> e = it.next();
      if (now - e.getValue() > ghostTtlTicks) {
        sim.applyGhosts(new TickReport.GhostBatch(e.getKey(), sim.cellId(), List.of()));
        it.remove();
      }
    }
  }

  private void reportDroppedInputs() {
    if (droppedThisTick.isEmpty()) {
      return;
    }
    droppedThisTick.forEach(
        (id, n) -> {
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
