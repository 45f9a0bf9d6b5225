package org.bluemarble.load.driver;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InputHistoryTest {

  /** About 0.5 m of latitude, one input's walk at 5 m/s. */
  private static final double STEP_DEG = 0.5 / 111_195.0;

  @Test
  void matchesTheNewestInputAtTheObservedPosition() {
    InputHistory h = new InputHistory();
    for (int seq = 1; seq <= 10; seq++) {
      h.sent(seq, seq * 1_000L, 100 * seq);
      h.positioned(seq, seq * STEP_DEG, 0);
    }
    assertThat(h.match(7 * STEP_DEG, 0, 0)).isEqualTo(7);
    assertThat(h.sentAt(7)).isEqualTo(7_000L);
  }

  @Test
  void ignoresInputsAlreadySeenAndPositionsNoInputReached() {
    InputHistory h = new InputHistory();
    for (int seq = 1; seq <= 5; seq++) {
      h.sent(seq, seq, 100 * seq);
      h.positioned(seq, seq * STEP_DEG, 0);
    }
    assertThat(h.match(3 * STEP_DEG, 0, 3)).isZero();
    assertThat(h.match(3.5 * STEP_DEG, 0, 0)).isZero();
  }

  @Test
  void matchesTheNewestInputAskingForTheObservedHeading() {
    InputHistory h = new InputHistory();
    for (int seq = 1; seq <= 10; seq++) {
      h.sent(seq, seq * 1_000L, 1_000 + InputHistory.signature(seq));
    }
    assertThat(h.matchHeading(1_000 + InputHistory.signature(7), 0)).isEqualTo(7);
    assertThat(h.matchHeading(1_000 + InputHistory.signature(7) + 1, 0)).isEqualTo(7);
    assertThat(h.matchHeading(1_000 + InputHistory.signature(7), 7)).isZero();
    assertThat(h.matchHeading(5_000, 0)).isZero();
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
      h.sent(seq, seq, 100 * seq);
      h.positioned(seq, seq * STEP_DEG, 0);
    }
    assertThat(h.sentAt(5)).isEqualTo(InputHistory.UNKNOWN);
    assertThat(h.match(5 * STEP_DEG, 0, 0)).isZero();
    assertThat(h.sentAt(InputHistory.SIZE + 10)).isEqualTo(InputHistory.SIZE + 10);
  }
}
