package org.bluemarble.zone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SolarClockTest {
  // The March 2024 equinox was at 03:06 UTC on 20 March; a day later the declination is ~0.4°.
  private static final Instant EQUINOX_NOON_GREENWICH = Instant.parse("2024-03-20T12:07:00Z");

  @Test
  void sunIsOverheadAtNoonOnTheEquatorAtTheEquinox() {
    assertThat(SolarClock.elevationDeg(0.0, 0.0, EQUINOX_NOON_GREENWICH))
        .isCloseTo(90.0, within(1.5));
  }

  @Test
  void sunIsFarBelowTheHorizonAtMidnightOnTheEquator() {
    Instant midnight = Instant.parse("2024-03-20T00:07:00Z");

    double elevation = SolarClock.elevationDeg(0.0, 0.0, midnight);

    assertThat(elevation).isCloseTo(-90.0, within(1.5));
    assertThat(DayPhase.of(elevation)).isEqualTo(DayPhase.NIGHT);
  }

  @Test
  void noonElevationAtMidLatitudeInSummerIsNinetyMinusLatitudePlusTilt() {
    // Summer solstice at 45° N: 90 - 45 + 23.44 ≈ 68.4°; solar noon at Greenwich ≈ 12:02 UTC.
    Instant noon = Instant.parse("2024-06-21T12:02:00Z");

    assertThat(SolarClock.elevationDeg(45.0, 0.0, noon)).isCloseTo(68.4, within(1.0));
  }

  @Test
  void sunriseLongitudeIsInTwilightOrDayNotNight() {
    // At 12:07 UTC the sun sets near 90° E on the equator at the equinox.
    assertThat(SolarClock.elevationDeg(0.0, 90.0, EQUINOX_NOON_GREENWICH))
        .isCloseTo(0.0, within(1.5));
    assertThat(SolarClock.phase(0.0, 95.0, EQUINOX_NOON_GREENWICH)).isEqualTo(DayPhase.TWILIGHT);
    assertThat(SolarClock.phase(0.0, 85.0, EQUINOX_NOON_GREENWICH)).isEqualTo(DayPhase.DAY);
  }
}
