package org.bluemarble.node;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigValueFactory;
import java.util.List;
import org.apache.pekko.actor.Address;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;
import org.apache.pekko.cluster.typed.JoinSeedNodes;
import org.apache.pekko.management.cluster.bootstrap.ClusterBootstrap;
import org.bluemarble.config.HostPort;
import org.bluemarble.config.SettingsException;

/**
 * How this node joins its cluster ({@code bluemarble.cluster.discovery}): a seed-node list (local
 * clusters, an empty list joins itself), or Pekko Cluster Bootstrap with Kubernetes API discovery
 * (the {@code kubernetes} profile), which needs Pekko Management started first.
 *
 * @param discovery the method
 * @param appVersion {@code bluemarble.cluster.app-version}, empty for the jar's version
 */
record ClusterJoin(Discovery discovery, String appVersion) {
  /** The ways a node finds its cluster. */
  enum Discovery {
    SEED_NODES,
    KUBERNETES_API
  }

  /** Reads {@code bluemarble.cluster}; fails naming the key on an unknown method. */
  static ClusterJoin fromConfig(Config config) {
    String method = config.getString("bluemarble.cluster.discovery");
    Discovery discovery =
        switch (method) {
          case "seed-nodes" -> Discovery.SEED_NODES;
          case "kubernetes-api" -> Discovery.KUBERNETES_API;
          default ->
              throw SettingsException.invalid(
                  "bluemarble.cluster.discovery", method, "seed-nodes or kubernetes-api");
        };
    return new ClusterJoin(discovery, config.getString("bluemarble.cluster.app-version").trim());
  }

  /**
   * The configuration with {@code pekko.cluster.app-version} set from the setting, else from the
   * build's version ({@code "dev"}, from classes, leaves Pekko's default).
   */
  Config withAppVersion(Config config, String buildVersion) {
    String version = appVersion.isEmpty() ? buildVersion : appVersion;
    if (version.isEmpty() || "dev".equals(version)) {
      return config;
    }
    return config.withValue("pekko.cluster.app-version", ConfigValueFactory.fromAnyRef(version));
  }

  /** Joins the seed nodes (empty: itself) now; call {@link #bootstrap} after management starts. */
  void joinSeeds(ActorSystem<?> system, List<HostPort> seeds) {
    if (discovery != Discovery.SEED_NODES) {
      return;
    }
    Cluster cluster = Cluster.get(system);
    if (seeds.isEmpty()) {
      cluster.manager().tell(Join.create(cluster.selfMember().address()));
      return;
    }
    List<Address> addresses =
        seeds.stream().map(s -> new Address("pekko", system.name(), s.host(), s.port())).toList();
    cluster.manager().tell(new JoinSeedNodes(addresses));
  }

  /** Starts Cluster Bootstrap when discovery is through the Kubernetes API. */
  void bootstrap(ActorSystem<?> system) {
    if (discovery == Discovery.KUBERNETES_API) {
      ClusterBootstrap.get(Adapter.toClassic(system)).start();
    }
  }
}
