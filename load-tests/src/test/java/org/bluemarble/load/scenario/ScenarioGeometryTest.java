package org.bluemarble.load.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ScenarioGeometryTest {

  private static final LatLng SPAWN = new LatLng(-21.0, -27.0);

  @Test
  void denseSideFollowsTheIssueFormula() {
    assertThat(ScenarioGeometry.of(Scenario.DENSE, 200, SPAWN).sideM())
        .isCloseTo(250 * Math.sqrt(200 * Math.PI / 50), within(1e-9));
    assertThat(ScenarioGeometry.of(Scenario.DENSE, 10_000, SPAWN).sideM())
        .isCloseTo(6266.6, within(0.1));
  }

  @Property(tries = 6)
  void denseKeepsAboutFiftyOthersInViewWhateverN(
      @ForAll @IntRange(min = 400, max = 3000) int bots, @ForAll long seed) {
    ScenarioGeometry g = ScenarioGeometry.of(Scenario.DENSE, bots, SPAWN);
    // Bots at least one AOI radius from every edge see a full circle: their mean count is the
    // density. Neighbouring circles overlap, so average over several independent layouts.
    double inner = g.sideM() / 2 - ScenarioGeometry.DENSE_AOI_RADIUS_M;
    double r2 = ScenarioGeometry.DENSE_AOI_RADIUS_M * ScenarioGeometry.DENSE_AOI_RADIUS_M;
    long viewers = 0;
    long seen = 0;
    for (int layout = 0; layout < 8; layout++) {
      double[] north = new double[bots];
      double[] east = new double[bots];
      for (int i = 0; i < bots; i++) {
        LatLng p = new BotPlan(seed + layout, i, g).start();
        north[i] = northOf(g, p);
        east[i] = eastOf(g, p);
      }
      for (int i = 0; i < bots; i++) {
        if (Math.abs(north[i]) > inner || Math.abs(east[i]) > inner) {
          continue;
        }
        viewers++;
        for (int j = 0; j < bots; j++) {
          double dn = north[i] - north[j];
          double de = east[i] - east[j];
          if (j != i && dn * dn + de * de <= r2) {
            seen++;
          }
        }
      }
    }
    assertThat(viewers).isGreaterThan(100);
    assertThat((double) seen / viewers).isCloseTo(ScenarioGeometry.DENSE_IN_VIEW, within(5.0));
  }

  @Property(tries = 50)
  void everyStartLiesInsideThePatch(
      @ForAll @IntRange(min = 1, max = 20_000) int bots, @ForAll long seed) {
    ScenarioGeometry g = ScenarioGeometry.of(Scenario.DENSE, bots, SPAWN);
    LatLng p = g.randomPoint(new SplittableRandom(seed));
    assertThat(Math.abs(northOf(g, p))).isLessThanOrEqualTo(g.sideM() / 2 + 0.01);
    assertThat(Math.abs(eastOf(g, p))).isLessThanOrEqualTo(g.sideM() / 2 + 0.01);
  }

  @Test
  void spreadCoversAContinentAndWandersNearTheStart() {
    ScenarioGeometry g = ScenarioGeometry.of(Scenario.SPREAD, 1000, SPAWN);
    assertThat(g.sideM()).isEqualTo(ScenarioGeometry.SPREAD_SIDE_M);
    BotPlan plan = new BotPlan(3, 17, g);
    LatLng w = plan.waypoint();
    assertThat(Sphere.distanceM(plan.start(), w, Sphere.EARTH_RADIUS_M))
        .isLessThanOrEqualTo(ScenarioGeometry.SPREAD_WANDER_SIDE_M);
  }

  @Test
  void offsetKeepsDistanceAndBearingFromTheCentre() {
    LatLng p = Sphere.offset(SPAWN, 300, 400, Sphere.EARTH_RADIUS_M);
    assertThat(Sphere.distanceM(SPAWN, p, Sphere.EARTH_RADIUS_M)).isCloseTo(500, within(1e-6));
    assertThat(p.latDeg()).isGreaterThan(SPAWN.latDeg());
    assertThat(p.lngDeg()).isGreaterThan(SPAWN.lngDeg());
  }

  @Test
  void parsesCentresAndRejectsBadOnes() {
    assertThat(LatLng.parse("-21.5, 190")).isEqualTo(new LatLng(-21.5, -170));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> LatLng.parse("91,0"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("latitude");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> LatLng.parse("abc"))
        .hasMessageContaining("lat,lon");
  }

  private static double northOf(ScenarioGeometry g, LatLng p) {
    double d =
        Sphere.distanceM(
            g.centre(), new LatLng(p.latDeg(), g.centre().lngDeg()), Sphere.EARTH_RADIUS_M);
    return p.latDeg() >= g.centre().latDeg() ? d : -d;
  }

  private static double eastOf(ScenarioGeometry g, LatLng p) {
    double d =
        Sphere.distanceM(new LatLng(p.latDeg(), g.centre().lngDeg()), p, Sphere.EARTH_RADIUS_M);
    return p.lngDeg() >= g.centre().lngDeg() ? d : -d;
  }
}
