package org.bluemarble.load.driver;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.bluemarble.load.scenario.Sphere;

/**
 * The last {@link #SIZE} inputs of one bot: when each was sent and where the bot's predicted
 * position was right after it. Written by the bot's input thread, read by the I/O threads of the
 * bot itself (acks) and of its observers (snapshots). A slot is valid only while its sequence stamp
 * still names the sequence asked for, so a reader racing the writer gets "unknown", never a wrong
 * time.
 *
 * <p>Observer matching: the server moves a bot by exactly one 0.1 s step per input (the shared
 * integrator), so after input k the authoritative position equals the predicted position after k.
 * At 5 m/s consecutive positions are 0.5 m apart, so the newest input whose position lies within
 * {@link #MATCH_M} of what an observer sees is the input the observer is looking at.
 *
 * <p>Heading matching ({@link #matchHeading}): a heading is relative to local north at the position
 * it is given with (the protocol's definition), and a heading walk follows a great circle, along
 * which that heading turns (noticeably near the poles: up to 0.3° per 0.5 m step 100 m from a
 * pole). What stays fixed along the walk is the great circle itself, so an input is remembered as
 * the plane of its great circle (the unit normal of position × direction where it starts), and a
 * snapshot's heading is matched by the plane it spans with the position it is shown at.
 */
public final class InputHistory {

  /** Inputs remembered (25.6 s at 10 Hz: round trips longer than that are counted, not timed). */
  public static final int SIZE = 256;

  /** What {@link #sentAt} returns for an input it no longer (or never) knew. */
  public static final long UNKNOWN = Long.MIN_VALUE;

  /** Horizontal distance (m) within which an observed position matches an input's position. */
  public static final double MATCH_M = 0.2;

  /** One heading quantum (1/65536 turn) in radians. */
  static final double QUANTUM_RAD = 2 * Math.PI / 65536;

  /**
   * Position error of a snapshot (ECEF centimetres, up to 0.87 cm) in metres: near a pole it turns
   * the local frame the shown heading is measured in.
   */
  static final double SHOWN_POSITION_ERROR_M = 0.0087;

  /** Heading quanta added to input {@code seq}'s heading: distinct for 16 consecutive inputs. */
  public static int signature(int seq) {
    return (seq & 15) * 3;
  }

  private final long[] sentNanos = new long[SIZE];
  private final double[] normalX = new double[SIZE];
  private final double[] normalY = new double[SIZE];
  private final double[] normalZ = new double[SIZE];
  private final double[] lat = new double[SIZE];
  private final double[] lng = new double[SIZE];
  private final AtomicIntegerArray timeSeq = new AtomicIntegerArray(SIZE);
  private final AtomicIntegerArray posSeq = new AtomicIntegerArray(SIZE);
  private volatile int newest;
  private volatile int newestSent;

  /**
   * Records that input {@code seq} asking for {@code headingQ} (1/65536 turn) from the predicted
   * position {@code (fromLatDeg, fromLngDeg)} where it starts leaves now; call just before sending
   * it.
   */
  public void sent(int seq, long nanos, int headingQ, double fromLatDeg, double fromLngDeg) {
    int slot = seq & (SIZE - 1);
    timeSeq.set(slot, 0);
    posSeq.set(slot, 0);
    sentNanos[slot] = nanos;
    double[] n = circleNormal(fromLatDeg, fromLngDeg, headingQ);
    normalX[slot] = n[0];
    normalY[slot] = n[1];
    normalZ[slot] = n[2];
    timeSeq.set(slot, seq);
    newestSent = seq;
  }

  /** Records the predicted position right after input {@code seq}. */
  public void positioned(int seq, double latDeg, double lngDeg) {
    int slot = seq & (SIZE - 1);
    lat[slot] = latDeg;
    lng[slot] = lngDeg;
    posSeq.set(slot, seq);
    newest = seq;
  }

