package org.bluemarble.spatial.internal;

import org.bluemarble.spatial.InvalidCoordinateException;

/** Validation and normalisation of raw coordinates shared by the spatial classes. */
public final class Coordinates {
  private Coordinates() {}

  /** Rejects NaN and infinities; returns the value unchanged. */
  public static double requireFinite(String field, double value) {
    if (!Double.isFinite(value)) {
      throw new InvalidCoordinateException(field, value, "must be a finite number");
    }
    return value;
  }

  /** Rejects non-finite latitudes and latitudes beyond ±90°; returns the value unchanged. */
  public static double requireLatitude(String field, double latitudeDeg) {
    requireFinite(field, latitudeDeg);
    if (latitudeDeg < -90.0 || latitudeDeg > 90.0) {
      throw new InvalidCoordinateException(field, latitudeDeg, "must be within [-90, 90] degrees");
    }
    return latitudeDeg;
  }

  /**
   * Rejects non-finite longitudes and maps finite ones into [-180, 180). Values already in range
   * are returned bit for bit, so normalising twice never moves a point.
   */
  public static double normaliseLongitude(String field, double longitudeDeg) {
    requireFinite(field, longitudeDeg);
    return wrapLongitude(longitudeDeg);
  }

  /** Maps a finite longitude (or longitude difference) in degrees into [-180, 180). */
  public static double wrapLongitude(double longitudeDeg) {
    if (longitudeDeg >= -180.0 && longitudeDeg < 180.0) {
      return longitudeDeg;
    }
    // fmod is exact in floating point, and so are the two corrections below (Sterbenz lemma),
    // so even huge longitudes wrap without losing digits.
    double wrapped = longitudeDeg % 360.0;
    if (wrapped >= 180.0) {
      wrapped -= 360.0;
    } else if (wrapped < -180.0) {
      wrapped += 360.0;
    }
    return wrapped;
  }
}
