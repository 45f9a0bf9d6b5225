package org.bluemarble.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.bluemarble.config.SettingsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TLS of the gRPC journal service: off by default, the HTTPS keystore unless its own is set. */
class JournalServiceSettingsTest {
  @TempDir Path dir;

  private static Config config(Map<String, Object> values) {
    return ConfigFactory.parseMap(values).withFallback(ConfigFactory.defaultReference()).resolve();
  }

  @Test
  void tlsIsOffUnlessEnabled() {
    assertThat(
            JournalServiceSettings.fromConfig(config(Map.of("bluemarble.journal-service.port", 9)))
                .tls())
        .isEmpty();
  }

  @Test
  void tlsUsesTheHttpsKeystoreUnlessItsOwnIsSet() throws Exception {
    Path edge = Files.writeString(dir.resolve("edge.p12"), "x");
    Path own = Files.writeString(dir.resolve("grpc.p12"), "x");
    Map<String, Object> values = new HashMap<>();
    values.put("bluemarble.journal-service.port", 9);
    values.put("bluemarble.journal-service.tls.enabled", true);
    values.put("bluemarble.edge.tls.keystore", edge.toString());
    values.put("bluemarble.edge.tls.keystore-password", "edge-pw");
    assertThat(JournalServiceSettings.fromConfig(config(values)).tls().orElseThrow())
        .satisfies(
            t -> {
              assertThat(t.keystore()).isEqualTo(edge);
              assertThat(t.password()).isEqualTo("edge-pw");
            });
    values.put("bluemarble.journal-service.tls.keystore", own.toString());
    values.put("bluemarble.journal-service.tls.keystore-password", "own-pw");
    assertThat(JournalServiceSettings.fromConfig(config(values)).tls().orElseThrow())
        .satisfies(
            t -> {
              assertThat(t.keystore()).isEqualTo(own);
              assertThat(t.password()).isEqualTo("own-pw");
            });
  }

  @Test
  void tlsWithoutAKeystoreIsRefusedByName() {
    assertThatThrownBy(
            () ->
                JournalServiceSettings.fromConfig(
                    config(
                        Map.of(
                            "bluemarble.journal-service.port",
                            9,
                            "bluemarble.journal-service.tls.enabled",
                            true))))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("bluemarble.journal-service.tls.keystore");
  }
}
