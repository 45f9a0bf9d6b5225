package org.bluemarble.zone;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.bluemarble.protocol.movement.MovementIntegrator;
import org.bluemarble.spatial.GeoPosition;

/**
 * One player in a {@link CellSimulation}: its {@link Mover}, its queued inputs, what it sees, and
 * the input playback that makes the server walk the path the client predicts.
 *
 * <p>Input semantics (shared with {@link MovementIntegrator}): each input, in sequence order, is in
 * force for exactly {@link #INPUT_SECONDS} of simulated time, split over as many ticks as that
 * takes. When the queue runs dry the last intent stays in force (the player keeps walking), so a
 * late input does not make it stutter. An input is <em>completed</em> when its time is used up; the
 * position at that instant is what the client's prediction after that input must equal, and is what
 * acks and corrections carry.
 */
final class PlayerSlot {
  /** Simulated seconds each input is in force: the protocol's input period. */
  static final double INPUT_SECONDS = MovementIntegrator.INPUT_STEP_SECONDS;

  /** Remainders below this many seconds are rounding (0.1 s over six 1/60 s ticks). */
  private static final double EPSILON_SECONDS = 1e-9;

  final Mover mover;
  final ArrayDeque<MovementInput> inputs = new ArrayDeque<>();
  final InterestSet interest = new InterestSet();
  long nextCheckpointTick;

  /** A player who just entered gets a snapshot on its first tick, whatever its stagger. */
  boolean snapshotDue = true;

  /** Seconds left of the input in progress; 0 when none is (the last intent continues). */
  private double remainingSeconds;

  /**
   * Simulated seconds this player is ahead of real time (0 to {@link #INPUT_SECONDS}): a waiting
   * input does not wait for the rest of the one in progress, whose remainder is played at once, and
   * that lead is paid back by not walking the last intent when the queue next runs dry. So an input
   * starts within a tick of its arrival, and a client sending faster than real time gains at most
   * one input period.
   */
  private double leadSeconds;

  /** Why the input in progress must be corrected once it completes (verdict or step), or null. */
  private String pendingReason;

  private long completedSequence;
  private GeoPosition completedPosition;
  private double completedHeadingDeg;
  private long ackedSequence;

  /** A correction due this tick, or null. */
  private TickReport.Correction correction;

  /** Dead (combat): it does not move, its inputs are dropped, it is out of the population. */
  boolean dead;

  PlayerSlot(Mover mover) {
    this.mover = mover;
    this.completedSequence = mover.lastSequence;
    this.ackedSequence = mover.lastSequence;
  }

  /** Whether an input is part-way through its {@link #INPUT_SECONDS}. */
  boolean inputInProgress() {
    return remainingSeconds > EPSILON_SECONDS;
  }

  /**
   * Plays {@code dtSeconds} of inputs: continues the input in progress, starts queued ones in order
   * as each completes, and walks the last intent when none is left. An input still waiting when the
   * tick's time is used up is started at the end of the tick (its intent shows in this tick's
   * snapshot; its time runs from the next tick). Returns MOVED or ARRIVED if the player moved or
   * took a new intent this tick, else STILL (a refused step is reported as a correction).
   */
  StepOutcome step(MovementRules rules, CellBoundary boundary, double dtSeconds) {
    StepOutcome moved = StepOutcome.STILL;
    boolean started = false;
    double budget = dtSeconds;
    while (budget > EPSILON_SECONDS) {
      if (!inputInProgress()) {
        if (!startNext(rules)) {
          // Queue dry: pay back the lead first (standing, as the client's prediction does).
          double payback = Math.min(leadSeconds, budget);
          leadSeconds -= payback;
          budget -= payback;
          break;
        }
        started = true;
      }
      double step = Math.min(budget, remainingSeconds);
      moved = merge(moved, rules.advance(mover, step), true);
      remainingSeconds -= step;
      budget -= step;
      if (!inputInProgress()) {
        complete();
        if (budget > EPSILON_SECONDS && boundary.needsHandoff(mover.x(), mover.y(), mover.z())) {
          // An input ended mid-tick beyond the edge (a tick rate that does not divide the input
          // period): stop here so the neighbour starts the next input; the rest of the tick is
          // dropped.
          return moved;
        }
      }
    }
    if (budget > EPSILON_SECONDS) {
      moved = merge(moved, rules.advance(mover, budget), false);
    } else if (inputInProgress()
        && !inputs.isEmpty()
        && leadSeconds + remainingSeconds <= INPUT_SECONDS + EPSILON_SECONDS) {
      // An input is waiting: finish the one in progress now instead of making it wait.
      leadSeconds += remainingSeconds;
      moved = merge(moved, rules.advance(mover, remainingSeconds), true);
      complete();
    }
    if (!inputInProgress()
        && !inputs.isEmpty()
        && !boundary.needsHandoff(mover.x(), mover.y(), mover.z())
        && startNext(rules)) {
      // The waiting input takes over where its predecessor completed, so observers see its intent
      // a tick sooner; its full period is played from the next tick, on the same path. Beyond the
      // edge it waits for the neighbour instead, which starts it after the handoff.
      started = true;
    }
    return moved == StepOutcome.STILL && started ? StepOutcome.MOVED : moved;
  }

