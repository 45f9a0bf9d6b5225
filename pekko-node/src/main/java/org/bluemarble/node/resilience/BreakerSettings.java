package org.bluemarble.node.resilience;

import com.typesafe.config.Config;
import java.time.Duration;
import org.bluemarble.config.SettingsException;

/**
 * The circuit breakers' settings ({@code bluemarble.resilience.breaker}), the architecture's
 * numbers by default: open when at least half of the last 20 calls failed, stay open 30 s, close
 * after 3 successful trial calls.
 *
 * @param failureRate share of failed calls in the window that opens the breaker, (0, 1]
 * @param requestVolume calls in the window; the breaker never opens on fewer, 1-10000
 * @param openFor how long an open breaker refuses calls before it lets trial calls through
 * @param successesToClose consecutive successful trial calls that close it again, 1-1000
 */
public record BreakerSettings(
    double failureRate, int requestVolume, Duration openFor, int successesToClose) {

  /** Reads and validates {@code bluemarble.resilience.breaker}. */
  public static BreakerSettings fromConfig(Config config) {
    String p = "bluemarble.resilience.breaker.";
    double rate = config.getDouble(p + "failure-rate");
    if (!(rate > 0 && rate <= 1)) {
      throw SettingsException.invalid(p + "failure-rate", rate, "(0, 1]");
    }
    int volume = config.getInt(p + "request-volume");
    if (volume < 1 || volume > 10_000) {
      throw SettingsException.invalid(p + "request-volume", volume, "1-10000");
    }
    Duration open = config.getDuration(p + "open-for");
    if (open.isNegative() || open.isZero() || open.compareTo(Duration.ofHours(1)) > 0) {
      throw SettingsException.invalid(p + "open-for", open, "(0s, 1h]");
    }
    int successes = config.getInt(p + "successes-to-close");
    if (successes < 1 || successes > 1000) {
      throw SettingsException.invalid(p + "successes-to-close", successes, "1-1000");
    }
    return new BreakerSettings(rate, volume, open, successes);
  }
}
