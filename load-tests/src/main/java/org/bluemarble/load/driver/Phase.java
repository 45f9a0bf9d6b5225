package org.bluemarble.load.driver;

/** The phases of a run, in order. */
public enum Phase {
  /** Bots are being started, evenly spread over the ramp-up time. */
  RAMP_UP,
  /** All bots started; the numbers that count are taken here. */
  STEADY,
  /** Bots are leaving, evenly spread over the ramp-down time. */
  RAMP_DOWN,
  /** Over. */
  DONE
}
