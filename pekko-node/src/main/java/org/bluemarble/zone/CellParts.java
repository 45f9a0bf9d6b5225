package org.bluemarble.zone;

import java.time.Duration;
import java.util.function.BiFunction;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;

/**
 * The plain parts one {@link ZoneCell} incarnation runs on (simulation, roster, ticker, admission),
 * wired to the cell's actor context: handoff receipts are children of the cell, passivation goes to
 * its shard, and the ticker learns when the node shuts down.
 */
final class CellParts {
  /** How long a cell waits for a neighbour to answer a handoff. */
  private static final Duration HANDOFF_PATIENCE = Duration.ofSeconds(30);

  final CellSimulation sim;
  final CellTicker ticker;
  final CellAdmission admission;
  final CellSay say;
  final CellInbox inbox = new CellInbox(CellInboxes.CAPACITY);
  final GhostInbox ghostInbox = new GhostInbox();
  private final ActorContext<ZoneCell.Command> ctx;
  private CellClock.Subscription beat;

  /**
   * Beats a late cell plays at once at most (0.5 s at 60 Hz); beyond that the time is lost, as when
   * the whole machine pauses.
   */
  static final int MAX_CATCH_UP_BEATS = 30;

  /** The clock's number of the last beat this cell played (0: none yet). */
  private long lastBeat;

  /**
   * The parts of the cell {@code sim} simulates, run by {@code ctx}; {@code answered} wraps a
   * neighbour's answer to the handoff of a player (simulation id) as a command to the cell; {@code
   * shard} is null outside sharding (single-entity tests), where the cell never passivates.
   */
  CellParts(
      CellSimulation sim,
      ZoneCellDeps deps,
      ActorContext<ZoneCell.Command> ctx,
      CellOutbox outbox,
      ActorRef<ClusterSharding.ShardCommand> shard,
      BiFunction<Long, ZoneCell.Reply, ZoneCell.Command> answered) {
    this.sim = sim;
    this.ctx = ctx;
    CellRoster roster = new CellRoster();
    this.ticker =
        new CellTicker(
            sim,
            roster,
            deps,
            outbox,
            playerId ->
                ctx.spawnAnonymous(
                        HandoffReceipt.create(
                            ctx.getSelf(), r -> answered.apply(playerId, r), HANDOFF_PATIENCE))
                    .narrow(),
            shard == null
                ? () -> {}
                : () -> shard.tell(new ClusterSharding.Passivate<>(ctx.getSelf())),
            () -> CoordinatedShutdown.get(ctx.getSystem()).getShutdownReason().isPresent(),
            ctx.getLog(),
            SessionSinks.get(ctx.getSystem()),
            GhostInboxes.get(ctx.getSystem()),
            ghostInbox);
    this.admission = new CellAdmission(sim, roster, ticker, ticker.outbox());
    this.say = new CellSay(sim.cellId(), sim, roster, ticker.outbox());
  }

  /**
   * The inputs sessions on this node put into the inbox since the last tick, admitted in arrival
   * order as if each had come as a {@link ZoneCell.SubmitInput} message; called at the start of a
   * tick.
   */
  void admitInbox() {
    inbox.drainTo(input -> admission.input(input, ctx.getLog()));
  }

  /**
   * The cell runs: sessions on this node put its inputs into {@link #inbox} from now on, and
   * neighbours on this node their ghost batches into {@link #ghostInbox}.
   */
  void openInbox(String cellId) {
    CellInboxes.get(ctx.getSystem()).register(cellId, inbox);
    GhostInboxes.get(ctx.getSystem()).register(cellId, ghostInbox);
  }

  /**
   * The cell runs: {@code tell} (which tells the cell {@code Tick} with the beat's number) is
   * called at every beat of the node's {@link CellClock} of {@code period}, skipped while the last
   * tick has not started; {@code compose} (which tells it {@code Compose}) once every cell told
   * that beat has {@link #stepped}.
   */
  void startTicking(
      java.time.Duration period,
      java.util.function.LongConsumer tell,
      java.util.function.LongConsumer compose) {
    if (beat != null) {
      beat.cancel();
    }
    lastBeat = 0;
    beat = CellClock.get(ctx.getSystem()).subscribe(period, (s, n) -> tell.accept(n), compose);
  }

  /** The cell stepped the beat it started last (its ghosts are out): see {@link CellClock}. */
  void stepped() {
    if (beat != null) {
      beat.stepped();
    }
  }

  /** The number of the last beat the cell started (0: none). */
  long lastBeat() {
    return lastBeat;
  }

  /**
   * The cell handles the tick of beat {@code number}: the clock may tell it the next one. Returns
   * how many beats the cell must play: one, or every beat since its last tick when the clock
   * skipped some because the cell was late (a GC pause, a busy dispatcher), at most {@link
   * #MAX_CATCH_UP_BEATS}. Skipped beats are simulated time: without the catch-up a cell that is
   * late now and then runs slower than real time, and its players' inputs (each 0.1 s of simulated
   * time, sent every 0.1 s of real time) queue up without bound.
   */
  int tickStarted(long number) {
    if (beat != null) {
      beat.ticked();
    }
    int beats = beatsToPlay(lastBeat, number);
    lastBeat = number;
    return beats;
  }

  /**
   * Beats to play at beat {@code number} after the last one played, {@code last} (0: none): the
   * beats since then, at least one and at most {@link #MAX_CATCH_UP_BEATS}.
   */
  static int beatsToPlay(long last, long number) {
    long owed = last == 0 ? 1 : number - last;
    return (int) Math.max(1, Math.min(owed, MAX_CATCH_UP_BEATS));
  }

  /**
   * The cell stops: no more ticks, the inbox is unregistered and what it still holds dropped (and
   * logged). Called again (stop, then the actor's end) it does nothing more.
   */
  void stopped(String cellId) {
    if (beat != null) {
      beat.cancel();
    }
    CellInboxes.get(ctx.getSystem()).remove(cellId, inbox);
    GhostInboxes.get(ctx.getSystem()).remove(cellId, ghostInbox);
    ghostInbox.close();
    int dropped = inbox.close();
    if (dropped > 0) {
      ctx.getLog().debug("cell {} stopped with {} input(s) in its inbox, dropped", cellId, dropped);
    }
  }
}
