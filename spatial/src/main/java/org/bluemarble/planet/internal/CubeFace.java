package org.bluemarble.planet.internal;

import com.google.common.geometry.S2Projections;

/**
 * S2's cube-face mapping without object allocation: which face a direction falls on and its (u, v)
 * and (s, t) coordinates there. Follows S2's face conventions (checked against {@link
 * S2Projections} in tests) and its default quadratic projection between u and s.
 */
public final class CubeFace {

  private CubeFace() {}

  /** Face 0..5 of the direction (x, y, z): axis of the largest component, +3 when negative. */
  public static int face(double x, double y, double z) {
    double ax = Math.abs(x);
    double ay = Math.abs(y);
    double az = Math.abs(z);
    if (ax > ay) {
      if (ax > az) {
        return x < 0 ? 3 : 0;
      }
      return z < 0 ? 5 : 2;
    }
    if (ay > az) {
      return y < 0 ? 4 : 1;
    }
    return z < 0 ? 5 : 2;
  }

  /** u of (x, y, z) on {@code face} (the point must lie on that face's half-space). */
  public static double u(int face, double x, double y, double z) {
    switch (face) {
      case 0:
        return y / x;
      case 1:
        return -x / y;
      case 2:
        return -x / z;
      case 3:
        return z / x;
      case 4:
        return z / y;
      default:
        return -y / z;
    }
  }

  /** v of (x, y, z) on {@code face}. */
  public static double v(int face, double x, double y, double z) {
    switch (face) {
      case 0:
        return z / x;
      case 1:
        return z / y;
      case 2:
        return -y / z;
      case 3:
        return y / x;
      case 4:
        return -x / y;
      default:
        return -x / z;
    }
  }

  /** S2's quadratic u → s mapping (s in 0..1 for u in -1..1). */
  public static double uvToSt(double u) {
    return u >= 0 ? 0.5 * Math.sqrt(1 + 3 * u) : 1 - 0.5 * Math.sqrt(1 - 3 * u);
  }

  /** S2's quadratic s → u mapping; also valid a little outside 0..1 (neighbouring faces). */
  public static double stToUv(double s) {
    return s >= 0.5 ? (1.0 / 3.0) * (4 * s * s - 1) : (1.0 / 3.0) * (1 - 4 * (1 - s) * (1 - s));
  }

  /**
   * Writes the (unnormalised) direction of face coordinates (u, v) to {@code out}; u and v may lie
   * beyond -1..1, which reaches onto the neighbouring faces.
   */
  public static void faceUvToXyz(int face, double u, double v, double[] out) {
    switch (face) {
      case 0:
        set(out, 1, u, v);
        break;
      case 1:
        set(out, -u, 1, v);
        break;
      case 2:
        set(out, -u, -v, 1);
        break;
      case 3:
        set(out, -1, -v, -u);
        break;
      case 4:
        set(out, v, -1, -u);
        break;
      default:
        set(out, v, u, -1);
        break;
    }
  }

  private static void set(double[] out, double x, double y, double z) {
    out[0] = x;
    out[1] = y;
    out[2] = z;
  }
}
