package org.bluemarble.spatial;

/**
 * A displacement in a local {@link EnuFrame}: metres east and north along the surface, metres up
 * (change of altitude).
 */
public record EnuOffset(double eastMeters, double northMeters, double upMeters) {

  /** Horizontal length of the displacement, metres. */
  public double horizontalMeters() {
    return Math.hypot(eastMeters, northMeters);
  }
}
