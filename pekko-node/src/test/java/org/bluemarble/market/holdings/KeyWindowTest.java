package org.bluemarble.market.holdings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.bluemarble.market.MarketError;
import org.junit.jupiter.api.Test;

class KeyWindowTest {

  @Test
  void forgetsTheOldestKeysBeyondItsCapacity() {
    KeyWindow w = new KeyWindow(3);
    for (int i = 0; i < 5; i++) {
      assertThat(w.remember(new KeyWindow.Entry("k" + i, null, null))).isTrue();
    }
    assertThat(w.size()).isEqualTo(3);
    assertThat(w.get("k0")).isNull();
    assertThat(w.get("k1")).isNull();
    assertThat(w.entries()).extracting(KeyWindow.Entry::key).containsExactly("k2", "k3", "k4");
  }

  @Test
  void theFirstOutcomeOfAKeyWins() {
    KeyWindow w = new KeyWindow(10);
    w.remember(new KeyWindow.Entry("k", MarketError.INSUFFICIENT_FUNDS, "poor"));
    assertThat(w.remember(new KeyWindow.Entry("k", null, null))).isFalse();
    assertThat(w.get("k").error()).isEqualTo(MarketError.INSUFFICIENT_FUNDS);
  }

  @Test
  void keepsKeysYoungerThanTheRetentionBeyondItsCapacity() {
    KeyWindow w = new KeyWindow(3, Duration.ofHours(1), 1_000);
    Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
    for (int i = 0; i < 10; i++) {
      w.remember(new KeyWindow.Entry("k" + i, null, null, t0.plusSeconds(i)));
    }
    assertThat(w.size()).isEqualTo(10);
    assertThat(w.get("k0")).isNotNull();

    // Two hours later the old keys go, down to the capacity (the newest three stay).
    w.remember(new KeyWindow.Entry("late", null, null, t0.plus(Duration.ofHours(2))));
    assertThat(w.entries()).extracting(KeyWindow.Entry::key).containsExactly("k8", "k9", "late");
  }

  @Test
  void theHardCapBoundsTheWindowWhateverTheAge() {
    KeyWindow w = new KeyWindow(2, Duration.ofDays(1), 4);
    Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
    for (int i = 0; i < 6; i++) {
      w.remember(new KeyWindow.Entry("k" + i, null, null, t0));
    }
    assertThat(w.entries())
        .extracting(KeyWindow.Entry::key)
        .containsExactly("k2", "k3", "k4", "k5");
  }
}
