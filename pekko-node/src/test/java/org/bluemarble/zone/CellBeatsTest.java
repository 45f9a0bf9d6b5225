package org.bluemarble.zone;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A cell plays every beat of the node's clock, including the ones the clock skipped while the cell
 * was late, so its simulated time keeps up with real time (players' inputs would queue otherwise).
 */
class CellBeatsTest {

  @Test
  void theFirstBeatAndEachNextBeatPlayOneTick() {
    assertThat(CellParts.beatsToPlay(0, 41)).isEqualTo(1);
    assertThat(CellParts.beatsToPlay(41, 42)).isEqualTo(1);
  }

  @Test
  void beatsSkippedWhileTheCellWasLateArePlayedAtTheNextTick() {
    assertThat(CellParts.beatsToPlay(41, 44)).isEqualTo(3);
  }

  @Test
  void aLongPauseIsCaughtUpOnlyUpToTheBound() {
    assertThat(CellParts.beatsToPlay(41, 41 + 600)).isEqualTo(CellParts.MAX_CATCH_UP_BEATS);
  }

  @Test
  void aBeatNotAfterTheLastOnePlaysOneTickStill() {
    assertThat(CellParts.beatsToPlay(41, 41)).isEqualTo(1);
  }
}
