package org.bluemarble.combat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LineOfSightTest {
  private static final double R = 6_371_000;

  @Test
  void flatGroundNeverBlocks() {
    assertThat(LineOfSight.clear((lat, lng) -> 0.0, 0, 0, 0, 0, 0.0003, 0, R)).isTrue();
  }

  @Test
  void aRidgeBetweenTheFightersBlocks() {
    LineOfSight.Ground ridge = (lat, lng) -> Math.abs(lng - 0.00015) < 0.00003 ? 10.0 : 0.0;
    assertThat(LineOfSight.clear(ridge, 0, 0, 0, 0, 0.0003, 0, R)).isFalse();
  }

  @Test
  void standingOnHighGroundSeesOverALowRidge() {
    LineOfSight.Ground ridge = (lat, lng) -> Math.abs(lng - 0.00015) < 0.00003 ? 10.0 : 0.0;
    assertThat(LineOfSight.clear(ridge, 0, 0, 40, 0, 0.0003, 40, R)).isTrue();
  }

  @Test
  void theCurveOfASmallPlanetHidesDistantFighters() {
    // on a 1 km planet, two people 600 m apart on the ground cannot see each other
    double small = 1_000;
    double lng = Math.toDegrees(600 / small);
    assertThat(LineOfSight.clear((a, b) -> 0.0, 0, 0, 0, 0, lng, 0, small)).isFalse();
  }

  @Test
  void adjacentFightersAlwaysSeeEachOther() {
    assertThat(LineOfSight.clear((lat, lng) -> 1_000.0, 0, 0, 0, 0, 0.00001, 0, R)).isTrue();
  }
}
