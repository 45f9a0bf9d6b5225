package org.bluemarble.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bluemarble.node.testing.AdminClient;
import org.bluemarble.node.testing.FreePorts;
import org.bluemarble.node.testing.NodeProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded default as a user runs it: the jar, an empty data directory, SIGTERM, and a restart
 * on the same data.
 */
class EmbeddedNodeIT {
  private static final long STOP_BOUND_MILLIS = 15_000;
  private static final Pattern READY = Pattern.compile("node ready: .*, (\\d+) ms after JVM start");

  @TempDir Path dataDir;

  @Test
  void servesOnEmbeddedDefaultsStopsOnSigtermAndKeepsPlayersAcrossARestart() throws Exception {
    Map<String, String> env = Map.of("BLUEMARBLE_DATA_DIR", dataDir.toString());
    Map<String, String> created = new LinkedHashMap<>();

    try (NodeProcess node = NodeProcess.start("embedded-1", env, FreePorts.next())) {
      node.awaitHealthy(Duration.ofSeconds(120));
      JsonNode health = node.admin().health().body();
      assertThat(health.path("checks").path("journal").path("status").asText())
          .isEqualTo("healthy");
      assertThat(health.path("checks").path("cluster").path("status").asText())
          .isEqualTo("healthy");
      System.out.println("start to ready: " + readyMillis(node) + " ms");

      String[] classes = {"Warrior", "Ranger", "Mage", "Healer"};
      for (int i = 0; i < 20; i++) {
        AdminClient.Response r = node.admin().createPlayer("Hero " + i, classes[i % 4]);
        assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(201);
        created.put(r.body().path("id").asText(), "Hero " + i);
      }

      long stopStart = System.nanoTime();
      // Wait well past the bound, so a slow stop fails the assertion below instead of the wait.
      int exit = node.stop(Duration.ofSeconds(60));
      long stopMillis = (System.nanoTime() - stopStart) / 1_000_000;
      System.out.println("SIGTERM to exit: " + stopMillis + " ms");
      assertThat(exit).as(node.output()).isZero();
      // The shard hand-off phase is bounded at 10 s (cluster.conf); a lone node stops well within.
      assertThat(stopMillis).as(node.output()).isLessThan(STOP_BOUND_MILLIS);
    }

    try (NodeProcess again = NodeProcess.start("embedded-2", env, FreePorts.next())) {
      again.awaitHealthy(Duration.ofSeconds(120));
      for (var e : created.entrySet()) {
        AdminClient.Response r = again.admin().player(e.getKey());
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().path("name").asText()).isEqualTo(e.getValue());
        assertThat(r.body().path("revision").asLong()).isEqualTo(1);
      }
      assertThat(again.stop(Duration.ofSeconds(15))).isZero();
    }
  }

  private static long readyMillis(NodeProcess node) {
    Matcher m = READY.matcher(node.output());
    return m.find() ? Long.parseLong(m.group(1)) : -1;
  }
}
