package org.bluemarble.load.scenario;

/**
 * Great-circle helpers for placing bots: an azimuthal-equidistant offset from a centre (exact
 * distance and bearing from the centre, so a "square" patch of a few km is a square to within
 * millimetres) and haversine distances.
 */
public final class Sphere {

  /** The default planet radius in metres (DESIGN.md §2). */
  public static final double EARTH_RADIUS_M = 6_371_000;

  private Sphere() {}

  /** The point {@code northM} metres north and {@code eastM} metres east of {@code centre}. */
  public static LatLng offset(LatLng centre, double northM, double eastM, double radiusM) {
    double distance = Math.hypot(northM, eastM) / radiusM;
    if (distance == 0) {
      return centre;
    }
    double bearing = Math.atan2(eastM, northM);
    double lat1 = Math.toRadians(centre.latDeg());
    double lng1 = Math.toRadians(centre.lngDeg());
    double sinLat2 =
        Math.sin(lat1) * Math.cos(distance)
            + Math.cos(lat1) * Math.sin(distance) * Math.cos(bearing);
    double lat2 = Math.asin(Math.max(-1, Math.min(1, sinLat2)));
    double lng2 =
        lng1
            + Math.atan2(
                Math.sin(bearing) * Math.sin(distance) * Math.cos(lat1),
                Math.cos(distance) - Math.sin(lat1) * sinLat2);
    return new LatLng(Math.toDegrees(lat2), Math.toDegrees(lng2));
  }

  /** Great-circle distance in metres. */
  public static double distanceM(LatLng a, LatLng b, double radiusM) {
    return distanceM(a.latDeg(), a.lngDeg(), b.latDeg(), b.lngDeg(), radiusM);
  }

  /** Great-circle distance in metres between two lat/lng pairs in degrees. */
  public static double distanceM(
      double lat1, double lng1, double lat2, double lng2, double radiusM) {
    double p1 = Math.toRadians(lat1);
    double p2 = Math.toRadians(lat2);
    double dp = p2 - p1;
    double dl = Math.toRadians(lng2 - lng1);
    double h =
        Math.sin(dp / 2) * Math.sin(dp / 2)
            + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
    return 2 * radiusM * Math.asin(Math.min(1, Math.sqrt(h)));
  }
}
