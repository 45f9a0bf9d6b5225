package org.bluemarble.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bluemarble.node.testing.FreePorts;
import org.bluemarble.node.testing.NodeProcess;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A node with a bad setting exits non-zero at once with one line naming the key: never a stack
 * trace wall.
 */
class BadConfigurationIT {

  static List<Arguments> badSettings() {
    return List.of(
        Arguments.of(Map.of("BLUEMARBLE_HTTP_PORT", "70000"), "bluemarble.node.http-port", "70000"),
        Arguments.of(
            Map.of("BLUEMARBLE_REMOTE_PORT", "port"), "bluemarble.node.remote-port", "port"),
        Arguments.of(Map.of("BLUEMARBLE_PROFILE", "staging"), "bluemarble.profile", "staging"),
        Arguments.of(
            Map.of("BLUEMARBLE_PROFILE", "production"),
            "missing required environment variable BLUEMARBLE_",
            "BLUEMARBLE_"),
        Arguments.of(
            Map.of("BLUEMARBLE_PROFILE", "local1", "BLUEMARBLE_PG_URL", "postgres//db"),
            "bluemarble.persistence.url",
            "postgres//db"),
        Arguments.of(
            Map.of("BLUEMARBLE_SEED_NODES", "only-a-host"),
            "bluemarble.node.seed-nodes",
            "only-a-host"),
        Arguments.of(Map.of("BLUEMARBLE_LOG_FORMAT", "xml"), "bluemarble.logging.format", "xml"));
  }

  @TempDir Path dataDir;

  @ParameterizedTest
  @MethodSource("badSettings")
  void exitsNonZeroWithOneLineNamingTheKey(Map<String, String> bad, String key, String value)
      throws Exception {
    Map<String, String> env = new HashMap<>(bad);
    env.put("BLUEMARBLE_DATA_DIR", dataDir.toString());
    try (NodeProcess node =
        NodeProcess.launch("bad-config", env, List.of(), 0, 0, FreePorts.next())) {
      int exit = node.awaitExit(Duration.ofSeconds(60));
      String output = node.output().strip();
      assertThat(exit).as(output).isEqualTo(2);
      assertThat(output.lines()).as(output).hasSize(1);
      assertThat(output).startsWith("bluemarble-node: ").contains(key).contains(value);
    }
  }
}
