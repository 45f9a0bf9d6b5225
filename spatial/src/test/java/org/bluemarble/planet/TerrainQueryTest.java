package org.bluemarble.planet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.google.common.geometry.S2LatLng;
import com.google.common.geometry.S2Point;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TerrainQueryTest {

  private static final Planet PLANET = TestPlanets.earthLike(42, 6);
  private static final TerrainQuery QUERY = PLANET.terrainQuery();

  @Test
  void agreesWithTheSamplesAtCellCentres() {
    SplittableRandom random = new SplittableRandom(11);
    for (int n = 0; n < 2000; n++) {
      int k = random.nextInt(PLANET.cellCount());
      S2LatLng centre = new S2LatLng(PLANET.cellId(k).toPoint());
      double lat = centre.latDegrees();
      double lng = centre.lngDegrees();
      assertThat(QUERY.elevation(lat, lng)).isCloseTo(PLANET.elevation(k), within(0.5));
      assertThat(QUERY.cellIndex(lat, lng)).isEqualTo(k);
      assertThat(QUERY.biome(lat, lng)).isEqualTo(PLANET.biome(k));
      assertThat(QUERY.temperature(lat, lng)).isEqualTo(PLANET.temperature(k));
      assertThat(QUERY.precipitation(lat, lng)).isEqualTo(PLANET.precipitation(k));
    }
  }

  @Test
  void pointAndLatLngQueriesAgree() {
    S2Point p = S2LatLng.fromDegrees(12.5, -33.25).toPoint();
    assertThat(QUERY.elevation(p)).isCloseTo(QUERY.elevation(12.5, -33.25), within(1e-6));
  }

  @Test
  void elevationIsContinuousAcrossFaceEdgesPolesAndTheAntimeridian() {
    // Pairs of points about 11 m apart straddling seams: the elevation may only change a little.
    double[][] pairs = {
      {10, 44.9999, 10, 45.0001}, // face 0 / face 1 edge
      {20, 179.9999, 20, -179.9999}, // antimeridian
      {89.9999, 0, 89.9999, 180}, // across the north pole
      {-89.9999, 90, -89.9999, -90}, // across the south pole
      {35.2644, 45, 35.2645, 45} // near a cube corner
    };
    for (double[] p : pairs) {
      double a = QUERY.elevation(p[0], p[1]);
      double b = QUERY.elevation(p[2], p[3]);
      assertThat(Math.abs(a - b)).as("seam at %s", Arrays.toString(p)).isLessThan(20.0);
    }
  }

  @Test
  void deepOceanAndWaterFollowTheInterpolatedElevation() {
    SplittableRandom random = new SplittableRandom(3);
    int deep = 0;
    for (int n = 0; n < 5000; n++) {
      double lat = random.nextDouble(-90, 90);
      double lng = random.nextDouble(-180, 180);
      double e = QUERY.elevation(lat, lng);
      assertThat(QUERY.isDeepOcean(lat, lng)).isEqualTo(e < -200);
      assertThat(QUERY.isWater(lat, lng)).isEqualTo(e < 0);
      deep += e < -200 ? 1 : 0;
    }
    assertThat(deep).isBetween(1000, 4500);
  }

  @Test
  void slopeIsRiseOverGreatCircleRun() {
    double d = QUERY.surfaceDistance(10, 20, 10.01, 20);
    // 0.01° of latitude on a 6,371 km sphere is 1,111.95 m.
    assertThat(d).isCloseTo(1111.95, within(0.01));
    double rise = QUERY.elevation(10.01, 20) - QUERY.elevation(10, 20);
    assertThat(QUERY.slope(10, 20, 10.01, 20)).isCloseTo(rise / d, within(1e-12));
    assertThat(QUERY.slope(10.01, 20, 10, 20)).isCloseTo(-rise / d, within(1e-12));
    assertThat(QUERY.slope(10, 20, 10, 20)).isZero();
    assertThat(QUERY.slopeDegrees(10, 20, 10.01, 20))
        .isCloseTo(Math.toDegrees(Math.atan(rise / d)), within(1e-9));
  }

  @Test
  void rejectsInvalidCoordinates() {
    assertThatThrownBy(() -> QUERY.elevation(90.5, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("latitude 90.5");
    assertThatThrownBy(() -> QUERY.biome(Double.NaN, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("latitude NaN");
    assertThatThrownBy(() -> QUERY.isDeepOcean(0, Double.POSITIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("longitude Infinity");
  }

  @Test
  void longitudesWrap() {
    assertThat(QUERY.elevation(12, 370)).isCloseTo(QUERY.elevation(12, 10), within(1e-6));
  }
}
