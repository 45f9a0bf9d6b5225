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

/**
 * The zone's metrics reach Prometheus' exposition format with help text and the right types, and
 * {@code promtool check metrics} (Debian package {@code prometheus}, when installed) finds nothing
 * to say about our names.
 */
class CellMetricsTest {

  @Test
  void exposesTickPopulationAndDropMetricsWithHelpAndType() throws Exception {
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
    try {
      long before = CellMetrics.playersOnline();
      CellMetrics a = new CellMetrics(60);
      CellMetrics b = new CellMetrics(60);
      a.ticked(60, 2_000_000, 12, 4);
      b.ticked(60, 30_000_000, 3, 1); // over the 16.7 ms period
      a.dropped(5);
      assertThat(CellMetrics.playersOnline() - before).isEqualTo(15);
      a.ticked(61, 1_000_000, 10, 4);
      b.stopped();
      assertThat(CellMetrics.playersOnline() - before).isEqualTo(10);

      String[] text = {""};
      await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(250))
          .until(
              () -> {
                text[0] = scrape(port);
                // Counters are node-wide: other tests in this JVM may have added to them.
                return value(text[0], "bluemarble_zone_input_dropped_total") >= 5
                    && value(text[0], "bluemarble_zone_tick_overruns_total") >= 1
                    && value(text[0], "bluemarble_zone_cell_players_count") >= 2;
              });
      String metrics = text[0];
      assertThat(metrics)
          .contains("# TYPE bluemarble_zone_tick_duration_seconds histogram")
          .contains("# HELP bluemarble_zone_tick_duration_seconds Wall time of one zone-cell")
          .contains("# TYPE bluemarble_zone_tick_overruns_total counter")
          .contains("# TYPE bluemarble_zone_cell_players histogram")
          .contains("# HELP bluemarble_zone_cell_players Players in one active zone cell")
          .contains("# TYPE bluemarble_zone_cell_creatures histogram")
          .contains("# TYPE bluemarble_players_online gauge")
          .contains("# HELP bluemarble_players_online Players in the zone cells");
      promtoolFindsNothingAboutOurNames(metrics);
    } finally {
      FutureConverters.asJava(Kamon.stop()).toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }

  /** The value of an unlabelled sample, -1 when absent. */
  private static double value(String exposition, String name) {
    return exposition
        .lines()
        .filter(l -> l.startsWith(name + " "))
        .mapToDouble(l -> Double.parseDouble(l.substring(name.length() + 1).trim()))
        .findFirst()
        .orElse(-1);
  }
}
