package org.bluemarble.protocol.movement;

/**
 * Great-circle movement on a sphere, shared by client prediction and the server so both compute the
 * same path from the same inputs.
 *
 * <p>Rule: every MovementInput moves the character for exactly {@link #INPUT_STEP_SECONDS} of
 * simulated time at its intent's speed, in sequence order (the server splits that over its ticks:
 * six at 60 Hz). When the server has no further input it keeps the last intent in force; a client
 * that stops sending inputs therefore sends a zero-speed input to stand still. Distances are
 * measured on the sea-level sphere of radius {@code radiusM}, whatever the altitude, as the
 * server's great-circle motion does. Altitude is left unchanged (terrain is the server's business;
 * acks carry the server's altitude).
 */
public final class MovementIntegrator {

  /**
   * Simulated time one input covers, in seconds (inputs are sent at 10 Hz). The server plays each
   * input for exactly this long, so a client replaying the same inputs reproduces its path.
   */
  public static final double INPUT_STEP_SECONDS = 0.1;

  /** The fastest speed any input may ask for, in metres per second; classes may allow less. */
  public static final double MAX_SPEED_MPS = 20.0;

  private final double radiusM;

  /** An integrator for a sphere of {@code radiusM} metres. */
  public MovementIntegrator(double radiusM) {
    if (!(radiusM > 0) || Double.isInfinite(radiusM)) {
      throw new IllegalArgumentException("radiusM must be positive and finite, was " + radiusM);
    }
    this.radiusM = radiusM;
  }

  /** Applies one input for {@link #INPUT_STEP_SECONDS}. */
  public MovementState step(MovementState from, MovementIntent intent) {
    return advance(from, intent, INPUT_STEP_SECONDS);
  }

  /** Applies an intent for {@code seconds}. */
  public MovementState advance(MovementState from, MovementIntent intent, double seconds) {
    double distance = intent.speedMps() * seconds;
    if (intent instanceof MovementIntent.Heading h) {
      return move(from, normalise(h.headingDeg()), distance);
    }
    MovementIntent.Target t = (MovementIntent.Target) intent;
    double remaining = distanceM(from.latDeg(), from.lngDeg(), t.latDeg(), t.lngDeg());
    if (remaining <= distance) {
      double heading =
          remaining > 0
              ? bearingDeg(from.latDeg(), from.lngDeg(), t.latDeg(), t.lngDeg())
              : from.headingDeg();
      return new MovementState(t.latDeg(), t.lngDeg(), from.altM(), heading);
    }
    return move(from, bearingDeg(from.latDeg(), from.lngDeg(), t.latDeg(), t.lngDeg()), distance);
  }

  /** Great-circle distance in metres. */
  public double distanceM(double lat1, double lng1, double lat2, double lng2) {
    double p1 = Math.toRadians(lat1);
    double p2 = Math.toRadians(lat2);
    double dp = p2 - p1;
    double dl = Math.toRadians(lng2 - lng1);
    double a =
        Math.sin(dp / 2) * Math.sin(dp / 2)
            + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
    return 2 * radiusM * Math.asin(Math.min(1, Math.sqrt(a)));
  }

  /** Initial bearing in degrees from point 1 to point 2. */
  public static double bearingDeg(double lat1, double lng1, double lat2, double lng2) {
    double p1 = Math.toRadians(lat1);
    double p2 = Math.toRadians(lat2);
    double dl = Math.toRadians(lng2 - lng1);
    double y = Math.sin(dl) * Math.cos(p2);
    double x = Math.cos(p1) * Math.sin(p2) - Math.sin(p1) * Math.cos(p2) * Math.cos(dl);
    return normalise(Math.toDegrees(Math.atan2(y, x)));
  }

  /**
   * Walks {@code distanceM} along the great circle leaving {@code from} at {@code headingDeg}, in
   * unit vectors as the server does (latitude by atan2, exact also within centimetres of a pole,
   * where asin loses ~10 cm). The heading is relative to local north; at a pole, north is the limit
   * along the meridian of the position's longitude (which a walk exactly through a pole keeps).
   */
  private MovementState move(MovementState from, double headingDeg, double distanceM) {
    if (distanceM <= 0) {
      return new MovementState(from.latDeg(), from.lngDeg(), from.altM(), headingDeg);
    }
    double d = distanceM / radiusM;
    double lat = Math.toRadians(from.latDeg());
    double lng = Math.toRadians(from.lngDeg());
    double b = Math.toRadians(headingDeg);
    double sinLat = Math.sin(lat);
    double cosLat = Math.cos(lat);
    double sinLng = Math.sin(lng);
    double cosLng = Math.cos(lng);
    double px = cosLat * cosLng;
    double py = cosLat * sinLng;
    double pz = sinLat;
    // Tangent along the heading: north = (-sinLat cosLng, -sinLat sinLng, cosLat), east = (-sinLng,
    // cosLng, 0).
    double tx = -sinLat * cosLng * Math.cos(b) - sinLng * Math.sin(b);
    double ty = -sinLat * sinLng * Math.cos(b) + cosLng * Math.sin(b);
    double tz = cosLat * Math.cos(b);
    double c = Math.cos(d);
    double s = Math.sin(d);
    double qx = px * c + tx * s;
    double qy = py * c + ty * s;
    double qz = pz * c + tz * s;
    double ux = tx * c - px * s;
    double uy = ty * c - py * s;
    double uz = tz * c - pz * s;
    double horizontal = Math.sqrt(qx * qx + qy * qy);
    double latDeg = Math.toDegrees(Math.atan2(qz, horizontal));
    double lngDeg =
        qx == 0 && qy == 0 ? from.lngDeg() : wrapLongitude(Math.toDegrees(Math.atan2(qy, qx)));
    double l = Math.toRadians(lngDeg);
    double norm = Math.sqrt(qx * qx + qy * qy + qz * qz);
    double sinQ = qz / norm;
    double cosQ = horizontal / norm;
    double north = -sinQ * Math.cos(l) * ux - sinQ * Math.sin(l) * uy + cosQ * uz;
    double east = -Math.sin(l) * ux + Math.cos(l) * uy;
    return new MovementState(
        latDeg, lngDeg, from.altM(), normalise(Math.toDegrees(Math.atan2(east, north))));
  }

  private static double wrapLongitude(double lng) {
    double wrapped = ((lng + 180) % 360 + 360) % 360 - 180;
    return wrapped == -180 && lng > 0 ? 180 : wrapped;
  }

  private static double normalise(double deg) {
    double n = deg % 360;
    return n < 0 ? n + 360 : n;
  }
}
