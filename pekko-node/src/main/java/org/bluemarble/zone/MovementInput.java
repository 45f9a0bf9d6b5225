package org.bluemarble.zone;

/**
 * One movement command from a client, as received: the values are not trusted and may be NaN,
 * infinite or out of range; {@link MovementRules} validates them. A cell plays each input for one
 * input period ({@link PlayerSlot#INPUT_SECONDS}) in sequence order; the last one stays in force
 * while no further input is queued.
 *
 * @param sequence the client's input counter; inputs at or below the last processed one are ignored
 * @param intent where the player wants to go
 * @param clientTimeMillis the client's clock when it sampled the input (echoed, never trusted)
 */
public record MovementInput(long sequence, Intent intent, long clientTimeMillis) {

  /** Requires an intent (a null one is a programming error in the protocol mapper). */
  public MovementInput {
    if (intent == null) {
      throw new IllegalArgumentException("intent must be given (sequence " + sequence + ")");
    }
  }

  /** What the player wants: a heading and speed, a target point, or to stand still. */
  public sealed interface Intent permits Heading, Target, Stop {}

  /**
   * Walk along the great circle leaving at {@code bearingDeg} (clockwise from north) at {@code
   * speedMps} metres per second.
   */
  public record Heading(double bearingDeg, double speedMps) implements Intent {}

  /** Walk towards a point at the class's top speed and stop there. */
  public record Target(double latitudeDeg, double longitudeDeg) implements Intent {}

  /** Stand still. */
  public enum Stop implements Intent {
    INSTANCE
  }
}
