package org.bluemarble.edge.port;

/**
 * A movement intent as the edge received it (values untrusted; the world validates them).
 *
 * @param kind what {@code a} and {@code b} mean
 * @param a bearing in degrees clockwise from north (HEADING) or target latitude (TARGET)
 * @param b speed in m/s (HEADING, TARGET) or target longitude in degrees (TARGET, see {@code c})
 * @param c speed in m/s for TARGET; unused otherwise
 */
public record PlayIntent(Kind kind, double a, double b, double c) {

  /** The shape of an intent. */
  public enum Kind {
    HEADING,
    TARGET,
    STOP
  }

  /** Stand still. */
  public static final PlayIntent STOP = new PlayIntent(Kind.STOP, 0, 0, 0);

  /**
   * An input the edge found invalid (no intent, NaN, speed out of range): the world rejects it like
   * any invalid value, which stops the character and answers with a Correction for its sequence.
   */
  public static final PlayIntent INVALID = new PlayIntent(Kind.HEADING, Double.NaN, 0, 0);

  /** Walk at {@code bearingDeg} with {@code speedMps}. */
  public static PlayIntent heading(double bearingDeg, double speedMps) {
    return new PlayIntent(Kind.HEADING, bearingDeg, speedMps, 0);
  }

  /** Walk to a point at {@code speedMps}. */
  public static PlayIntent target(double latitudeDeg, double longitudeDeg, double speedMps) {
    return new PlayIntent(Kind.TARGET, latitudeDeg, longitudeDeg, speedMps);
  }
}
