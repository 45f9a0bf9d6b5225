package org.bluemarble.load.driver;

import static org.assertj.core.api.Assertions.assertThat;

import org.bluemarble.load.scenario.Sphere;
import org.bluemarble.protocol.movement.MovementIntegrator;
import org.bluemarble.protocol.movement.MovementIntent;
import org.bluemarble.protocol.movement.MovementState;
import org.bluemarble.protocol.snapshot.Quantiser;
import org.junit.jupiter.api.Test;

class InputHistoryTest {

  /** About 0.5 m of latitude, one input's walk at 5 m/s. */
  private static final double STEP_DEG = 0.5 / 111_195.0;

  @Test
  void matchesTheNewestInputAtTheObservedPosition() {
    InputHistory h = new InputHistory();
    for (int seq = 1; seq <= 10; seq++) {
      h.sent(seq, seq * 1_000L, 100 * seq, 0, 0);
      h.positioned(seq, seq * STEP_DEG, 0);
    }
    assertThat(h.match(7 * STEP_DEG, 0, 0)).isEqualTo(7);
    assertThat(h.sentAt(7)).isEqualTo(7_000L);
  }

  @Test
  void ignoresInputsAlreadySeenAndPositionsNoInputReached() {
    InputHistory h = new InputHistory();
    for (int seq = 1; seq <= 5; seq++) {
      h.sent(seq, seq, 100 * seq, 0, 0);
      h.positioned(seq, seq * STEP_DEG, 0);
    }
    assertThat(h.match(3 * STEP_DEG, 0, 3)).isZero();
    assertThat(h.match(3.5 * STEP_DEG, 0, 0)).isZero();
  }

  @Test
  void matchesTheNewestInputAskingForTheObservedHeading() {
    InputHistory h = new InputHistory();
    for (int seq = 1; seq <= 10; seq++) {
      h.sent(seq, seq * 1_000L, 1_000 + InputHistory.signature(seq), -21.0, -27.0);
    }
    assertThat(h.matchHeading(1_000 + InputHistory.signature(7), -21.0, -27.0, 0)).isEqualTo(7);
    assertThat(h.matchHeading(1_000 + InputHistory.signature(7) + 1, -21.0, -27.0, 0)).isEqualTo(7);
    assertThat(h.matchHeading(1_000 + InputHistory.signature(7), -21.0, -27.0, 7)).isZero();
    assertThat(h.matchHeading(5_000, -21.0, -27.0, 0)).isZero();
  }

  @Test
  void nearAPoleMatchesTheHeadingShownFurtherAlongTheInputsGreatCircle() {
    // 55 m from the north pole the heading of a walk turns by ~0.5° over one 0.5 m input: the
    // heading shown mid-walk is not the one asked for, but it lies on the same great circle.
    MovementIntegrator integrator = new MovementIntegrator(Sphere.EARTH_RADIUS_M);
    InputHistory h = new InputHistory();
    MovementState at = new MovementState(89.9995, 30.0, 0.0, 0.0);
    MovementState[] starts = new MovementState[11];
    for (int seq = 1; seq <= 10; seq++) {
      int asked = (Quantiser.quantiseHeading(100.0) + InputHistory.signature(seq)) & 0xFFFF;
      starts[seq] = at;
      h.sent(seq, seq * 1_000L, asked, at.latDeg(), at.lngDeg());
      at = integrator.step(at, new MovementIntent.Heading(Quantiser.headingDeg(asked), 5.0));
    }
    int asked7 = (Quantiser.quantiseHeading(100.0) + InputHistory.signature(7)) & 0xFFFF;
    MovementState mid =
        integrator.advance(
            starts[7], new MovementIntent.Heading(Quantiser.headingDeg(asked7), 5.0), 0.05);
    int shown = Quantiser.quantiseHeading(mid.headingDeg());
    assertThat(Math.abs(shown - asked7)).isGreaterThan(10);
    assertThat(h.matchHeading(shown, mid.latDeg(), mid.lngDeg(), 0)).isEqualTo(7);
    assertThat(h.matchHeading(shown, mid.latDeg(), mid.lngDeg(), 7)).isZero();
  }

  @Test
  void signaturesDifferForSixteenConsecutiveInputs() {
    java.util.Set<Integer> seen = new java.util.HashSet<>();
    for (int seq = 100; seq < 116; seq++) {
      seen.add(InputHistory.signature(seq));
    }
    assertThat(seen).hasSize(16);
    assertThat(java.util.Collections.max(seen)).isLessThanOrEqualTo(45);
  }

  @Test
  void forgetsInputsOlderThanItsWindow() {
    InputHistory h = new InputHistory();
    for (int seq = 1; seq <= InputHistory.SIZE + 10; seq++) {
      h.sent(seq, seq, 100 * seq, 0, 0);
      h.positioned(seq, seq * STEP_DEG, 0);
    }
    assertThat(h.sentAt(5)).isEqualTo(InputHistory.UNKNOWN);
    assertThat(h.match(5 * STEP_DEG, 0, 0)).isZero();
    assertThat(h.sentAt(InputHistory.SIZE + 10)).isEqualTo(InputHistory.SIZE + 10);
  }
}
