package org.bluemarble.node;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * {@code bluemarble.health}, read once at start.
 *
 * @param journalCheckCache how long one journal check answers {@code /health} (0s-60s; 0s: every
 *     request checks)
 */
record HealthSettings(Duration journalCheckCache) {
  static final Duration MAX_CACHE = Duration.ofSeconds(60);

  HealthSettings {
    if (journalCheckCache.isNegative() || journalCheckCache.compareTo(MAX_CACHE) > 0) {
      throw new IllegalArgumentException(
          "invalid setting bluemarble.health.journal-check-cache = "
              + journalCheckCache
              + ": expected between 0s and "
              + MAX_CACHE);
    }
  }

  static HealthSettings fromConfig(Config config) {
    return new HealthSettings(config.getDuration("bluemarble.health.journal-check-cache"));
  }
}
