package org.bluemarble.config;

import com.typesafe.config.Config;

/**
 * Metrics and log output, read once from {@code bluemarble.metrics} and {@code bluemarble.logging}.
 */
public record MetricsSettings(boolean enabled, int port, boolean jsonLogs) {

  public static MetricsSettings fromConfig(Config config) {
    SettingsReader r = new SettingsReader(config);
    String format = r.string("bluemarble.logging.format");
    if (!format.equals("text") && !format.equals("json")) {
      throw SettingsException.invalid("bluemarble.logging.format", format, "text or json");
    }
    return new MetricsSettings(
        r.bool("bluemarble.metrics.enabled"),
        r.port("bluemarble.metrics.port"),
        format.equals("json"));
  }
}
