package org.bluemarble.zone;

import java.util.SplittableRandom;
import org.bluemarble.spatial.GeoPosition;
import org.bluemarble.zone.internal.Vectors;

/**
 * One NPC's simulated state and its simple AI: wander between random waypoints within the home
 * range, pause now and then, and react to the nearest player within its awareness radius (timid
 * kinds flee, aggressive ones approach, calm ones ignore). Each creature draws from its own PRNG
 * seeded by the planet seed and its id, so the same seed and inputs replay identically.
 */
public final class Creature {
  private static final double APPROACH_STOP_METERS = 2.0;

  final long id;
  final CreatureKind kind;
  final double[] home = new double[3];
  final double[] point = new double[3];
  final double[] direction = new double[3];
  private final double[] waypoint = new double[3];
  private final double[] scratch = new double[3];
  private final double[] scratchDirection = new double[3];
  private final SplittableRandom random;
  private boolean hasWaypoint;
  private int pauseTicks;
  double speedMps;
  double headingDeg;
  // Ground altitude under the creature, refreshed when it thinks (it walks < 1 m between thinks).
  double altitudeMeters;
  // What the cell's combat orders (CreatureHerd#steer); NONE leaves it to its own wandering mind.
  private Order order = Order.NONE;
  private final double[] orderPoint = new double[3];
  private boolean dead;

  /** What a fighting creature's brain makes it do with its legs. */
  enum Order {
    /** Not fighting: wander, flee or approach by temperament. */
    NONE,
    /** Run at the order point (its target) and stop within reach. */
    CHASE,
    /** Stand (attacking). */
    HOLD,
    /** Run away from the order point. */
    FLEE,
    /** Run back home. */
    RETURN_HOME
  }

  /** The creature of {@code spawn}, standing at its home. */
  public Creature(NpcSpawn spawn, long planetSeed) {
    this.id = spawn.id();
    this.kind = spawn.kind();
    GeoPosition h = spawn.home();
    Vectors.fromLatLng(h.latitudeDeg(), h.longitudeDeg(), home);
    System.arraycopy(home, 0, point, 0, 3);
    this.altitudeMeters = h.altitudeMeters();
    this.random = new SplittableRandom(EntityIds.mix(planetSeed ^ id));
  }

  /** Its id. */
  public long id() {
    return id;
  }

  /** Its kind. */
  public CreatureKind kind() {
    return kind;
  }

  /** Its current position (allocates). */
  public GeoPosition position() {
    return Vectors.toPosition(point[0], point[1], point[2], altitudeMeters, 0.0);
  }

  /**
   * Decides the direction and speed for the coming ticks. {@code nearestPlayer} is null when no
   * player is within awareness.
   */
  void think(double[] nearestPlayer, double playerMeters, double sphereRadius) {
    if (dead) {
      speedMps = 0.0;
      return;
    }
    if (order != Order.NONE) {
      obey(sphereRadius);
      return;
    }
    if (nearestPlayer != null && kind.temperament() != CreatureKind.Temperament.CALM) {
      hasWaypoint = false;
      if (!Vectors.towards(point, nearestPlayer, direction)) {
        speedMps = 0.0;
        return;
      }
      if (kind.temperament() == CreatureKind.Temperament.TIMID) {
        direction[0] = -direction[0];
        direction[1] = -direction[1];
        direction[2] = -direction[2];
        speedMps = kind.speedMps();
      } else {
        speedMps = playerMeters > APPROACH_STOP_METERS ? kind.speedMps() : 0.0;
      }
      return;
    }
    if (pauseTicks > 0) {
      pauseTicks--;
      speedMps = 0.0;
      return;
    }
    double toWaypoint =
        hasWaypoint
            ? Vectors.angle(point[0], point[1], point[2], waypoint[0], waypoint[1], waypoint[2])
                * sphereRadius
            : 0.0;
    if (!hasWaypoint || toWaypoint < 1.0) {
      pickWaypoint(sphereRadius);
      if (random.nextInt(4) == 0) {
        pauseTicks = 1 + random.nextInt(5);
        speedMps = 0.0;
        return;
      }
    }
    speedMps = Vectors.towards(point, waypoint, direction) ? kind.speedMps() * 0.5 : 0.0;
  }

