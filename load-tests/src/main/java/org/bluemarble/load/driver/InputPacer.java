package org.bluemarble.load.driver;

/**
 * Paces the driver's input slots by the wall clock: slot {@code k} is due {@code k} periods after
 * the start, and each call of {@link #next} plays at most the slot due now. A driver thread that
 * runs late (a starved or paused process) skips the slots it missed, counted, instead of playing
 * them back to back: a fixed-rate executor catching up would make every bot send seconds of inputs
 * in one burst, which no client does and which overflows the cell's input queue (the node counts
 * those as dropped inputs and may close the session as flooding). Not thread-safe: the driver
 * thread only.
 */
final class InputPacer {

  /** Returned by {@link #next} when no slot is due. */
  static final long NONE = -1;

  private final long periodNanos;
  private long slot;
  private long skipped;

  /** A pacer with one slot every {@code periodNanos}. */
  InputPacer(long periodNanos) {
    if (periodNanos <= 0) {
      throw new IllegalArgumentException("periodNanos must be positive, was " + periodNanos);
    }
    this.periodNanos = periodNanos;
  }

  /**
   * The slot to play {@code elapsedNanos} after the start, or {@link #NONE} when the slot due now
   * was played already; slots missed in between are skipped.
   */
  long next(long elapsedNanos) {
    long due = Math.max(0, elapsedNanos) / periodNanos;
    if (slot > due) {
      return NONE;
    }
    skipped += due - slot;
    slot = due + 1;
    return due;
  }

  /** Slots skipped because the driver was late. */
  long skipped() {
    return skipped;
  }
}
