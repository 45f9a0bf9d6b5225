package org.bluemarble.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** Sessions from a character's checkpoints ({@link PresenceRules}). */
class PresenceRulesTest {
  private static final Duration GAP = Duration.ofSeconds(60);

  @Test
  void aLongerSilenceThanTheGapClosesTheSession() {
    PresenceRules.Step s = PresenceRules.checkpoint(null, 1_000, GAP);
    s = PresenceRules.checkpoint(s.open(), 61_000, GAP);
    assertThat(s.closed()).isEmpty();
    assertThat(s.open()).isEqualTo(new PresenceRules.Open(1_000, 61_000));
    s = PresenceRules.checkpoint(s.open(), 121_001, GAP);
    assertThat(s.closed()).contains(new PresenceRules.Session(1_000, 61_000));
    assertThat(s.open()).isEqualTo(new PresenceRules.Open(121_001, 121_001));
    assertThat(PresenceRules.ended(s.open(), 181_001, GAP)).isFalse();
    assertThat(PresenceRules.ended(s.open(), 181_002, GAP)).isTrue();
    assertThat(PresenceRules.minute(-1)).isEqualTo(-1);
    assertThat(PresenceRules.minute(119_999)).isEqualTo(1);
  }

  /**
   * Folding any checkpoint times (steps of 0 to 150 s) cuts them into sessions that start and end
   * at checkpoints, hold every checkpoint once, have no silence longer than the gap inside and one
   * longer than the gap between them.
   */
  @Property(tries = 300)
  void sessionsCutTheCheckpointsAtEverySilenceLongerThanTheGap(
      @ForAll @Size(min = 1, max = 60) List<@IntRange(min = 0, max = 150_000) Integer> steps) {
    List<Long> times = new ArrayList<>();
    long t = 1_700_000_000_000L;
    for (int step : steps) {
      t += step;
      times.add(t);
    }
    List<PresenceRules.Session> sessions = new ArrayList<>();
    PresenceRules.Open open = null;
    for (long at : times) {
      PresenceRules.Step s = PresenceRules.checkpoint(open, at, GAP);
      s.closed().ifPresent(sessions::add);
      open = s.open();
    }
    sessions.add(new PresenceRules.Session(open.startedMs(), open.lastMs()));

    int i = 0;
    for (int k = 0; k < sessions.size(); k++) {
      PresenceRules.Session session = sessions.get(k);
      assertThat(times.get(i)).isEqualTo(session.startedMs());
      while (i + 1 < times.size() && times.get(i + 1) <= session.endedMs()) {
        assertThat(times.get(i + 1) - times.get(i)).isLessThanOrEqualTo(GAP.toMillis());
        i++;
      }
      assertThat(times.get(i)).isEqualTo(session.endedMs());
      if (k + 1 < sessions.size()) {
        assertThat(sessions.get(k + 1).startedMs() - session.endedMs())
            .isGreaterThan(GAP.toMillis());
      }
      i++;
    }
    assertThat(i).isEqualTo(times.size());
  }
}
