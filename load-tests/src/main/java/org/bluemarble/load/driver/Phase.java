package org.bluemarble.load.driver;

/** The phases of a run, in order. */
public enum Phase {
  /** Bots are being started, evenly spread over the ramp-up time. */
  RAMP_UP,
  /** Every bot in the world; not counted, so the server's JIT compiles before the steady state. */
  WARM_UP,
  /** All bots started; the numbers that count are taken here. */
  STEADY,
  /** Bots are leaving, evenly spread over the ramp-down time. */
  RAMP_DOWN,
  /** Over. */
  DONE
}
