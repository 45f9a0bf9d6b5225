package org.bluemarble.combat;

/** Distances on the planet's sphere for range checks. */
public final class SphereGeometry {
  private SphereGeometry() {}

  /**
   * Great-circle distance in metres along the surface (haversine) on a sphere of {@code radius}.
   */
  public static double surfaceMeters(
      double lat1, double lng1, double lat2, double lng2, double radiusMeters) {
    double p1 = Math.toRadians(lat1);
    double p2 = Math.toRadians(lat2);
    double dp = p2 - p1;
    double dl = Math.toRadians(lng2 - lng1);
    double h =
        Math.sin(dp / 2) * Math.sin(dp / 2)
            + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
    return 2 * radiusMeters * Math.asin(Math.min(1.0, Math.sqrt(h)));
  }

  /** Range between two fighters: surface distance combined with the height difference. */
  public static double rangeMeters(
      double lat1,
      double lng1,
      double alt1,
      double lat2,
      double lng2,
      double alt2,
      double radiusMeters) {
    double s = surfaceMeters(lat1, lng1, lat2, lng2, radiusMeters);
    double h = alt2 - alt1;
    return Math.sqrt(s * s + h * h);
  }
}
