package org.bluemarble.replay;

import com.typesafe.config.Config;
import java.time.Duration;
import org.bluemarble.config.SettingsException;

/**
 * {@code bluemarble.journal-service}: the gRPC journal service's port (0: not served) and how often
 * a live tail polls the journal.
 */
public record JournalServiceSettings(int port, Duration pollInterval) {
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
    return new JournalServiceSettings(port, poll);
  }
}
