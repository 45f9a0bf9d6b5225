package org.bluemarble.config;

import com.typesafe.config.Config;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * The game edges (WebSocket {@code /ws}, UDP) and player sessions, read once from {@code
 * bluemarble.edge} and {@code bluemarble.node.udp-port}.
 *
 * @param udpEnabled whether the UDP edge listens
 * @param udpPort UDP port, 0 = a free port (tests)
 * @param udpPublicHost host clients use to reach the UDP port (in connect tokens); empty = the
 *     node's advertised host
 * @param udpKey the 32-byte connect-token key shared by all nodes; empty = generate one per node
 *     (embedded, single node only)
 * @param udpTokenLifetime how long a connect token may be used to connect
 * @param udpConnectionTimeout a UDP connection silent this long is closed
 * @param udpMaxConnections UDP connections accepted at once
 * @param wsMaxFrameBytes largest accepted WebSocket message (and decoded envelope)
 * @param wsOutboundQueue messages queued per WebSocket connection
 * @param wsIdleTimeout a WebSocket connection sending nothing for this long is closed
 * @param maxBadFrames undecodable frames tolerated per connection before it is closed
 * @param snapshotBudgetBytes payload budget of one snapshot
 * @param gracePeriod how long a character stays in the world after its connection dropped
 * @param watchdog re-enter from the checkpoint when the cell sends no snapshot for this long
 */
public record EdgeSettings(
    boolean udpEnabled,
    int udpPort,
    String udpPublicHost,
    Optional<byte[]> udpKey,
    Duration udpTokenLifetime,
    Duration udpConnectionTimeout,
    int udpMaxConnections,
    int wsMaxFrameBytes,
    int wsOutboundQueue,
    Duration wsIdleTimeout,
    int maxBadFrames,
    int snapshotBudgetBytes,
    Duration gracePeriod,
    Duration watchdog) {

  /** Reads and validates; a bad value is a {@link SettingsException} naming the key. */
  public static EdgeSettings fromConfig(Config config) {
    SettingsReader r = new SettingsReader(config);
    return new EdgeSettings(
        r.bool("bluemarble.edge.udp.enabled"),
        r.intIn("bluemarble.node.udp-port", 0, 65_535),
        r.stringOrEmpty("bluemarble.edge.udp.public-host").trim(),
        key(r.stringOrEmpty("bluemarble.edge.udp.key").trim()),
        r.duration(
            "bluemarble.edge.udp.token-lifetime", Duration.ofSeconds(1), Duration.ofHours(1)),
        r.duration(
            "bluemarble.edge.udp.connection-timeout",
            Duration.ofSeconds(1),
            Duration.ofMinutes(10)),
        r.intIn("bluemarble.edge.udp.max-connections", 1, 1_000_000),
        r.intIn("bluemarble.edge.ws.max-frame-bytes", 1_024, 16 * 1024 * 1024),
        r.intIn("bluemarble.edge.ws.outbound-queue", 8, 65_536),
        r.duration("bluemarble.edge.ws.idle-timeout", Duration.ofSeconds(1), Duration.ofHours(1)),
        r.intIn("bluemarble.edge.max-bad-frames", 0, 1_000_000),
        r.intIn("bluemarble.edge.snapshot-budget-bytes", 16, 60_000),
        r.duration("bluemarble.edge.grace-period", Duration.ZERO, Duration.ofHours(1)),
        r.duration("bluemarble.edge.watchdog", Duration.ofSeconds(1), Duration.ofMinutes(5)));
  }

  private static Optional<byte[]> key(String base64) {
    if (base64.isEmpty()) {
      return Optional.empty();
    }
    byte[] key;
    try {
      key = Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw SettingsException.invalid("bluemarble.edge.udp.key", "(hidden)", "base64 of 32 bytes");
    }
    if (key.length != 32) {
      throw SettingsException.invalid(
          "bluemarble.edge.udp.key", key.length + " bytes", "base64 of exactly 32 bytes");
    }
    return Optional.of(key);
  }
}
