package org.bluemarble.protocol.movement;

/** What a movement input asks for: a heading and speed, or a point to walk to. */
public sealed interface MovementIntent {

  /** Speed over ground in metres per second. */
  double speedMps();

  /**
   * This intent at no more than {@code maxSpeedMps} (EnteredWorld.max_speed_mps, the class's top
   * speed, which the server clamps to); unchanged when {@code maxSpeedMps} is not positive (a
   * server that does not say).
   */
  default MovementIntent clampedTo(double maxSpeedMps) {
    if (!(maxSpeedMps > 0) || speedMps() <= maxSpeedMps) {
      return this;
    }
    double v = Math.min(maxSpeedMps, MovementIntegrator.MAX_SPEED_MPS);
    if (this instanceof Heading h) {
      return new Heading(h.headingDeg(), v);
    }
    Target t = (Target) this;
    return new Target(t.latDeg(), t.lngDeg(), v);
  }

  /** Walk along the great circle that starts at {@code headingDeg}. */
  record Heading(double headingDeg, double speedMps) implements MovementIntent {
    /** Validates the values. */
    public Heading {
      MovementIntent.checkSpeed(speedMps);
      if (!Double.isFinite(headingDeg)) {
        throw new IllegalArgumentException("headingDeg must be finite, was " + headingDeg);
      }
    }
  }

  /** Walk to a point along the great circle, stopping there. */
  record Target(double latDeg, double lngDeg, double speedMps) implements MovementIntent {
    /** Validates the values. */
    public Target {
      MovementIntent.checkSpeed(speedMps);
      new MovementState(latDeg, lngDeg, 0, 0);
    }
  }

  private static void checkSpeed(double speedMps) {
    if (!(speedMps >= 0 && speedMps <= MovementIntegrator.MAX_SPEED_MPS)) {
      throw new IllegalArgumentException(
          "speedMps must be in 0.." + MovementIntegrator.MAX_SPEED_MPS + ", was " + speedMps);
    }
  }
}
