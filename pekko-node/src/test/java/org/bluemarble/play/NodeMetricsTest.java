package org.bluemarble.play;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.bluemarble.node.testing.PrometheusScrape.promtoolFindsNothingAboutOurNames;
import static org.bluemarble.node.testing.PrometheusScrape.scrape;

import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import kamon.Kamon;
import org.bluemarble.config.Profile;
import org.bluemarble.node.testing.AdminClient;
import org.bluemarble.node.testing.FreePorts;
import org.bluemarble.node.testing.InProcessNode;
import org.bluemarble.protocol.client.BlueMarbleClient;
import org.bluemarble.protocol.client.ClientListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scala.jdk.javaapi.FutureConverters;

/**
 * The node-level metrics a real node produces while it serves: journal write latency, logins and
 * refusals by reason, HTTP and game-protocol errors by code, economy operations by kind and
 * outcome, snapshot bytes by transport; with help text, the right types, and nothing {@code
 * promtool check metrics} (when installed) objects to in our names.
 */
class NodeMetricsTest {

  @TempDir Path dataDir;

  @Test
  void aServingNodeExposesJournalLoginErrorEconomyAndSnapshotMetrics() throws Exception {
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
    try (InProcessNode node =
        InProcessNode.start(Profile.EMBEDDED, PlayWorld.config(dataDir.toString(), "30s"))) {
      PlayWorld world = new PlayWorld(node);
      AdminClient api = node.client();
      PlayWorld.Player alice = world.newPlayer("metrics_alice");
      AdminClient.Response wrong =
          api.post(
              "/v1/auth/login",
              PlayWorld.JSON.writeValueAsString(
                  Map.of("username", "metrics_alice", "password", "not-the-password")));
      assertThat(wrong.status()).isEqualTo(401);
      AdminClient.Response buy =
          api.call("POST", "/api/marketplace/listings/no-such-listing/buy", "{}", alice.token());
      assertThat(buy.status()).as(String.valueOf(buy.body())).isBetween(400, 499);
      try (BlueMarbleClient ws = world.webSocket(alice, new ClientListener() {})) {
        // Entering with a character that is not hers: answered with a game-protocol Error.
        assertThatThrownBy(() -> ws.enterWorld("not-her-character").get(30, TimeUnit.SECONDS))
            .isInstanceOf(java.util.concurrent.ExecutionException.class);
        ws.enterWorld(alice.playerId()).get(30, TimeUnit.SECONDS);

        String[] text = {""};
        await()
            .atMost(Duration.ofSeconds(60))
            .conditionEvaluationListener(
                c -> {
                  if (!c.isSatisfied() && c.getRemainingTimeInMS() <= 500) {
                    System.err.println(
                        "NodeMetricsTest: last scrape, our series:\n" + ours(text[0]));
                  }
                })
            .pollInterval(Duration.ofMillis(500))
            .until(
                () -> {
                  text[0] = scrape(port);
                  return sum(text[0], "bluemarble_journal_write_seconds_count", "outcome=\"ok\"")
                          > 0
                      && sum(text[0], "bluemarble_logins_total", "") >= 1
                      && sum(
                              text[0],
                              "bluemarble_login_refusals_total",
                              "reason=\"invalid_credentials\"")
                          >= 1
                      && sum(text[0], "bluemarble_errors_sent_total", "channel=\"http\"") >= 1
                      && sum(text[0], "bluemarble_errors_sent_total", "channel=\"game\"") >= 1
                      && sum(text[0], "bluemarble_economy_operations_total", "kind=\"buy\"") >= 1
                      && sum(text[0], "bluemarble_snapshot_bytes_total", "transport=\"websocket\"")
                          > 0
                      // One node: every push of a cell to a session stays on it.
                      && sum(
                              text[0],
                              "bluemarble_zone_session_messages_total",
                              "link=\"same-node\"")
                          > 0;
                });
        String metrics = text[0];
        assertThat(metrics)
            .contains("# TYPE bluemarble_journal_write_seconds histogram")
            .contains("# HELP bluemarble_journal_write_seconds Journal write latency")
            .contains("# TYPE bluemarble_logins_total counter")
            .contains("# TYPE bluemarble_login_refusals_total counter")
            .contains("# TYPE bluemarble_errors_sent_total counter")
            .contains("code=\"INVALID_CREDENTIALS\"")
            .contains("# TYPE bluemarble_economy_operations_total counter")
            .contains("# HELP bluemarble_economy_operations_total Economy operations by kind")
            .contains("# TYPE bluemarble_snapshot_bytes_total counter")
            .contains("# TYPE bluemarble_zone_session_messages_total counter");
        assertThat(sum(metrics, "bluemarble_zone_session_messages_total", "link=\"cross-node\""))
            .isZero();
        // Every series carries all its labels (no half-labelled series of value 0 beside them).
        assertThat(
                metrics
                    .lines()
                    .filter(
                        l ->
                            (l.startsWith("bluemarble_economy_operations_total{")
                                    && !l.contains("outcome="))
                                || (l.startsWith("bluemarble_errors_sent_total{")
                                    && !l.contains("code=")))
                    .toList())
            .isEmpty();
        System.out.println(
            "metrics excerpt:\n"
                + String.join(
                    "\n",
                    metrics
                        .lines()
                        .filter(
                            l ->
                                l.startsWith("bluemarble_journal_write_seconds_count")
                                    || l.startsWith("bluemarble_log")
                                    || l.startsWith("bluemarble_errors_sent")
                                    || l.startsWith("bluemarble_economy")
                                    || l.startsWith("bluemarble_snapshot"))
                        .toList()));
        promtoolFindsNothingAboutOurNames(metrics);
      }
    } finally {
      FutureConverters.asJava(Kamon.stop()).toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }

  /** The sum of the samples of {@code name} whose labels contain {@code label}; 0 when none. */
  private static double sum(String exposition, String name, String label) {
    return exposition
        .lines()
        .filter(l -> l.startsWith(name + "{") || l.startsWith(name + " "))
        .filter(l -> l.contains(label))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1).trim()))
        .sum();
  }

  private static String ours(String scrape) {
    return scrape
        .lines()
        .filter(l -> l.startsWith("bluemarble_") && !l.contains("_bucket"))
        .collect(java.util.stream.Collectors.joining("\n"));
  }
}
