package org.bluemarble.stream;

import com.typesafe.config.Config;
import java.time.Duration;
import java.util.regex.Pattern;
import org.bluemarble.config.SettingsException;
import org.bluemarble.config.SettingsReader;

/**
 * The event stream's settings, read once from {@code bluemarble.stream} (reference.conf).
 *
 * @param kafkaEnabled whether every journal event is published to Kafka
 * @param bootstrapServers the brokers, {@code host:port[,host:port...]}; non-empty while enabled
 * @param topicPrefix put in front of every {@link Domain#topic()}
 * @param poolSize connections of the projections' own pool
 * @param experiments the A/B experiments whose variants account events carry
 * @param analyticsEnabled whether the daily analytics counters are kept
 * @param sessionGap checkpoints of a character at most this far apart belong to one session
 */
public record StreamSettings(
    boolean kafkaEnabled,
    String bootstrapServers,
    String topicPrefix,
    int poolSize,
    Experiments experiments,
    boolean analyticsEnabled,
    Duration sessionGap) {
  private static final Pattern TOPIC_PREFIX = Pattern.compile("[A-Za-z0-9._-]*");

  public static StreamSettings fromConfig(Config config) {
    SettingsReader r = new SettingsReader(config);
    boolean enabled = r.bool("bluemarble.stream.kafka.enabled");
    String servers = r.stringOrEmpty("bluemarble.stream.kafka.bootstrap-servers").trim();
    if (enabled && servers.isEmpty()) {
      throw SettingsException.invalid(
          "bluemarble.stream.kafka.bootstrap-servers",
          servers,
          "the Kafka brokers as host:port[,host:port...] (BLUEMARBLE_KAFKA_BOOTSTRAP_SERVERS) while"
              + " bluemarble.stream.kafka.enabled is on");
    }
    String prefix = r.stringOrEmpty("bluemarble.stream.kafka.topic-prefix");
    if (!TOPIC_PREFIX.matcher(prefix).matches()) {
      throw SettingsException.invalid(
          "bluemarble.stream.kafka.topic-prefix", prefix, "letters, digits, '.', '_' and '-'");
    }
    return new StreamSettings(
        enabled,
        servers,
        prefix,
        r.intIn("bluemarble.stream.pool-size", 1, 32),
        Experiments.fromConfig(config),
        r.bool("bluemarble.stream.analytics.enabled"),
        r.duration(
            "bluemarble.stream.analytics.session-gap",
            Duration.ofSeconds(20),
            Duration.ofHours(1)));
  }

  /** The topic of {@code domain}'s events. */
  public String topic(Domain domain) {
    return topicPrefix + domain.topic();
  }
}
