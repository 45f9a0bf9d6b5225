package org.bluemarble.config;

import com.typesafe.config.Config;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Where this node listens and whom it joins. Read once at start from {@code bluemarble.node} and
 * {@code bluemarble.cluster}.
 *
 * @param seedNodes Artery addresses of the seed nodes; empty means "join myself" (a one-node
 *     cluster)
 */
public record NodeSettings(
    Profile profile,
    String bindHost,
    String advertisedHost,
    int httpPort,
    int managementPort,
    int remotePort,
    List<HostPort> seedNodes,
    Path dataDir,
    Duration stableAfter,
    Duration askTimeout) {

  public static NodeSettings fromConfig(Config config) {
    SettingsReader r = new SettingsReader(config);
    Profile profile = Profile.fromName(r.string("bluemarble.profile"));
    String bindHost = r.string("bluemarble.node.bind-host");
    String advertised = r.string("bluemarble.node.advertised-host");
    if (advertised.equals("0.0.0.0") || advertised.equals("::")) {
      throw SettingsException.invalid(
          "bluemarble.node.advertised-host",
          advertised,
          "a host name or address other nodes can reach (not a wildcard address)");
    }
    int http = r.port("bluemarble.node.http-port");
    int management = r.port("bluemarble.node.management-port");
    int remote = r.port("bluemarble.node.remote-port");
    List<HostPort> seeds =
        r.stringList("bluemarble.node.seed-nodes").stream()
            .map(s -> HostPort.parse("bluemarble.node.seed-nodes", s))
            .toList();
    String dir = r.string("bluemarble.node.data-dir");
    Path dataDir;
    try {
      dataDir = Path.of(dir);
    } catch (InvalidPathException e) {
      throw SettingsException.invalid("bluemarble.node.data-dir", dir, "a directory path");
    }
    Duration stableAfter =
        r.duration("bluemarble.cluster.stable-after", Duration.ofSeconds(1), Duration.ofMinutes(5));
    r.intIn("bluemarble.cluster.number-of-shards", 1, 100_000);
    r.duration(
        "bluemarble.cluster.acceptable-heartbeat-pause",
        Duration.ofSeconds(1),
        Duration.ofSeconds(60));
    r.duration("bluemarble.cluster.removal-margin", Duration.ofMillis(500), Duration.ofMinutes(5));
    Duration askTimeout =
        r.duration("bluemarble.node.ask-timeout", Duration.ofMillis(100), Duration.ofMinutes(2));
    if (http == management || http == remote || management == remote) {
      throw SettingsException.invalid(
          "bluemarble.node.http-port",
          http + "/" + management + "/" + remote,
          "distinct http, management and remote ports");
    }
    return new NodeSettings(
        profile,
        bindHost,
        advertised,
        http,
        management,
        remote,
        seeds,
        dataDir,
        stableAfter,
        askTimeout);
  }

  /**
   * True when every listener is on a loopback address, i.e. only this machine can reach the node.
   */
  public boolean loopbackOnly() {
    return bindHost.equals("localhost") || bindHost.startsWith("127.") || bindHost.equals("::1");
  }
}
