package org.bluemarble.zone;

import java.time.Instant;
import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;
import org.slf4j.Logger;

/**
 * The per-tick work of a {@link ZoneCell} around its {@link CellSimulation}: runs the step, pushes
 * session events, hands players over, checkpoints, sends the subscribed ghost batches, keeps tick
 * statistics (overruns logged at a limited rate) and asks for passivation when the cell has been
 * idle (no players in it, none near it) for the idle timeout. Returns the facts to persist.
 */
final class CellTicker {
  private final CellSimulation sim;
  private final CellRoster roster;
  private final String cellId;
  private final CellOutbox outbox;
  private final ActorRef<ZoneCell.Reply> ignore;
  private final Runnable passivate;
  private final Logger log;
  private final GhostRouter ghosts;
  private final TickStats stats;
  private final long idleTicksToPassivate;
  private final long forwardTicks;
  private long idleTicks;
  private boolean passivating;

  CellTicker(
      CellSimulation sim,
      CellRoster roster,
      ZoneCellDeps deps,
      CellOutbox outbox,
      ActorRef<ZoneCell.Reply> ignore,
      Runnable passivate,
      Logger log) {
    ZoneSettings settings = deps.settings();
    this.sim = sim;
    this.roster = roster;
    this.cellId = CellIds.entityId(sim.cellId());
    this.outbox = outbox;
    this.ignore = ignore;
    this.passivate = passivate;
    this.log = log;
    // A neighbour's interest outlives three snapshot intervals, so one late batch does not flap.
    this.ghosts = new GhostRouter(3L * settings.tickHz() / settings.snapshotHz() + 1);
    this.stats = new TickStats(1_000_000_000L / settings.tickHz());
    this.idleTicksToPassivate =
        Math.max(1, deps.idleTimeout().toMillis() * settings.tickHz() / 1000);
    // Inputs sent before the session learnt of a handoff are forwarded for one second.
    this.forwardTicks = settings.tickHz();
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
        stats.percentile(0.99));
  }

  /** A player entered: the cell is busy. */
  void active() {
    idleTicks = 0;
  }

  /** Applies a neighbour's ghost batch. */
  void ghostsReceived(TickReport.GhostBatch batch) {
    sim.applyGhosts(batch);
    ghosts.received(batch, stats.ticks());
  }

  /** Runs one tick at wall-clock {@code now}; returns the facts to persist (often none). */
  List<ZoneFact> tick(Instant now) {
    long start = System.nanoTime();
    TickReport report = sim.tick(now.getEpochSecond() * 1_000_000_000L + now.getNano());
    SessionPush.push(report, sim.population(), roster, cellId, sim.dayPhase(now));
    handOff(report);
    for (TickReport.Checkpoint c : report.checkpoints()) {
      CellRoster.Link link = roster.get(c.playerId());
      if (link != null) {
        outbox.checkpoint(link.playerId(), c.position());
      }
    }
    for (TickReport.GhostBatch b : ghosts.select(report.ghosts(), report.tick())) {
      outbox.toCell(b.toCell(), CellMessages.ghostsOf(b));
    }
    roster.expire(report.tick());
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
      outbox.toCell(h.targetCell(), CellMessages.enterFor(h, link, ignore));
      link.session()
          .tell(new SessionEvent.HandedOff(h.playerId(), CellIds.entityId(h.targetCell())));
      outbox.checkpoint(link.playerId(), h.position());
      roster.handedOff(h.playerId(), h.targetCell(), report.tick() + forwardTicks);
    }
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
