package org.bluemarble.market.entity;

import static org.assertj.core.api.Assertions.assertThat;

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
}
