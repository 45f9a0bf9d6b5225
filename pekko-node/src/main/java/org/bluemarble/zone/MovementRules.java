package org.bluemarble.zone;

import org.bluemarble.zone.internal.Vectors;

/**
 * Server-side movement: validates client inputs and integrates one tick of great-circle motion on
 * the sphere. Inputs never move a player directly; they set an intent, and {@link #advance} walks
 * it at most {@code maxSpeed × dt} per tick, so a speed hack is clamped and a far target
 * ("teleport") is approached only at legal speed. Deep ocean and ground steeper than the limit are
 * refused. Stateless apart from settings and terrain: one instance serves a whole cell.
 */
public final class MovementRules {
  /** Bearings outside [-360, 360] degrees are rejected as out of range. */
  public static final double MAX_ABS_BEARING_DEG = 360.0;

  /**
   * Horizontal distance in metres over which the slope limit is measured. One tick's step is ~0.1
   * m, over which terrain interpolation and rounding make the rise noisy; the slope is instead read
   * from the current point to a probe this far ahead along the step's direction (or over the step
   * itself when it is longer, or when the probe lies in deep ocean, which has its own rule).
   */
  public static final double SLOPE_BASELINE_METERS = 5.0;

  private final ZoneSettings settings;
  private final Terrain terrain;
  private final double radius;
  private final double[] scratchPoint = new double[3];
  private final double[] scratchDirection = new double[3];
  private final double[] scratchProbe = new double[3];

  /** Rules for one cell (used by the cell's thread only). */
  public MovementRules(ZoneSettings settings, Terrain terrain) {
    this.settings = settings;
    // A step asks for the same points more than once, and starts where the previous one ended.
    this.terrain = ElevationMemo.of(terrain);
    this.radius = settings.sphere().radiusMeters();
  }

  /**
   * The altitude a walker stands at over the unit vector {@code p}: the ground's elevation, or sea
   * level over water.
   */
  public double groundAltitudeMeters(double[] p) {
    double lat = Vectors.latitudeDeg(p[0], p[1], p[2]);
    double lng = Vectors.longitudeDeg(p[0], p[1], 0.0);
    return Math.max(0.0, terrain.elevationMeters(lat, lng));
  }

  /** The settings these rules enforce. */
  public ZoneSettings settings() {
    return settings;
  }

  /**
   * Takes one input for {@code mover}: ignored if its sequence was already processed, otherwise it
   * becomes the mover's intent (speed clamped to the class limit) or, if invalid, stops the mover.
   * Either way the sequence becomes the mover's ack.
   */
  public InputVerdict accept(Mover mover, MovementInput input) {
    if (input.sequence() <= mover.lastSequence) {
      return InputVerdict.DUPLICATE;
    }
    mover.lastSequence = input.sequence();
    MovementInput.Intent intent = input.intent();
    if (intent instanceof MovementInput.Heading h) {
      return acceptHeading(mover, h);
    }
    if (intent instanceof MovementInput.Target t) {
      return acceptTarget(mover, t);
    }
    mover.stop();
    return InputVerdict.APPLIED;
  }

  private InputVerdict acceptHeading(Mover mover, MovementInput.Heading h) {
    double bearing = h.bearingDeg();
    double speed = h.speedMps();
    if (!Double.isFinite(bearing)
        || Math.abs(bearing) > MAX_ABS_BEARING_DEG
        || !Double.isFinite(speed)
        || speed < 0.0) {
      mover.stop();
      return InputVerdict.REJECTED;
    }
    double max = settings.maxSpeedOf(mover.characterClass);
    InputVerdict verdict = InputVerdict.APPLIED;
    if (speed > max) {
      speed = max;
      verdict = InputVerdict.CLAMPED;
    }
    mover.stop();
    if (speed > 0.0) {
      double[] p = mover.point;
      Vectors.tangent(
          Vectors.latitudeDeg(p[0], p[1], p[2]), mover.longitudeDeg, bearing, mover.direction);
      mover.speedMps = speed;
      mover.walking = true;
    }
    return verdict;
  }

  private InputVerdict acceptTarget(Mover mover, MovementInput.Target t) {
    double lat = t.latitudeDeg();
    double lng = t.longitudeDeg();
    if (!(lat >= -90.0 && lat <= 90.0) || !(lng >= -180.0 && lng <= 180.0)) {
      mover.stop();
      return InputVerdict.REJECTED;
    }
    mover.stop();
    Vectors.fromLatLng(lat, lng, mover.target);
    double[] p = mover.point;
    double angle =
        Vectors.angle(p[0], p[1], p[2], mover.target[0], mover.target[1], mover.target[2]);
    if (angle > Math.PI - 1e-9) {
      // The antipode: every great circle leads there, so there is no direction to walk.
      return InputVerdict.REJECTED;
    }
    mover.hasTarget = angle > 0.0;
    return InputVerdict.APPLIED;
  }

