package org.bluemarble.zone;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * The sun's elevation above the horizon for a place and instant, by NOAA's simplified "general
 * solar position" formulas (fractional-year series for the equation of time and the declination;
 * good to about a degree, plenty for day and night in a game). The planet is assumed to share
 * Earth's orbit, tilt and day length.
 */
public final class SolarClock {
  private SolarClock() {}

  /** Solar elevation in degrees, [-90, 90], at latitude/longitude (degrees) and {@code at}. */
  public static double elevationDeg(double latitudeDeg, double longitudeDeg, Instant at) {
    ZonedDateTime utc = at.atZone(ZoneOffset.UTC);
    int daysInYear = utc.toLocalDate().isLeapYear() ? 366 : 365;
    double hour =
        utc.getHour() + utc.getMinute() / 60.0 + utc.getSecond() / 3600.0 + utc.getNano() / 3.6e12;
    // Fractional year in radians.
    double g = 2.0 * Math.PI / daysInYear * (utc.getDayOfYear() - 1 + (hour - 12.0) / 24.0);
    double eqTimeMinutes =
        229.18
            * (0.000075
                + 0.001868 * Math.cos(g)
                - 0.032077 * Math.sin(g)
                - 0.014615 * Math.cos(2 * g)
                - 0.040849 * Math.sin(2 * g));
    double declination =
        0.006918
            - 0.399912 * Math.cos(g)
            + 0.070257 * Math.sin(g)
            - 0.006758 * Math.cos(2 * g)
            + 0.000907 * Math.sin(2 * g)
            - 0.002697 * Math.cos(3 * g)
            + 0.00148 * Math.sin(3 * g);
    double trueSolarMinutes = hour * 60.0 + eqTimeMinutes + 4.0 * longitudeDeg;
    double hourAngle = Math.toRadians(trueSolarMinutes / 4.0 - 180.0);
    double lat = Math.toRadians(latitudeDeg);
    double cosZenith =
        Math.sin(lat) * Math.sin(declination)
            + Math.cos(lat) * Math.cos(declination) * Math.cos(hourAngle);
    return 90.0 - Math.toDegrees(Math.acos(Math.max(-1.0, Math.min(1.0, cosZenith))));
  }

  /** The {@link DayPhase} at a place and instant. */
  public static DayPhase phase(double latitudeDeg, double longitudeDeg, Instant at) {
    return DayPhase.of(elevationDeg(latitudeDeg, longitudeDeg, at));
  }
}
