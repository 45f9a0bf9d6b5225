package org.bluemarble.spatial;

/** Thrown when a sphere radius is outside the allowed range or not a finite number. */
public class InvalidSphereException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /**
   * @param radiusMeters the rejected radius
   */
  public InvalidSphereException(double radiusMeters) {
    super(
        "radiusMeters = "
            + radiusMeters
            + " must be within ["
            + Sphere.MIN_RADIUS_METERS
            + ", "
            + Sphere.MAX_RADIUS_METERS
            + "] metres");
  }
}
