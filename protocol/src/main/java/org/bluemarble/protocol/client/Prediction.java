package org.bluemarble.protocol.client;

import java.util.ArrayDeque;
import org.bluemarble.protocol.movement.MovementIntegrator;
import org.bluemarble.protocol.movement.MovementIntent;
import org.bluemarble.protocol.movement.MovementState;

/**
 * Client-side prediction with server reconciliation: inputs are applied locally at once and kept
 * until the server acknowledges them; on every acknowledgement or correction the predicted state is
 * rebuilt from the authoritative one by re-applying the inputs still unacknowledged. Not
 * thread-safe.
 */
public final class Prediction {

  /** An input sent but not yet acknowledged. */
  private record Pending(int sequence, MovementIntent intent) {}

  /** Inputs kept at most (12.8 s at 10 Hz); older ones are dropped with a reconciliation gap. */
  public static final int MAX_PENDING = 128;

  private final MovementIntegrator integrator;
  private final ArrayDeque<Pending> pending = new ArrayDeque<>();
  private MovementState predicted;
  private int lastAcked;

  /** Starts at the position EnteredWorld reported. */
  public Prediction(MovementIntegrator integrator, MovementState start) {
    this.integrator = integrator;
    this.predicted = start;
  }

  /** Applies an input locally; {@code sequence} must increase. */
  public MovementState apply(int sequence, MovementIntent intent) {
    if (!pending.isEmpty() && sequence <= pending.peekLast().sequence()) {
      throw new IllegalArgumentException(
          "sequence " + sequence + " is not after " + pending.peekLast().sequence());
    }
    if (pending.size() == MAX_PENDING) {
      pending.pollFirst();
    }
    pending.addLast(new Pending(sequence, intent));
    predicted = integrator.step(predicted, intent);
    return predicted;
  }

  /**
   * Reconciles with the authoritative state after input {@code sequence} (from InputAck or
   * Correction). Stale acknowledgements (older than one already applied) are ignored.
   */
  public MovementState reconcile(int sequence, MovementState authoritative) {
    if (sequence < lastAcked) {
      return predicted;
    }
    lastAcked = sequence;
    while (!pending.isEmpty() && pending.peekFirst().sequence() <= sequence) {
      pending.pollFirst();
    }
    MovementState state = authoritative;
    for (Pending p : pending) {
      state = integrator.step(state, p.intent());
    }
    predicted = state;
    return predicted;
  }

  /**
   * Drops the inputs up to {@code sequence} without moving the prediction: for an acknowledgement
   * that carries no authoritative position. Stale acknowledgements are ignored.
   */
  public MovementState acknowledge(int sequence) {
    if (sequence >= lastAcked) {
      lastAcked = sequence;
      while (!pending.isEmpty() && pending.peekFirst().sequence() <= sequence) {
        pending.pollFirst();
      }
    }
    return predicted;
  }

  /** The predicted state now. */
  public MovementState predicted() {
    return predicted;
  }

  /** Inputs not yet acknowledged. */
  public int pendingCount() {
    return pending.size();
  }

  /** The highest acknowledged input sequence. */
  public int lastAcked() {
    return lastAcked;
  }
}
