package org.bluemarble.protocol.snapshot;

/**
 * The quantised state of one entity as it travels in snapshots.
 *
 * <p>Position is Earth-centred, Earth-fixed (ECEF) in whole centimetres: x towards (0°N, 0°E), y
 * towards (0°N, 90°E), z towards the north pole, so every axis error is at most 0.5 cm and the 3-D
 * error at most 0.87 cm anywhere on the planet. Heading is in 1/65536 of a turn, clockwise from
 * north. Build values with {@link Quantiser}.
 *
 * @param entityId the entity's id (as in EntityEnter / EnteredWorld)
 * @param xCm ECEF x in centimetres
 * @param yCm ECEF y in centimetres
 * @param zCm ECEF z in centimetres
 * @param heading heading in 1/65536 turn, 0..65535
 */
public record EntityState(long entityId, int xCm, int yCm, int zCm, int heading) {

  /** Validates the heading range. */
  public EntityState {
    if (heading < 0 || heading > 0xFFFF) {
      throw new IllegalArgumentException("heading must be in 0..65535, was " + heading);
    }
  }

  /** Squared straight-line distance to another state, in cm². */
  public double distanceSquaredCm(EntityState other) {
    double dx = (double) xCm - other.xCm;
    double dy = (double) yCm - other.yCm;
    double dz = (double) zCm - other.zCm;
    return dx * dx + dy * dy + dz * dz;
  }

  /**
   * Whether two states are equal (the second may be null), without the record's generic {@code
   * equals}: the encoder compares every visible entity with its baseline on every snapshot.
   */
  static boolean same(EntityState a, EntityState b) {
    return a == b
        || (b != null
            && a.entityId == b.entityId
            && a.xCm == b.xCm
            && a.yCm == b.yCm
            && a.zCm == b.zCm
            && a.heading == b.heading);
  }
}
