package org.bluemarble.spatial.internal;

import org.bluemarble.spatial.GeoPosition;

/**
 * Allocation-free great-circle formulas on the unit sphere, in radians. Every formula uses the
 * local east/north basis at the start point as defined by {@link org.bluemarble.spatial.EnuFrame}
 * (at a pole, the basis of the start point's own meridian), so bearings and destinations agree
 * everywhere, including the poles.
 */
public final class SphericalMath {
  private SphericalMath() {}

  /**
   * Central angle between two positions in radians, [0, π]. Uses atan2(|a×b|, a·b) in its
   * latitude/longitude form, which is accurate for coincident, tiny and antipodal separations.
   */
  public static double centralAngle(GeoPosition a, GeoPosition b) {
    double lat1 = Math.toRadians(a.latitudeDeg());
    double lat2 = Math.toRadians(b.latitudeDeg());
    double dLon = Math.toRadians(b.longitudeDeg() - a.longitudeDeg());
    double sinLat1 = Math.sin(lat1);
    double cosLat1 = Math.cos(lat1);
    double sinLat2 = Math.sin(lat2);
    double cosLat2 = Math.cos(lat2);
    double cosDLon = Math.cos(dLon);
    double crossEast = cosLat2 * Math.sin(dLon);
    double crossNorth = cosLat1 * sinLat2 - sinLat1 * cosLat2 * cosDLon;
    double dot = sinLat1 * sinLat2 + cosLat1 * cosLat2 * cosDLon;
    return Math.atan2(Math.sqrt(crossEast * crossEast + crossNorth * crossNorth), dot);
  }

  /**
   * sqrt(a² + b²), the fast way when that cannot overflow or underflow and {@link Math#hypot}
   * otherwise (which is exact but several times slower).
   */
  public static double hypot(double a, double b) {
    double sum = a * a + b * b;
    if (sum > 1e-300 && sum < 1e300) {
      return Math.sqrt(sum);
    }
    return Math.hypot(a, b);
  }

  /**
   * Initial bearing from {@code a} towards {@code b} in radians, (-π, π], clockwise from north.
   * Coincident points give 0.
   */
  public static double initialBearing(GeoPosition a, GeoPosition b) {
    double lat1 = Math.toRadians(a.latitudeDeg());
    double lat2 = Math.toRadians(b.latitudeDeg());
    double dLon = Math.toRadians(b.longitudeDeg() - a.longitudeDeg());
    double cosLat2 = Math.cos(lat2);
    double east = Math.sin(dLon) * cosLat2;
    double north = Math.cos(lat1) * Math.sin(lat2) - Math.sin(lat1) * cosLat2 * Math.cos(dLon);
    return Math.atan2(east, north);
  }

  /**
   * The point reached from ({@code latDeg}, {@code lonDeg}) by travelling {@code angle} radians
   * along the great circle that leaves it at {@code bearing} radians (clockwise from north).
   */
  public static GeoPosition destination(
      double latDeg, double lonDeg, double bearing, double angle, double altitudeMeters) {
    double lat = Math.toRadians(latDeg);
    double lon = Math.toRadians(lonDeg);
    return destination(
        Math.sin(lat),
        Math.cos(lat),
        Math.sin(lon),
        Math.cos(lon),
        Math.sin(bearing),
        Math.cos(bearing),
        angle,
        altitudeMeters);
  }

  /** {@link #destination(double, double, double, double, double)} with precomputed sines. */
  public static GeoPosition destination(
      double sinLat,
      double cosLat,
      double sinLon,
      double cosLon,
      double sinBearing,
      double cosBearing,
      double angle,
      double altitudeMeters) {
    double cosAngle = Math.cos(angle);
    double sinAngle = Math.sin(angle);
    // Tangent direction t = cos(bearing) * north + sin(bearing) * east, with
    // north = (-sinLat cosLon, -sinLat sinLon, cosLat) and east = (-sinLon, cosLon, 0).
    double tx = -cosBearing * sinLat * cosLon - sinBearing * sinLon;
    double ty = -cosBearing * sinLat * sinLon + sinBearing * cosLon;
    double tz = cosBearing * cosLat;
    double x = cosAngle * cosLat * cosLon + sinAngle * tx;
    double y = cosAngle * cosLat * sinLon + sinAngle * ty;
    double z = cosAngle * sinLat + sinAngle * tz;
    return GeoPosition.fromVector(x, y, z, altitudeMeters);
  }
}
