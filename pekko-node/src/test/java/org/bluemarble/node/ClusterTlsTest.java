package org.bluemarble.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;
import org.bluemarble.config.BlueMarbleSettings;
import org.bluemarble.config.ConfigLoader;
import org.bluemarble.config.Profile;
import org.bluemarble.node.testing.FreePorts;
import org.bluemarble.testing.SelfSignedKeystore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Artery over TLS with mutual authentication, configured the way docs/operations.md tells an
 * operator (keys made with {@code keytool}, passed through bluemarble.cluster.tls): two nodes
 * holding the cluster's key form a cluster; a node with a key the cluster does not trust cannot
 * join.
 */
@Tag("slow")
class ClusterTlsTest {

  private static final String PASSWORD = "test-store-password";

  @TempDir Path dir;
  private final List<ActorSystem<Void>> systems = new ArrayList<>();

  @AfterEach
  void stop() throws Exception {
    for (ActorSystem<Void> s : systems) {
      s.terminate();
    }
    for (ActorSystem<Void> s : systems) {
      s.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }

  private static void keytool(String... args) throws Exception {
    SelfSignedKeystore.keytool(args);
  }

  /** A key store with a fresh self-signed key, and a trust store holding its certificate. */
  private Path[] keyPair(String name) throws Exception {
    Path keyStore = dir.resolve(name + "-key.p12");
    Path cert = dir.resolve(name + ".crt");
    Path trustStore = dir.resolve(name + "-trust.p12");
    keytool(
        "-genkeypair",
        "-alias",
        name,
        "-keyalg",
        "EC",
        "-groupname",
        "secp256r1",
        "-dname",
        "CN=" + name,
        "-validity",
        "2",
        "-storetype",
        "PKCS12",
        "-keystore",
        keyStore.toString(),
        "-storepass",
        PASSWORD,
        "-keypass",
        PASSWORD);
    keytool(
        "-exportcert",
        "-alias",
        name,
        "-keystore",
        keyStore.toString(),
        "-storepass",
        PASSWORD,
        "-file",
        cert.toString());
    keytool(
        "-importcert",
        "-noprompt",
        "-alias",
        name,
        "-file",
        cert.toString(),
        "-storetype",
        "PKCS12",
        "-keystore",
        trustStore.toString(),
        "-storepass",
        PASSWORD);
    return new Path[] {keyStore, trustStore};
  }

  private ActorSystem<Void> node(Path keyStore, Path trustStore) {
    Map<String, Object> m = new HashMap<>();
    m.put("bluemarble.node.remote-port", FreePorts.next());
    m.put("bluemarble.node.http-port", FreePorts.next());
    m.put("bluemarble.node.management-port", FreePorts.next());
    m.put("bluemarble.cluster.transport", "tls-tcp");
    m.put("bluemarble.cluster.tls.key-store", keyStore.toString());
    m.put("bluemarble.cluster.tls.key-store-password", PASSWORD);
    m.put("bluemarble.cluster.tls.trust-store", trustStore.toString());
    m.put("bluemarble.cluster.tls.trust-store-password", PASSWORD);
    m.put("pekko.coordinated-shutdown.exit-jvm", "off");
    BlueMarbleSettings settings =
        BlueMarbleSettings.fromConfig(
            ConfigLoader.load(Profile.EMBEDDED, ConfigFactory.parseMap(m)));
    assertThat(settings.remoting().tls()).isTrue();
    ActorSystem<Void> system =
        ActorSystem.create(Behaviors.empty(), "BlueMarble", settings.config());
    systems.add(system);
    return system;
  }

  private static long upMembers(ActorSystem<Void> system) {
    var members = Cluster.get(system).state().getMembers();
    long up = 0;
    for (var m : members) {
      if (m.status() == MemberStatus.up()) {
        up++;
      }
    }
    return up;
  }

  @Test
  void nodesSharingTheClusterKeyJoinAndAnUntrustedNodeCannot() throws Exception {
    Path[] cluster = keyPair("cluster");
    ActorSystem<Void> first = node(cluster[0], cluster[1]);
    ActorSystem<Void> second = node(cluster[0], cluster[1]);
    var firstAddress = Cluster.get(first).selfMember().address();
    Cluster.get(first).manager().tell(Join.create(firstAddress));
    Cluster.get(second).manager().tell(Join.create(firstAddress));
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> upMembers(first) == 2 && upMembers(second) == 2);

    // A stranger with its own key: it trusts the cluster's certificate, but the cluster's trust
    // store does not hold the stranger's, so the cluster refuses its TLS handshakes (mutual
    // authentication).
    Path[] stranger = keyPair("stranger");
    keytool(
        "-importcert",
        "-noprompt",
        "-alias",
        "cluster",
        "-file",
        dir.resolve("cluster.crt").toString(),
        "-storetype",
        "PKCS12",
        "-keystore",
        stranger[1].toString(),
        "-storepass",
        PASSWORD);
    ActorSystem<Void> intruder = node(stranger[0], stranger[1]);
    Cluster.get(intruder).manager().tell(Join.create(firstAddress));
    await()
        .during(Duration.ofSeconds(8))
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(250))
        .until(
            () ->
                Cluster.get(first).state().getMembers().spliterator().getExactSizeIfKnown() == 2
                    && upMembers(intruder) == 0);
    assertThat(upMembers(first)).isEqualTo(2);
  }
}
