package org.bluemarble.spatial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TissotTest {

  @Test
  void mercatorIsConformalWithScaleSecantOfLatitude() {
    MapProjection mercator = Projections.byName("mercator");
    for (double lat : new double[] {0, 30, 60, 80}) {
      Tissot t = Tissot.at(mercator, lat, 17);
      double sec = 1 / Math.cos(Math.toRadians(lat));
      assertThat(t.h()).as("h at %s", lat).isCloseTo(sec, within(1e-4 * sec));
      assertThat(t.k()).as("k at %s", lat).isCloseTo(sec, within(1e-4 * sec));
      assertThat(t.maxAngularDistortionDeg()).as("omega at %s", lat).isLessThan(0.01);
      assertThat(t.areaScale()).isCloseTo(sec * sec, within(1e-3 * sec * sec));
    }
  }

  @Test
  void equirectangularStretchesParallelsAndDistortsAngles() {
    Tissot t = Tissot.at(Projections.byName("equirectangular"), 60, -40);
    assertThat(t.h()).isCloseTo(1, within(1e-6));
    assertThat(t.k()).isCloseTo(2, within(1e-4));
    assertThat(t.areaScale()).isCloseTo(2, within(1e-4));
    // omega = 2 asin((a - b) / (a + b)) with a = 2, b = 1
    assertThat(t.maxAngularDistortionDeg())
        .isCloseTo(2 * Math.toDegrees(Math.asin(1.0 / 3)), within(1e-3));
  }

  @Test
  void mollweideKeepsAreaEverywhere() {
    MapProjection mollweide = Projections.byName("mollweide");
    for (double lat : new double[] {-70, -10, 0, 45, 80}) {
      Tissot t = Tissot.at(mollweide, lat, 100);
      assertThat(t.areaScale()).as("area at %s", lat).isCloseTo(1, within(1e-3));
      assertThat(t.a() * t.b()).isCloseTo(t.areaScale(), within(1e-6));
    }
    assertThat(Tissot.at(mollweide, 70, 150).maxAngularDistortionDeg()).isGreaterThan(10);
  }
}
