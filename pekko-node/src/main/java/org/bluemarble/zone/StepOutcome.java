package org.bluemarble.zone;

/** What one tick of {@link MovementRules#advance} did to a mover. */
public enum StepOutcome {
  /** No intent to move. */
  STILL,
  /** Moved along its intent. */
  MOVED,
  /** Reached its target this tick and stopped there. */
  ARRIVED,
  /** Refused: the step would enter deep ocean; the mover stops where it was. */
  BLOCKED_DEEP_OCEAN,
  /** Refused: the ground is steeper than the limit; the mover stops where it was. */
  BLOCKED_SLOPE;

  /** Whether the client's prediction is now wrong and it must be corrected. */
  public boolean needsCorrection() {
    return this == BLOCKED_DEEP_OCEAN || this == BLOCKED_SLOPE;
  }
}
