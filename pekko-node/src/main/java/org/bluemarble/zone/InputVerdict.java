package org.bluemarble.zone;

/** What {@link MovementRules#accept} did with one client input. */
public enum InputVerdict {
  /** Taken as sent. */
  APPLIED,
  /** Taken with its speed lowered to the class limit; the client is corrected. */
  CLAMPED,
  /** Not valid (NaN, infinite, out of range); the player stops and the client is corrected. */
  REJECTED,
  /** Sequence at or below the last processed one: ignored, so no input is applied twice. */
  DUPLICATE;

  /** Whether the client must be told the authoritative state. */
  public boolean needsCorrection() {
    return this == CLAMPED || this == REJECTED;
  }
}
