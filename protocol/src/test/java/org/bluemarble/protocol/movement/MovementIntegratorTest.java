package org.bluemarble.protocol.movement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MovementIntegratorTest {

  private final MovementIntegrator integrator = new MovementIntegrator(6_371_000);

  @Test
  void walkingNorthTenMetresMovesAlongTheMeridian() {
    MovementState start = new MovementState(10, 20, 0, 0);
    MovementState end = integrator.advance(start, new MovementIntent.Heading(0, 5), 2);
    assertThat(integrator.distanceM(10, 20, end.latDeg(), end.lngDeg()))
        .isCloseTo(10, within(1e-6));
    assertThat(end.lngDeg()).isCloseTo(20, within(1e-12));
    assertThat(end.latDeg()).isGreaterThan(10);
  }

  @Test
  void crossingTheAntimeridianWrapsLongitude() {
    MovementState start = new MovementState(0, 179.99999, 0, 90);
    MovementState end = integrator.advance(start, new MovementIntent.Heading(90, 10), 1);
    assertThat(end.lngDeg()).isBetween(-180.0, -179.9);
  }

  @Test
  void atAPoleHeadingIsMeasuredFromTheLimitOfNorthAlongTheMeridianOfTheLongitude() {
    for (double pole : new double[] {90.0, -90.0}) {
      for (double heading = 0; heading < 360; heading += 35) {
        MovementIntent.Heading walk = new MovementIntent.Heading(heading, 5);
        // 1.1 cm from the pole on meridian 30 the frame is (nearly) the pole's limit frame.
        MovementState near = new MovementState(pole - Math.signum(pole) * 1e-7, 30, 0, heading);
        MovementState at = new MovementState(pole, 30, 0, heading);
        MovementState fromNear = integrator.step(near, walk);
        MovementState fromPole = integrator.step(at, walk);
        assertThat(
                integrator.distanceM(
                    fromNear.latDeg(), fromNear.lngDeg(), fromPole.latDeg(), fromPole.lngDeg()))
            .as("from pole %s heading %s", pole, heading)
            .isLessThan(0.03);
        assertThat(integrator.distanceM(pole, 30, fromPole.latDeg(), fromPole.lngDeg()))
            .isCloseTo(0.5, within(1e-6));
        // Walking on, away from the pole.
        double turn = fromPole.headingDeg() - (pole > 0 ? 180.0 : 0.0);
        assertThat(Math.abs((turn + 540.0) % 360.0 - 180.0)).isLessThan(1e-6);
      }
    }
  }

  @Test
  void walkingToATargetStopsOnIt() {
    MovementState start = new MovementState(0, 0, 0, 0);
    MovementIntent.Target target = new MovementIntent.Target(0.00001, 0.00001, 5);
    MovementState s = start;
    for (int i = 0; i < 10; i++) {
      s = integrator.step(s, target);
    }
    assertThat(s.latDeg()).isEqualTo(0.00001);
    assertThat(s.lngDeg()).isEqualTo(0.00001);
  }

  @Test
  void rejectsSpeedsAboveTheMaximum() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new MovementIntent.Heading(0, MovementIntegrator.MAX_SPEED_MPS + 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("speedMps");
  }
}
