package org.bluemarble.load.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * The driver's input pacing: on time it plays every slot once; a late driver thread (a fixed-rate
 * executor then calls back to back) skips the missed slots instead of playing them in a burst.
 */
class InputPacerTest {

  private static final long PERIOD = 10_000_000L;

  @Test
  void onTimeEverySlotIsPlayedOnceInOrder() {
    InputPacer pacer = new InputPacer(PERIOD);
    List<Long> played = new ArrayList<>();
    for (int k = 0; k < 50; k++) {
      played.add(pacer.next(k * PERIOD + 3));
    }
    assertThat(played).containsExactlyElementsOf(range(0, 50));
    assertThat(pacer.skipped()).isZero();
  }

  @Test
  void aLateDriverSkipsTheMissedSlotsInsteadOfBurstingThem() {
    InputPacer pacer = new InputPacer(PERIOD);
    assertThat(pacer.next(0)).isZero();
    // The thread stalls 5 s; the executor then runs the 500 missed steps back to back.
    long late = 5_000 * 1_000_000L;
    List<Long> burst = new ArrayList<>();
    for (int k = 0; k < 500; k++) {
      burst.add(pacer.next(late + k * 1_000L));
    }
    assertThat(burst.stream().filter(s -> s != InputPacer.NONE)).containsExactly(500L);
    assertThat(pacer.skipped()).isEqualTo(499);
    assertThat(pacer.next(late + PERIOD)).isEqualTo(501);
  }

  @Property
  void noSlotIsEverPlayedTwiceOrAheadOfTime(
      @ForAll @Size(max = 200) List<@IntRange(min = 0, max = 50_000_000) Integer> gaps) {
    InputPacer pacer = new InputPacer(PERIOD);
    long t = 0;
    long last = -1;
    long playedCount = 0;
    for (int gap : gaps) {
      t += gap;
      long slot = pacer.next(t);
      if (slot != InputPacer.NONE) {
        assertThat(slot).isGreaterThan(last).isLessThanOrEqualTo(t / PERIOD);
        last = slot;
        playedCount++;
      }
    }
    assertThat(playedCount + pacer.skipped()).isEqualTo(last + 1);
  }

  private static List<Long> range(long from, long to) {
    List<Long> out = new ArrayList<>();
    for (long i = from; i < to; i++) {
      out.add(i);
    }
    return out;
  }
}
