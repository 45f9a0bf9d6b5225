package org.bluemarble.node.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.bluemarble.config.ConfigLoader;
import org.bluemarble.config.Profile;
import org.bluemarble.node.resilience.CircuitBreaker.State;
import org.junit.jupiter.api.Test;

/** The architecture's rule: 50 % of the last 20 calls open it, 30 s open, 3 successes close. */
class CircuitBreakerTest {
  private final AtomicLong now = new AtomicLong();
  private final BreakerSettings settings =
      BreakerSettings.fromConfig(ConfigLoader.load(Profile.EMBEDDED));
  private final CircuitBreaker breaker = new CircuitBreaker("redis", settings, now::get);

  @Test
  void defaultsAreTheArchitecturesNumbers() {
    assertThat(settings).isEqualTo(new BreakerSettings(0.5, 20, Duration.ofSeconds(30), 3));
  }

  @Test
  void staysClosedBelowTheRequestVolumeAndBelowHalfFailing() {
    for (int i = 0; i < 19; i++) {
      breaker.failed();
    }
    assertThat(breaker.state()).isEqualTo(State.CLOSED);
    CircuitBreaker mostlyFine = new CircuitBreaker("redis", settings, now::get);
    for (int i = 0; i < 100; i++) {
      if (i % 3 == 0) {
        mostlyFine.failed();
      } else {
        mostlyFine.succeeded();
      }
    }
    assertThat(mostlyFine.state()).isEqualTo(State.CLOSED);
  }

  @Test
  void opensAtHalfOfTwentyRefusesForThirtySecondsAndClosesAfterThreeTrialSuccesses() {
    for (int i = 0; i < 10; i++) {
      breaker.succeeded();
    }
    for (int i = 0; i < 9; i++) {
      breaker.failed();
    }
    assertThat(breaker.allows()).isTrue();
    breaker.failed(); // 10 of 20
    assertThat(breaker.allows()).isFalse();
    assertThat(breaker.retryAfter()).isEqualTo(Duration.ofSeconds(30));

    now.addAndGet(Duration.ofSeconds(29).toNanos());
    assertThat(breaker.allows()).isFalse();
    now.addAndGet(Duration.ofSeconds(1).toNanos());
    assertThat(breaker.state()).isEqualTo(State.HALF_OPEN);
    breaker.succeeded();
    breaker.failed(); // a failed trial opens it again
    assertThat(breaker.state()).isEqualTo(State.OPEN);

    now.addAndGet(Duration.ofSeconds(30).toNanos());
    assertThat(breaker.allows()).isTrue();
    breaker.succeeded();
    breaker.succeeded();
    assertThat(breaker.state()).isEqualTo(State.HALF_OPEN);
    breaker.succeeded();
    assertThat(breaker.state()).isEqualTo(State.CLOSED);
    // The window starts empty again: one failure does not reopen it.
    breaker.failed();
    assertThat(breaker.state()).isEqualTo(State.CLOSED);
  }

  @Test
  void invalidSettingsNameTheKey() {
    var bad =
        ConfigFactory.parseString("bluemarble.resilience.breaker.failure-rate = 1.5")
            .withFallback(ConfigLoader.load(Profile.EMBEDDED));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> BreakerSettings.fromConfig(bad))
        .hasMessageContaining("bluemarble.resilience.breaker.failure-rate");
  }
}