  /**
   * Its fighting brain's order from now on: {@code point} (a unit vector, copied; ignored for
   * {@link Order#HOLD}, {@link Order#NONE} and {@link Order#RETURN_HOME}) is the target to chase or
   * flee from. Applied at once.
   */
  void order(Order next, double[] point, double sphereRadius) {
    order = next;
    if (point != null) {
      System.arraycopy(point, 0, orderPoint, 0, 3);
    }
    if (!dead && next != Order.NONE) {
      hasWaypoint = false;
      obey(sphereRadius);
    }
  }

  /** Its current order. */
  Order order() {
    return order;
  }

  /** Whether it is dead (it stands still, out of the population, until it respawns). */
  boolean dead() {
    return dead;
  }

  /** It died: it stops and forgets its order. */
  void died() {
    dead = true;
    order = Order.NONE;
    speedMps = 0.0;
    hasWaypoint = false;
  }

  /** It respawned: back at home, standing. */
  void respawned() {
    dead = false;
    order = Order.NONE;
    System.arraycopy(home, 0, point, 0, 3);
    speedMps = 0.0;
    hasWaypoint = false;
  }

  private void obey(double sphereRadius) {
    switch (order) {
      case CHASE -> {
        double meters =
            Vectors.angle(point[0], point[1], point[2], orderPoint[0], orderPoint[1], orderPoint[2])
                * sphereRadius;
        speedMps =
            meters > APPROACH_STOP_METERS && Vectors.towards(point, orderPoint, direction)
                ? kind.speedMps()
                : 0.0;
      }
      case FLEE -> {
        if (Vectors.towards(point, orderPoint, direction)) {
          direction[0] = -direction[0];
          direction[1] = -direction[1];
          direction[2] = -direction[2];
          speedMps = kind.speedMps();
        } else {
          speedMps = 0.0;
        }
      }
      case RETURN_HOME -> {
        double meters =
            Vectors.angle(point[0], point[1], point[2], home[0], home[1], home[2]) * sphereRadius;
        speedMps = meters > 1.0 && Vectors.towards(point, home, direction) ? kind.speedMps() : 0.0;
      }
      default -> speedMps = 0.0;
    }
  }

  private void pickWaypoint(double sphereRadius) {
    System.arraycopy(home, 0, waypoint, 0, 3);
    double[] t = scratch;
    double lat = Vectors.latitudeDeg(home[0], home[1], home[2]);
    double lng = Vectors.longitudeDeg(home[0], home[1], 0.0);
    Vectors.tangent(lat, lng, random.nextDouble(360.0), t);
    Vectors.advance(waypoint, t, random.nextDouble(kind.homeRangeMeters()) / sphereRadius);
    hasWaypoint = true;
  }

  /**
   * Walks one tick of {@code dtSeconds} unless the step would leave the allowed area (the cell and
   * 1.5 × the home range; {@code allowed} decides the cell and the ground). Returns whether it
   * moved.
   */
  boolean move(double dtSeconds, double sphereRadius, StepFilter allowed) {
    if (speedMps <= 0.0) {
      return false;
    }
    double[] next = scratch;
    System.arraycopy(point, 0, next, 0, 3);
    double[] dir = scratchDirection;
    System.arraycopy(direction, 0, dir, 0, 3);
    Vectors.advance(next, dir, speedMps * dtSeconds / sphereRadius);
    double fromHome = Vectors.angle(home[0], home[1], home[2], next[0], next[1], next[2]);
    // A fighting creature may run past its wandering range up to its leash (twice the home range)
    // and a bit beyond, so that its brain sees the leash broken and sends it home; going home is
    // never stopped by the range.
    double limit =
        order == Order.NONE || order == Order.HOLD
            ? 1.5 * kind.homeRangeMeters()
            : order == Order.RETURN_HOME ? Double.POSITIVE_INFINITY : 2.5 * kind.homeRangeMeters();
    if (fromHome * sphereRadius > limit || !allowed.test(next)) {
      speedMps = 0.0;
      hasWaypoint = false;
      return false;
    }
    headingDeg = Vectors.bearingDeg(point, direction, 0.0);
    System.arraycopy(next, 0, point, 0, 3);
    System.arraycopy(dir, 0, direction, 0, 3);
    return true;
  }

  /** Decides whether a creature may step onto a unit-vector position. */
  @FunctionalInterface
  interface StepFilter {
    boolean test(double[] next);
  }
}