  /** The newest input with a recorded position, 0 before the first. */
  public int newest() {
    return newest;
  }

  /** When input {@code seq} was sent (System.nanoTime), or {@link #UNKNOWN}. */
  public long sentAt(int seq) {
    int slot = seq & (SIZE - 1);
    long t = sentNanos[slot];
    return seq > 0 && timeSeq.get(slot) == seq ? t : UNKNOWN;
  }

  /**
   * The newest input after {@code afterSeq} whose great circle is the one an entity shown at {@code
   * (latDeg, lngDeg)} with heading {@code headingQ} walks (within a heading quantum and a half,
   * plus what the shown position's rounding turns the frame by near a pole), or 0 when none is:
   * searched from the newest input backwards.
   */
  public int matchHeading(int headingQ, double latDeg, double lngDeg, int afterSeq) {
    double[] seen = circleNormal(latDeg, lngDeg, headingQ);
    double frameError =
        SHOWN_POSITION_ERROR_M
            / Sphere.EARTH_RADIUS_M
            * Math.abs(Math.tan(Math.toRadians(Math.min(89.9999999, Math.abs(latDeg)))));
    double tolerance = 1.5 * QUANTUM_RAD + frameError;
    int top = newestSent;
    int bottom = Math.max(afterSeq + 1, top - SIZE + 1);
    for (int seq = top; seq >= bottom && seq > 0; seq--) {
      int slot = seq & (SIZE - 1);
      double x = normalX[slot];
      double y = normalY[slot];
      double z = normalZ[slot];
      if (timeSeq.get(slot) != seq) {
        continue;
      }
      double cx = y * seen[2] - z * seen[1];
      double cy = z * seen[0] - x * seen[2];
      double cz = x * seen[1] - y * seen[0];
      double angle =
          Math.atan2(
              Math.sqrt(cx * cx + cy * cy + cz * cz), x * seen[0] + y * seen[1] + z * seen[2]);
      if (angle <= tolerance) {
        return seq;
      }
    }
    return 0;
  }

  /**
   * The unit normal of the great circle through (lat, lng) heading {@code headingQ} from local
   * north (at a pole, north is the limit along the meridian of {@code lngDeg}).
   */
  static double[] circleNormal(double latDeg, double lngDeg, int headingQ) {
    double lat = Math.toRadians(latDeg);
    double lng = Math.toRadians(lngDeg);
    double b = 2 * Math.PI * (headingQ & 0xFFFF) / 65536.0;
    double sinLat = Math.sin(lat);
    double cosLat = Math.cos(lat);
    double sinLng = Math.sin(lng);
    double cosLng = Math.cos(lng);
    double[] p = {cosLat * cosLng, cosLat * sinLng, sinLat};
    double cb = Math.cos(b);
    double sb = Math.sin(b);
    double[] t = {
      -sinLat * cosLng * cb - sinLng * sb, -sinLat * sinLng * cb + cosLng * sb, cosLat * cb
    };
    return new double[] {
      p[1] * t[2] - p[2] * t[1], p[2] * t[0] - p[0] * t[2], p[0] * t[1] - p[1] * t[0]
    };
  }

  /**
   * The newest input after {@code afterSeq} whose position is within {@link #MATCH_M} of {@code
   * (latDeg, lngDeg)}, or 0 when none is: searched from the newest input backwards.
   */
  public int match(double latDeg, double lngDeg, int afterSeq) {
    int top = newest;
    int bottom = Math.max(afterSeq + 1, top - SIZE + 1);
    for (int seq = top; seq >= bottom && seq > 0; seq--) {
      int slot = seq & (SIZE - 1);
      double a = lat[slot];
      double b = lng[slot];
      if (posSeq.get(slot) != seq) {
        continue;
      }
      if (Sphere.distanceM(a, b, latDeg, lngDeg, Sphere.EARTH_RADIUS_M) <= MATCH_M) {
        return seq;
      }
    }
    return 0;
  }
}
