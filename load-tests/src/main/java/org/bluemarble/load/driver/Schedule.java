package org.bluemarble.load.driver;

/**
 * When each phase of a run begins and how many bots should be running at a given time: bots start
 * evenly over the ramp-up and stop evenly over the ramp-down (half the ramp-up, at least 1 s).
 *
 * @param rampUpSeconds ramp-up duration
 * @param steadySeconds steady-state duration
 * @param bots number of bots
 */
public record Schedule(int rampUpSeconds, int steadySeconds, int bots) {

  /** Ramp-down duration in seconds. */
  public double rampDownSeconds() {
    return Math.max(1, rampUpSeconds / 2.0);
  }

  /** The whole run's planned duration in seconds. */
  public double totalSeconds() {
    return rampUpSeconds + steadySeconds + rampDownSeconds();
  }

  /** The phase at {@code seconds} after the start. */
  public Phase phaseAt(double seconds) {
    if (seconds < rampUpSeconds) {
      return Phase.RAMP_UP;
    }
    if (seconds < rampUpSeconds + steadySeconds) {
      return Phase.STEADY;
    }
    return seconds < totalSeconds() ? Phase.RAMP_DOWN : Phase.DONE;
  }

  /** How many bots should have been started by {@code seconds} after the start. */
  public int startedBy(double seconds) {
    if (rampUpSeconds == 0 || seconds >= rampUpSeconds) {
      return bots;
    }
    return (int) Math.min(bots, Math.floor(seconds / rampUpSeconds * bots) + 1);
  }

  /** How many bots should have been stopped by {@code seconds} after the start. */
  public int stoppedBy(double seconds) {
    double into = seconds - rampUpSeconds - steadySeconds;
    if (into < 0) {
      return 0;
    }
    return (int) Math.min(bots, Math.floor(into / rampDownSeconds() * bots));
  }
}
