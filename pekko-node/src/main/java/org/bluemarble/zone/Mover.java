package org.bluemarble.zone;

import org.bluemarble.player.CharacterClass;
import org.bluemarble.spatial.GeoPosition;
import org.bluemarble.zone.internal.Vectors;

/**
 * The fast, in-memory movement state of one player inside a cell: where it is (unit vector +
 * altitude), the intent in force, the great-circle direction it is walking, and the last input
 * sequence processed (the ack). Mutable and owned by a single cell; {@link MovementRules} changes
 * it. Never leaves the cell: copy {@link #position()} into messages.
 */
public final class Mover {
  final long id;
  final CharacterClass characterClass;
  final double[] point = new double[3];
  final double[] direction = new double[3];
  double longitudeDeg;
  double altitudeMeters;

  /** Metres per second along {@link #direction}; 0 when standing or walking to a target. */
  double speedMps;

  boolean walking;
  boolean hasTarget;
  final double[] target = new double[3];
  long lastSequence;

  /**
   * A player standing at {@code position}, having processed inputs up to {@code lastSequence}
   * (carried over on handoff so no input is applied twice).
   */
  public Mover(long id, CharacterClass characterClass, GeoPosition position, long lastSequence) {
    if (characterClass == null || position == null) {
      throw new IllegalArgumentException(
          "characterClass and position must be given (id " + id + ")");
    }
    this.id = id;
    this.characterClass = characterClass;
    this.lastSequence = lastSequence;
    placeAt(position);
  }

  /** Moves the player to {@code position} and stops it (spawn, correction, admin teleport). */
  public void placeAt(GeoPosition position) {
    Vectors.fromLatLng(position.latitudeDeg(), position.longitudeDeg(), point);
    longitudeDeg = position.longitudeDeg();
    altitudeMeters = position.altitudeMeters();
    stop();
  }

  void stop() {
    walking = false;
    hasTarget = false;
    speedMps = 0.0;
  }

  /** The entity id. */
  public long id() {
    return id;
  }

  /** The player's class, which sets its speed limit. */
  public CharacterClass characterClass() {
    return characterClass;
  }

  /** The last input sequence processed: what the client is acknowledged. */
  public long lastSequence() {
    return lastSequence;
  }

  /** Whether an intent is moving the player. */
  public boolean isMoving() {
    return walking || hasTarget;
  }

  /** The authoritative position (allocates). */
  public GeoPosition position() {
    return Vectors.toPosition(point[0], point[1], point[2], altitudeMeters, longitudeDeg);
  }

  /** Unit-vector x of the position (no allocation). */
  public double x() {
    return point[0];
  }

  /** Unit-vector y of the position. */
  public double y() {
    return point[1];
  }

  /** Unit-vector z of the position. */
  public double z() {
    return point[2];
  }

  /** Altitude above the sphere in metres. */
  public double altitudeMeters() {
    return altitudeMeters;
  }

  /** Longitude in degrees (kept exactly at the poles, where it names the local frame). */
  public double longitudeDeg() {
    return longitudeDeg;
  }

  /** The heading in degrees of the current walk, or 0 when not walking along a heading. */
  public double headingDeg() {
    return walking ? Vectors.bearingDeg(point, direction, longitudeDeg) : 0.0;
  }

  /** The current speed in m/s as seen by others (a target walk reports 0 until the next tick). */
  public double speedMps() {
    return walking ? speedMps : 0.0;
  }

  /**
   * The intent in force, expressed at the current position so another cell can continue it: a
   * heading walk becomes a heading along the same great circle from here.
   */
  public MovementInput.Intent intentInForce() {
    if (walking) {
      return new MovementInput.Heading(headingDeg(), speedMps);
    }
    if (hasTarget) {
      return new MovementInput.Target(
          Vectors.latitudeDeg(target[0], target[1], target[2]),
          Vectors.longitudeDeg(target[0], target[1], 0.0));
    }
    return MovementInput.Stop.INSTANCE;
  }
}