  /**
   * Integrates one tick of {@code dtSeconds} for {@code mover}: along its heading's great circle,
   * or towards its target at the class's top speed, at most {@code maxSpeed × dt} metres. A refused
   * step leaves the mover where it was, stopped.
   */
  public StepOutcome advance(Mover mover, double dtSeconds) {
    if (!mover.isMoving()) {
      return StepOutcome.STILL;
    }
    double[] p = mover.point;
    double[] next = scratchPoint;
    double[] dir = scratchDirection;
    double stepMeters;
    boolean arrives = false;
    if (mover.hasTarget) {
      double max = settings.maxSpeedOf(mover.characterClass) * dtSeconds;
      double remaining =
          Vectors.angle(p[0], p[1], p[2], mover.target[0], mover.target[1], mover.target[2])
              * radius;
      if (remaining <= max) {
        stepMeters = remaining;
        arrives = true;
      } else {
        stepMeters = max;
      }
      if (!Vectors.towards(p, mover.target, dir)) {
        // Within rounding of the target (antipodal targets are rejected on input).
        mover.stop();
        return StepOutcome.ARRIVED;
      }
    } else {
      stepMeters = mover.speedMps * dtSeconds;
      System.arraycopy(mover.direction, 0, dir, 0, 3);
    }
    System.arraycopy(p, 0, next, 0, 3);
    Vectors.advance(next, dir, stepMeters / radius);
    double fromLat = Vectors.latitudeDeg(p[0], p[1], p[2]);
    double fromLng = mover.longitudeDeg;
    double toLat = Vectors.latitudeDeg(next[0], next[1], next[2]);
    double toLng = Vectors.longitudeDeg(next[0], next[1], fromLng);
    StepOutcome refused = checkGround(p, dir, fromLat, fromLng, toLat, toLng, stepMeters);
    if (refused != null) {
      mover.stop();
      return refused;
    }
    System.arraycopy(next, 0, p, 0, 3);
    if (!mover.hasTarget) {
      System.arraycopy(dir, 0, mover.direction, 0, 3);
    }
    mover.longitudeDeg = toLng;
    mover.altitudeMeters = Math.max(0.0, terrain.elevationMeters(toLat, toLng));
    if (arrives) {
      mover.stop();
      return StepOutcome.ARRIVED;
    }
    return StepOutcome.MOVED;
  }

  private StepOutcome checkGround(
      double[] from,
      double[] dir,
      double fromLat,
      double fromLng,
      double toLat,
      double toLng,
      double stepMeters) {
    double threshold = settings.deepOceanThresholdMeters();
    if (terrain.isDeepOcean(toLat, toLng, threshold)
        && !terrain.isDeepOcean(fromLat, fromLng, threshold)) {
      return StepOutcome.BLOCKED_DEEP_OCEAN;
    }
    double slope = Double.NaN;
    if (stepMeters < SLOPE_BASELINE_METERS) {
      double[] probe = scratchProbe;
      System.arraycopy(from, 0, probe, 0, 3);
      Vectors.advance(probe, dir, SLOPE_BASELINE_METERS / radius);
      double probeLat = Vectors.latitudeDeg(probe[0], probe[1], probe[2]);
      double probeLng = Vectors.longitudeDeg(probe[0], probe[1], fromLng);
      // Near a shore the water ahead is the deep-ocean rule's business, not a slope.
      if (!terrain.isDeepOcean(probeLat, probeLng, threshold)) {
        slope = terrain.slopeDeg(fromLat, fromLng, probeLat, probeLng, SLOPE_BASELINE_METERS);
      }
    }
    if (Double.isNaN(slope)) {
      slope = terrain.slopeDeg(fromLat, fromLng, toLat, toLng, stepMeters);
    }
    if (slope > settings.maxSlopeDeg()) {
      return StepOutcome.BLOCKED_SLOPE;
    }
    return null;
  }

  /** Whether a player may stand at a point (not deep ocean): spawn points and corrections. */
  public boolean isWalkable(double latDeg, double lngDeg) {
    return !terrain.isDeepOcean(latDeg, lngDeg, settings.deepOceanThresholdMeters());
  }
}
