package org.bluemarble.protocol.snapshot;

/**
 * Converts geographic positions and headings to the quantised {@link EntityState} and back.
 *
 * <p>Use the same planet radius on both sides (EnteredWorld.planet_radius_m). Positions must lie
 * within 21,474 km of the planet's centre so every ECEF axis fits a signed 32-bit centimetre count.
 */
public final class Quantiser {

  /** Largest |coordinate| in metres that still fits an int of centimetres. */
  private static final double MAX_ABS_M = Integer.MAX_VALUE / 100.0;

  private final double radiusM;

  /** A quantiser for a sphere of {@code radiusM} metres (1,000 km .. 20,000 km). */
  public Quantiser(double radiusM) {
    if (!(radiusM >= 1_000_000 && radiusM <= 20_000_000)) {
      throw new IllegalArgumentException(
          "planet radius must be in 1000000..20000000 m, was " + radiusM);
    }
    this.radiusM = radiusM;
  }

  /** The planet radius in metres. */
  public double radiusM() {
    return radiusM;
  }

  /** Quantises a position in degrees/metres and a heading in degrees clockwise from north. */
  public EntityState quantise(
      long entityId, double latDeg, double lngDeg, double altM, double headingDeg) {
    if (!(latDeg >= -90 && latDeg <= 90)) {
      throw new IllegalArgumentException("latitude must be in -90..90 degrees, was " + latDeg);
    }
    if (!(lngDeg >= -180 && lngDeg <= 180)) {
      throw new IllegalArgumentException("longitude must be in -180..180 degrees, was " + lngDeg);
    }
    if (!Double.isFinite(altM) || Math.abs(radiusM + altM) > MAX_ABS_M) {
      throw new IllegalArgumentException(
          "altitude must be finite and within " + (MAX_ABS_M - radiusM) + " m, was " + altM);
    }
    double r = radiusM + altM;
    double lat = Math.toRadians(latDeg);
    double lng = Math.toRadians(lngDeg);
    double cosLat = Math.cos(lat);
    return new EntityState(
        entityId,
        toCm(r * cosLat * Math.cos(lng)),
        toCm(r * cosLat * Math.sin(lng)),
        toCm(r * Math.sin(lat)),
        quantiseHeading(headingDeg));
  }

  /** Heading in degrees clockwise from north to 1/65536 turn (wraps any finite value). */
  public static int quantiseHeading(double headingDeg) {
    if (!Double.isFinite(headingDeg)) {
      throw new IllegalArgumentException("heading must be finite, was " + headingDeg);
    }
    return (int) (Math.round(headingDeg / 360.0 * 65536.0) & 0xFFFF);
  }

  /** Heading in 1/65536 turn to degrees in [0, 360). */
  public static double headingDeg(int heading) {
    return (heading & 0xFFFF) * 360.0 / 65536.0;
  }

  /** Latitude in degrees of a quantised state. */
  public static double latDeg(EntityState s) {
    return Math.toDegrees(Math.atan2(s.zCm(), Math.hypot(s.xCm(), s.yCm())));
  }

  /** Longitude in degrees of a quantised state. */
  public static double lngDeg(EntityState s) {
    return Math.toDegrees(Math.atan2(s.yCm(), s.xCm()));
  }

  /** Altitude in metres above the sphere of a quantised state. */
  public double altM(EntityState s) {
    double x = s.xCm() / 100.0;
    double y = s.yCm() / 100.0;
    double z = s.zCm() / 100.0;
    return Math.sqrt(x * x + y * y + z * z) - radiusM;
  }

  private static int toCm(double metres) {
    return (int) Math.round(metres * 100.0);
  }
}