  private boolean startNext(MovementRules rules) {
    for (MovementInput input; (input = inputs.poll()) != null; ) {
      InputVerdict verdict = rules.accept(mover, input);
      if (verdict == InputVerdict.DUPLICATE) {
        continue;
      }
      remainingSeconds = INPUT_SECONDS;
      pendingReason = verdict.needsCorrection() ? verdict.name() : null;
      return true;
    }
    remainingSeconds = 0.0;
    return false;
  }

  private StepOutcome merge(StepOutcome moved, StepOutcome outcome, boolean duringInput) {
    if (outcome.needsCorrection()) {
      if (duringInput) {
        pendingReason = outcome.name();
      } else {
        // Walking the last intent after the queue ran dry: correct at once, from the last input.
        correction =
            new TickReport.Correction(
                mover.id, mover.position(), completedSequence, outcome.name(), mover.headingDeg());
        ackedSequence = completedSequence;
      }
      return moved;
    }
    return outcome == StepOutcome.STILL ? moved : outcome;
  }

  private void complete() {
    remainingSeconds = 0.0;
    completedSequence = mover.lastSequence;
    completedPosition = mover.position();
    completedHeadingDeg = mover.headingDeg();
    if (pendingReason != null) {
      correction =
          new TickReport.Correction(
              mover.id, completedPosition, completedSequence, pendingReason, completedHeadingDeg);
      ackedSequence = completedSequence;
      pendingReason = null;
    }
  }

  /**
   * It died: it stops where it fell and drops what it had queued; inputs arriving while it is dead
   * are dropped too ({@link #dropWhileDead}).
   */
  void die() {
    dead = true;
    dropWhileDead();
    remainingSeconds = 0.0;
    leadSeconds = 0.0;
    pendingReason = null;
    mover.stop();
  }

  /**
   * Drops the queued inputs of a dead player, counting them as processed (so none replays after the
   * respawn and the respawn's correction acknowledges them).
   */
  void dropWhileDead() {
    for (MovementInput input; (input = inputs.poll()) != null; ) {
      mover.lastSequence = Math.max(mover.lastSequence, input.sequence());
    }
  }

  /**
   * It comes back to life at {@code spawn}, standing; the client hears of the jump as a correction
   * (reason {@code reason}) acknowledging every input it sent while dead.
   */
  void respawnAt(GeoPosition spawn, String reason) {
    dropWhileDead();
    dead = false;
    mover.placeAt(spawn);
    completedSequence = mover.lastSequence;
    completedPosition = mover.position();
    completedHeadingDeg = mover.headingDeg();
    ackedSequence = completedSequence;
    correction =
        new TickReport.Correction(
            mover.id, completedPosition, completedSequence, reason, completedHeadingDeg);
    snapshotDue = true;
  }

  /** The correction due this tick (taken: a second call returns null). */
  TickReport.Correction takeCorrection() {
    TickReport.Correction c = correction;
    correction = null;
    return c;
  }

  /**
   * The ack of the newest completed input if it was not acknowledged yet (by an ack or a
   * correction), else null; taking it marks it acknowledged.
   */
  TickReport.Ack takeAck() {
    if (completedSequence <= ackedSequence || completedPosition == null) {
      return null;
    }
    ackedSequence = completedSequence;
    return new TickReport.Ack(mover.id, completedSequence, completedPosition, completedHeadingDeg);
  }

  /** Adds the ack due, if any, to {@code acks}. */
  void ackInto(List<TickReport.Ack> acks) {
    TickReport.Ack ack = takeAck();
    if (ack != null) {
      acks.add(ack);
    }
  }

  /** The queued inputs not started yet, oldest first (forwarded on handoff). */
  List<MovementInput> queued() {
    return inputs.isEmpty() ? List.of() : new ArrayList<>(inputs);
  }
}
