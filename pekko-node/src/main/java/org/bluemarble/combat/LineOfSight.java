package org.bluemarble.combat;

/**
 * Whether terrain hides one fighter from another: the sight line runs from eye height ({@value
 * #EYE_METERS} m above each fighter's altitude) straight through space, which on a sphere dips
 * below the surface's curve by {@code t(1-t)d^2/(2R)} at fraction {@code t} of the distance {@code
 * d}; it is blocked where the ground rises above it. The ground is sampled every {@value
 * #STEP_METERS} m (at most {@value #MAX_SAMPLES} samples), which is what the terrain's resolution
 * supports.
 */
public final class LineOfSight {
  public static final double EYE_METERS = 1.7;
  static final double STEP_METERS = 5.0;
  static final int MAX_SAMPLES = 64;

  /** Ground elevation in metres at a latitude/longitude (the zone's terrain fits). */
  @FunctionalInterface
  public interface Ground {
    double elevationMeters(double latitudeDeg, double longitudeDeg);
  }

  private LineOfSight() {}

  public static boolean clear(
      Ground ground,
      double lat1,
      double lng1,
      double alt1,
      double lat2,
      double lng2,
      double alt2,
      double radiusMeters) {
    double d = SphereGeometry.surfaceMeters(lat1, lng1, lat2, lng2, radiusMeters);
    int samples = (int) Math.min(MAX_SAMPLES, Math.floor(d / STEP_METERS));
    if (samples < 2) {
      return true;
    }
    // unit vectors of both ends, interpolated and renormalised (fine for combat ranges)
    double[] a = unit(lat1, lng1);
    double[] b = unit(lat2, lng2);
    double h1 = alt1 + EYE_METERS;
    double h2 = alt2 + EYE_METERS;
    for (int i = 1; i < samples; i++) {
      double t = (double) i / samples;
      double x = a[0] + (b[0] - a[0]) * t;
      double y = a[1] + (b[1] - a[1]) * t;
      double z = a[2] + (b[2] - a[2]) * t;
      double n = Math.sqrt(x * x + y * y + z * z);
      double lat = Math.toDegrees(Math.asin(z / n));
      double lng = Math.toDegrees(Math.atan2(y, x));
      double line = h1 + (h2 - h1) * t - t * (1 - t) * d * d / (2 * radiusMeters);
      if (ground.elevationMeters(lat, lng) > line) {
        return false;
      }
    }
    return true;
  }

  private static double[] unit(double latDeg, double lngDeg) {
    double lat = Math.toRadians(latDeg);
    double lng = Math.toRadians(lngDeg);
    return new double[] {
      Math.cos(lat) * Math.cos(lng), Math.cos(lat) * Math.sin(lng), Math.sin(lat)
    };
  }
}
