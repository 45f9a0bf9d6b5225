package org.bluemarble.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Start-up work tried again with a doubling wait, each failure logged, the last one thrown. */
class StartRetryTest {
  private final Logger log = (Logger) LoggerFactory.getLogger(StartRetryTest.class);
  private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
  private final List<Duration> waits = new ArrayList<>();

  @BeforeEach
  void capture() {
    lines.start();
    log.addAppender(lines);
  }

  @AfterEach
  void release() {
    log.detachAppender(lines);
  }

  @Test
  void aFailureIsLoggedAndTriedAgainAfterADoublingWait() {
    AtomicInteger calls = new AtomicInteger();
    StartRetry retry = new StartRetry(5, Duration.ofSeconds(1), waits::add, log);

    String planet =
        retry.run(
            "loading the world planet",
            () -> {
              if (calls.incrementAndGet() < 3) {
                throw new IllegalStateException("Connection is not available, request timed out");
              }
              return "planet";
            });

    assertThat(planet).isEqualTo("planet");
    assertThat(calls).hasValue(3);
    assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    assertThat(lines.list)
        .extracting(ILoggingEvent::getFormattedMessage)
        .containsExactly(
            "loading the world planet failed (attempt 1 of 5): Connection is not available,"
                + " request timed out; trying again in 1000 ms",
            "loading the world planet failed (attempt 2 of 5): Connection is not available,"
                + " request timed out; trying again in 2000 ms");
  }

  @Test
  void theLastFailureEndsTheStartNamingWhatFailedAndHowOften() {
    StartRetry retry = new StartRetry(3, Duration.ofMillis(100), waits::add, log);

    assertThatThrownBy(
            () ->
                retry.run(
                    "loading the world planet",
                    () -> {
                      throw new IllegalStateException("database file locked");
                    }))
        .isInstanceOf(StartupException.class)
        .hasMessage("loading the world planet failed 3 time(s), giving up: database file locked");
    assertThat(waits).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
  }

  @Test
  void theWaitStopsGrowingAtThirtySeconds() {
    StartRetry retry = new StartRetry(5, Duration.ofSeconds(20), waits::add, log);

    assertThatThrownBy(
            () ->
                retry.run(
                    "storing the world planet",
                    () -> {
                      throw new IllegalStateException("down");
                    }))
        .isInstanceOf(StartupException.class);
    assertThat(waits)
        .containsExactly(
            Duration.ofSeconds(20),
            Duration.ofSeconds(30),
            Duration.ofSeconds(30),
            Duration.ofSeconds(30));
  }

  @Test
  void atLeastOneAttempt() {
    assertThatThrownBy(() -> new StartRetry(0, Duration.ofSeconds(1), waits::add, log))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
