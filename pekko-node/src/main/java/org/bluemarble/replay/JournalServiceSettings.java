package org.bluemarble.replay;

import com.typesafe.config.Config;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.bluemarble.config.SettingsException;
import org.bluemarble.edge.EdgeTls;

/**
 * {@code bluemarble.journal-service}: the gRPC journal service's port (0: not served), how often a
 * live tail polls the journal, and its TLS (the node's PKCS12 keystore, by default the one of
 * HTTPS/WSS; empty when TLS is off).
 */
public record JournalServiceSettings(int port, Duration pollInterval, Optional<EdgeTls> tls) {
  public JournalServiceSettings(int port, Duration pollInterval) {
    this(port, pollInterval, Optional.empty());
  }

  public boolean enabled() {
    return port != 0;
  }

  public static JournalServiceSettings fromConfig(Config root) {
    Config c = root.getConfig("bluemarble.journal-service");
    int port = c.getInt("port");
    if (port < 0 || port > 65_535) {
      throw new SettingsException(
          "bluemarble.journal-service.port", "must be 0 (off) or 1-65535, was " + port);
    }
    Duration poll = c.getDuration("poll-interval");
    if (poll.compareTo(Duration.ofMillis(10)) < 0 || poll.compareTo(Duration.ofSeconds(10)) > 0) {
      throw new SettingsException(
          "bluemarble.journal-service.poll-interval", "must be 10ms-10s, was " + poll);
    }
    Optional<EdgeTls> tls = Optional.empty();
    if (port != 0 && c.getBoolean("tls.enabled")) {
      // Its own keystore, else the HTTPS/WSS one (read here, so that either may be set anywhere).
      boolean own = !c.getString("tls.keystore").isBlank();
      String file =
          own ? c.getString("tls.keystore") : root.getString("bluemarble.edge.tls.keystore");
      String password =
          own
              ? c.getString("tls.keystore-password")
              : root.getString("bluemarble.edge.tls.keystore-password");
      if (file.isBlank()) {
        throw new SettingsException(
            "bluemarble.journal-service.tls.keystore",
            "bluemarble.journal-service.tls.keystore is empty and so is bluemarble.edge.tls.keystore"
                + " while bluemarble.journal-service.tls.enabled is on: set BLUEMARBLE_GRPC_KEYSTORE"
                + " or BLUEMARBLE_TLS_KEYSTORE, or BLUEMARBLE_GRPC_TLS=off");
      }
      Path path = Path.of(file.trim());
      if (!Files.isReadable(path)) {
        throw new SettingsException(
            "bluemarble.journal-service.tls.keystore",
            "bluemarble.journal-service.tls.keystore: cannot read " + path);
      }
      tls = Optional.of(new EdgeTls(path, password, Duration.ZERO));
    }
    return new JournalServiceSettings(port, poll, tls);
  }
}
