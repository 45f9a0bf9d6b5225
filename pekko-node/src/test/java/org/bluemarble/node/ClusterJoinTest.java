package org.bluemarble.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.util.Map;
import org.bluemarble.config.ConfigLoader;
import org.bluemarble.config.Profile;
import org.bluemarble.config.SettingsException;
import org.junit.jupiter.api.Test;

/** Which way a node joins its cluster, and the app-version rolling updates rely on. */
class ClusterJoinTest {

  @Test
  void embeddedJoinsThroughSeedNodesAndKubernetesThroughTheKubernetesApi() {
    assertThat(ClusterJoin.fromConfig(ConfigLoader.load(Profile.EMBEDDED)).discovery())
        .isEqualTo(ClusterJoin.Discovery.SEED_NODES);
    Config k8s =
        ConfigLoader.load(
            Profile.KUBERNETES,
            ConfigFactory.parseMap(
                Map.of(
                    "BLUEMARBLE_ADVERTISED_HOST", "10.0.0.7",
                    "BLUEMARBLE_PG_URL", "jdbc:postgresql://db:5432/bluemarble",
                    "BLUEMARBLE_PG_USER", "game",
                    "BLUEMARBLE_PG_PASSWORD", "secret",
                    "BLUEMARBLE_MONGODB_URI", "mongodb://terrain:27017",
                    "BLUEMARBLE_PAYMENTS_SECRET", "placeholder",
                    "BLUEMARBLE_REDIS_URL", "redis://redis:6379",
                    "BLUEMARBLE_SIGNING_KEY_FILE", "/etc/bluemarble/signing/signing-key.pem",
                    "BLUEMARBLE_UDP_KEY", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=")));
    assertThat(ClusterJoin.fromConfig(k8s).discovery())
        .isEqualTo(ClusterJoin.Discovery.KUBERNETES_API);
    assertThat(k8s.getStringList("bluemarble.node.seed-nodes")).isEmpty();
    assertThat(
            k8s.getString(
                "pekko.management.cluster.bootstrap.contact-point-discovery.discovery-method"))
        .isEqualTo("kubernetes-api");
  }

  @Test
  void appVersionComesFromTheSettingElseFromTheBuild() {
    Config embedded = ConfigLoader.load(Profile.EMBEDDED);
    ClusterJoin fromBuild = ClusterJoin.fromConfig(embedded);
    assertThat(fromBuild.withAppVersion(embedded, "1.4.0").getString("pekko.cluster.app-version"))
        .isEqualTo("1.4.0");
    assertThat(fromBuild.withAppVersion(embedded, "dev").getString("pekko.cluster.app-version"))
        .isEqualTo(embedded.getString("pekko.cluster.app-version"));
    Config set =
        ConfigLoader.load(
            Profile.EMBEDDED, ConfigFactory.parseMap(Map.of("BLUEMARBLE_APP_VERSION", "2.0.1")));
    assertThat(
            ClusterJoin.fromConfig(set)
                .withAppVersion(set, "1.4.0")
                .getString("pekko.cluster.app-version"))
        .isEqualTo("2.0.1");
  }

  @Test
  void unknownDiscoveryNamesTheKey() {
    Config bad =
        ConfigLoader.load(
            Profile.EMBEDDED,
            ConfigFactory.parseMap(Map.of("bluemarble.cluster.discovery", "dns")));
    assertThatThrownBy(() -> ClusterJoin.fromConfig(bad))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("bluemarble.cluster.discovery");
  }
}
