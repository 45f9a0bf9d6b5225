package org.bluemarble.load.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.bluemarble.protocol.movement.MovementIntegrator;
import org.bluemarble.protocol.movement.MovementIntent;
import org.bluemarble.protocol.movement.MovementState;
import org.junit.jupiter.api.Test;

class BotPlanTest {

  private static final ScenarioGeometry DENSE =
      ScenarioGeometry.of(Scenario.DENSE, 500, new LatLng(-21.0, -27.0));

  @Property(tries = 20)
  void sameSeedWalksTheSamePath(@ForAll long seed, @ForAll("index") int index) {
    assertThat(walk(seed, index, 400)).isEqualTo(walk(seed, index, 400));
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<Integer> index() {
    return net.jqwik.api.Arbitraries.integers().between(0, 9_999);
  }

  @Test
  void differentSeedsOrBotsWalkDifferentPaths() {
    assertThat(walk(7, 1, 50)).isNotEqualTo(walk(8, 1, 50));
    assertThat(walk(7, 1, 50)).isNotEqualTo(walk(7, 2, 50));
  }

  @Test
  void walksToEachWaypointAndPicksTheNext() {
    BotPlan plan = new BotPlan(7, 3, DENSE);
    MovementIntegrator integrator = new MovementIntegrator(Sphere.EARTH_RADIUS_M);
    MovementState s = new MovementState(plan.start().latDeg(), plan.start().lngDeg(), 0, 0);
    LatLng first = plan.waypoint();
    double d0 = Sphere.distanceM(plan.start(), first, Sphere.EARTH_RADIUS_M);
    int steps =
        (int) Math.ceil(d0 / (BotPlan.SPEED_MPS * MovementIntegrator.INPUT_STEP_SECONDS)) + 5;
    double closest = d0;
    for (int i = 0; i < steps; i++) {
      double h = plan.headingFrom(s.latDeg(), s.lngDeg());
      s = integrator.step(s, new MovementIntent.Heading(h, BotPlan.SPEED_MPS));
      closest =
          Math.min(
              closest,
              Sphere.distanceM(new LatLng(s.latDeg(), s.lngDeg()), first, Sphere.EARTH_RADIUS_M));
    }
    plan.headingFrom(s.latDeg(), s.lngDeg());
    assertThat(closest).isLessThan(BotPlan.ARRIVED_M);
    assertThat(plan.waypointsReached()).isGreaterThanOrEqualTo(1);
    assertThat(plan.waypoint()).isNotEqualTo(first);
  }

  private static List<Double> walk(long seed, int index, int steps) {
    BotPlan plan = new BotPlan(seed, index, DENSE);
    MovementIntegrator integrator = new MovementIntegrator(Sphere.EARTH_RADIUS_M);
    MovementState s = new MovementState(plan.start().latDeg(), plan.start().lngDeg(), 0, 0);
    List<Double> headings = new ArrayList<>();
    headings.add(plan.start().latDeg());
    headings.add(plan.start().lngDeg());
    for (int i = 0; i < steps; i++) {
      double h = plan.headingFrom(s.latDeg(), s.lngDeg());
      headings.add(h);
      s = integrator.step(s, new MovementIntent.Heading(h, BotPlan.SPEED_MPS));
    }
    return headings;
  }
}
