package org.bluemarble.load.driver;

/**
 * When each phase of a run begins and how many bots should be running at a given time: bots start
 * evenly over the ramp-up and stop evenly over the ramp-down (half the ramp-up, at least 1 s). The
 * warm-up (if any) begins once the ramp-up is over and every bot has entered the world or failed
 * (at most {@link #SETTLE_LIMIT_SECONDS} later), so it and the steady state after it run with N
 * bots in the world, not N connecting. Nothing is counted during the warm-up: it lets the server's
 * JIT compile the hot paths so that the steady state measures a warm server.
 *
 * @param rampUpSeconds ramp-up duration
 * @param warmupSeconds warm-up duration (0: the steady state follows the ramp-up)
 * @param steadySeconds steady-state duration
 * @param bots number of bots
 */
public record Schedule(int rampUpSeconds, int warmupSeconds, int steadySeconds, int bots) {

  /** Longest wait after the ramp-up for the last bots to enter before the steady state begins. */
  public static final int SETTLE_LIMIT_SECONDS = 60;

  /** A schedule without a warm-up. */
  public Schedule(int rampUpSeconds, int steadySeconds, int bots) {
    this(rampUpSeconds, 0, steadySeconds, bots);
  }

  /** Ramp-down duration in seconds. */
  public double rampDownSeconds() {
    return Math.max(1, rampUpSeconds / 2.0);
  }

  /** The whole run's planned duration in seconds. */
  public double totalSeconds() {
    return rampUpSeconds + warmupSeconds + steadySeconds + rampDownSeconds();
  }

  /** The phase at {@code seconds} after the start when every bot enters at once. */
  public Phase phaseAt(double seconds) {
    if (seconds < rampUpSeconds) {
      return Phase.RAMP_UP;
    }
    if (seconds < rampUpSeconds + warmupSeconds) {
      return Phase.WARM_UP;
    }
    if (seconds < rampUpSeconds + warmupSeconds + steadySeconds) {
      return Phase.STEADY;
    }
    return seconds < totalSeconds() ? Phase.RAMP_DOWN : Phase.DONE;
  }

  /** The phase that follows the ramp-up once every bot has settled. */
  public Phase afterRampUp() {
    return warmupSeconds > 0 ? Phase.WARM_UP : Phase.STEADY;
  }

  /** How many bots should have been started by {@code seconds} after the start. */
  public int startedBy(double seconds) {
    if (rampUpSeconds == 0 || seconds >= rampUpSeconds) {
      return bots;
    }
    return (int) Math.min(bots, Math.floor(seconds / rampUpSeconds * bots) + 1);
  }

  /** How many bots should have been stopped {@code seconds} into the ramp-down. */
  public int stoppedBy(double seconds) {
    if (seconds < 0) {
      return 0;
    }
    return (int) Math.min(bots, Math.floor(seconds / rampDownSeconds() * bots));
  }
}
