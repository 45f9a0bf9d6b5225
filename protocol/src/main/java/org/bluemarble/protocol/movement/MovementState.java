package org.bluemarble.protocol.movement;

/**
 * Where a character stands and faces: the state client prediction and the server's integration
 * share.
 *
 * @param latDeg latitude in degrees, -90..90
 * @param lngDeg longitude in degrees, -180..180
 * @param altM altitude in metres above the sea-level sphere
 * @param headingDeg heading in degrees clockwise from north, 0..360
 */
public record MovementState(double latDeg, double lngDeg, double altM, double headingDeg) {

  /** Validates ranges. */
  public MovementState {
    if (!(latDeg >= -90 && latDeg <= 90)) {
      throw new IllegalArgumentException("latDeg must be in -90..90, was " + latDeg);
    }
    if (!(lngDeg >= -180 && lngDeg <= 180)) {
      throw new IllegalArgumentException("lngDeg must be in -180..180, was " + lngDeg);
    }
    if (!Double.isFinite(altM) || !Double.isFinite(headingDeg)) {
      throw new IllegalArgumentException(
          "altM and headingDeg must be finite, were " + altM + ", " + headingDeg);
    }
  }
}
