package org.bluemarble.zone;

/**
 * Light at a place, from the sun's elevation: day above -0.833° (the upper limb on the horizon,
 * with refraction), twilight down to -18° (astronomical twilight), night below.
 */
public enum DayPhase {
  DAY,
  TWILIGHT,
  NIGHT;

  /** The phase for a solar elevation in degrees. */
  public static DayPhase of(double solarElevationDeg) {
    if (solarElevationDeg > -0.833) {
      return DAY;
    }
    return solarElevationDeg > -18.0 ? TWILIGHT : NIGHT;
  }
}
