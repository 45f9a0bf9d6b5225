package org.bluemarble.zone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.bluemarble.node.testing.PrometheusScrape.promtoolFindsNothingAboutOurNames;
import static org.bluemarble.node.testing.PrometheusScrape.scrape;

import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import kamon.Kamon;
import org.bluemarble.node.testing.FreePorts;
import org.junit.jupiter.api.Test;
import scala.jdk.javaapi.FutureConverters;

/** The beats the node's {@link CellClock} skips reach Prometheus as a counter per cause. */
class CellClockMetricsTest {
  private static final Duration NEVER = Duration.ofHours(1);

  @Test
  void beatsSkippedBecauseACellWasStillBusyAreCounted() throws Exception {
    int port = FreePorts.next();
    Kamon.initWithoutAttaching(
        ConfigFactory.parseMap(
                Map.of(
                    "kamon.prometheus.embedded-server.hostname",
                    "127.0.0.1",
                    "kamon.prometheus.embedded-server.port",
                    port,
                    "kamon.metric.tick-interval",
                    "1s",
                    "kamon.modules.host-metrics.enabled",
                    false,
                    "kamon.modules.process-metrics.enabled",
                    false,
                    "kamon.modules.jvm-metrics.enabled",
                    false))
            .withFallback(ConfigFactory.load()));
    try (CellClock clock = new CellClock()) {
      // Told beat 1 and never starts it: beats 2 to 4 find it busy.
      CellClock.Subscription busy = clock.subscribe(NEVER, (s, n) -> {});
      for (long beat = 1; beat <= 4; beat++) {
        clock.beatNow(NEVER, beat);
      }
      assertThat(busy.skipped()).isEqualTo(3);

      String[] text = {""};
      await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(250))
          .until(
              () -> {
                text[0] = scrape(port);
                // Node-wide: other tests in this JVM may have added to it.
                return value(text[0], "bluemarble_zone_clock_skipped_total{cause=\"cell-busy\"}")
                    >= 3;
              });
      assertThat(text[0])
          .contains("# TYPE bluemarble_zone_clock_skipped_total counter")
          .contains("# HELP bluemarble_zone_clock_skipped_total Cell-clock beats not told");
      promtoolFindsNothingAboutOurNames(text[0]);
    } finally {
      FutureConverters.asJava(Kamon.stop()).toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }

  /** The value of the sample {@code series} (name and labels as printed), -1 when absent. */
  private static double value(String exposition, String series) {
    return exposition
        .lines()
        .filter(l -> l.startsWith(series + " "))
        .mapToDouble(l -> Double.parseDouble(l.substring(series.length() + 1).trim()))
        .findFirst()
        .orElse(-1);
  }
}
