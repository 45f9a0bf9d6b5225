package org.bluemarble.zone.internal;

import org.bluemarble.spatial.GeoPosition;

/**
 * Unit-vector helpers on {@code double[3]} arrays, so a tick moves entities without allocating.
 * Frames follow {@link org.bluemarble.spatial.EnuFrame}: at a pole the carried longitude names the
 * meridian that is "north".
 */
public final class Vectors {
  private Vectors() {}

  /** Writes the unit vector of a latitude/longitude (degrees) into {@code out}. */
  public static void fromLatLng(double latDeg, double lngDeg, double[] out) {
    double lat = Math.toRadians(latDeg);
    double lng = Math.toRadians(lngDeg);
    double c = Math.cos(lat);
    out[0] = c * Math.cos(lng);
    out[1] = c * Math.sin(lng);
    out[2] = Math.sin(lat);
  }

  /** Latitude in degrees of a unit vector (atan2, accurate near the poles). */
  public static double latitudeDeg(double x, double y, double z) {
    return Math.toDegrees(Math.atan2(z, Math.sqrt(x * x + y * y)));
  }

  /**
   * Longitude in degrees of a unit vector, or {@code fallbackDeg} exactly at a pole (where the
   * longitude is free and names the local frame).
   */
  public static double longitudeDeg(double x, double y, double fallbackDeg) {
    if (x == 0.0 && y == 0.0) {
      return fallbackDeg;
    }
    double lng = Math.toDegrees(Math.atan2(y, x));
    return lng >= 180.0 ? lng - 360.0 : lng;
  }

  /** A {@link GeoPosition} of a unit vector. */
  public static GeoPosition toPosition(double x, double y, double z, double altitude, double lng) {
    return new GeoPosition(latitudeDeg(x, y, z), longitudeDeg(x, y, lng), altitude);
  }

  /**
   * Writes the unit tangent at the point (lat, lng) pointing along {@code bearingDeg} (clockwise
   * from north) into {@code out}.
   */
  public static void tangent(double latDeg, double lngDeg, double bearingDeg, double[] out) {
    double lat = Math.toRadians(latDeg);
    double lng = Math.toRadians(lngDeg);
    double b = Math.toRadians(bearingDeg);
    double sinLat = Math.sin(lat);
    double cosLat = Math.cos(lat);
    double sinLng = Math.sin(lng);
    double cosLng = Math.cos(lng);
    double cb = Math.cos(b);
    double sb = Math.sin(b);
    // north = (-sinLat cosLng, -sinLat sinLng, cosLat), east = (-sinLng, cosLng, 0)
    out[0] = -sinLat * cosLng * cb - sinLng * sb;
    out[1] = -sinLat * sinLng * cb + cosLng * sb;
    out[2] = cosLat * cb;
  }

  /** Angle in radians between two unit vectors (atan2 form, accurate for tiny and huge angles). */
  public static double angle(double ax, double ay, double az, double bx, double by, double bz) {
    double cx = ay * bz - az * by;
    double cy = az * bx - ax * bz;
    double cz = ax * by - ay * bx;
    return Math.atan2(Math.sqrt(cx * cx + cy * cy + cz * cz), ax * bx + ay * by + az * bz);
  }

  /**
   * Moves point {@code p} by {@code angle} radians along the great circle with unit tangent {@code
   * t}, updating both in place: the tangent is carried along so a constant intent follows one great
   * circle, also over a pole. Both are re-normalised against drift.
   */
  public static void advance(double[] p, double[] t, double angle) {
    double c = Math.cos(angle);
    double s = Math.sin(angle);
    double px = p[0] * c + t[0] * s;
    double py = p[1] * c + t[1] * s;
    double pz = p[2] * c + t[2] * s;
    double tx = t[0] * c - p[0] * s;
    double ty = t[1] * c - p[1] * s;
    double tz = t[2] * c - p[2] * s;
    double pn = Math.sqrt(px * px + py * py + pz * pz);
    p[0] = px / pn;
    p[1] = py / pn;
    p[2] = pz / pn;
    // Remove any component along p, then normalise.
    double d = tx * p[0] + ty * p[1] + tz * p[2];
    tx -= d * p[0];
    ty -= d * p[1];
    tz -= d * p[2];
    double tn = Math.sqrt(tx * tx + ty * ty + tz * tz);
    t[0] = tx / tn;
    t[1] = ty / tn;
    t[2] = tz / tn;
  }

  /**
   * Writes the unit tangent at {@code p} towards {@code q} into {@code out}; returns false when the
   * direction is undefined (q equals p or is its antipode).
   */
  public static boolean towards(double[] p, double[] q, double[] out) {
    double d = p[0] * q[0] + p[1] * q[1] + p[2] * q[2];
    double x = q[0] - d * p[0];
    double y = q[1] - d * p[1];
    double z = q[2] - d * p[2];
    double n = Math.sqrt(x * x + y * y + z * z);
    if (n < 1e-15) {
      return false;
    }
    out[0] = x / n;
    out[1] = y / n;
    out[2] = z / n;
    return true;
  }

  /**
   * The compass bearing in degrees, [0, 360), of unit tangent {@code t} at point {@code p}; {@code
   * lngDeg} names the frame at a pole.
   */
  public static double bearingDeg(double[] p, double[] t, double lngDeg) {
    double lng = Math.toRadians(longitudeDeg(p[0], p[1], lngDeg));
    double sinLng = Math.sin(lng);
    double cosLng = Math.cos(lng);
    double horizontal = Math.sqrt(p[0] * p[0] + p[1] * p[1]);
    double sinLat = p[2];
    double cosLat = horizontal;
    double north = -sinLat * cosLng * t[0] - sinLat * sinLng * t[1] + cosLat * t[2];
    double east = -sinLng * t[0] + cosLng * t[1];
    double deg = Math.toDegrees(Math.atan2(east, north));
    return deg < 0.0 ? deg + 360.0 : deg;
  }
}
