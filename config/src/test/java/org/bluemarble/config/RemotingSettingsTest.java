package org.bluemarble.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RemotingSettingsTest {

  private static BlueMarbleSettings embedded(Map<String, Object> overrides) {
    return BlueMarbleSettings.fromConfig(
        ConfigLoader.load(Profile.EMBEDDED, ConfigFactory.parseMap(overrides)));
  }

  private static Map<String, Object> bindTo(String host) {
    Map<String, Object> m = new HashMap<>();
    m.put("bluemarble.node.bind-host", host);
    m.put("bluemarble.node.advertised-host", "node-1.internal");
    return m;
  }

  @ParameterizedTest
  @ValueSource(strings = {"8.8.8.8", "0.0.0.0", "203.0.113.7", "::", "2001:db8::1"})
  void plainTcpRefusesToBindOutsideLoopbackAndPrivateAddresses(String host) {
    assertThatThrownBy(() -> embedded(bindTo(host)))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("bluemarble.node.bind-host")
        .hasMessageContaining("BLUEMARBLE_ALLOW_PUBLIC_REMOTING")
        .hasMessageContaining("tls-tcp")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"127.0.0.1", "localhost", "10.1.2.3", "172.16.5.5", "192.168.1.9", "fd00::7"})
  void plainTcpBindsToLoopbackAndPrivateAddresses(String host) {
    BlueMarbleSettings s = embedded(bindTo(host));
    assertThat(s.remoting().tls()).isFalse();
    assertThat(s.config().getString("pekko.remote.artery.transport")).isEqualTo("tcp");
  }

  @Test
  void plainTcpOnAPublicAddressOnlyWhenToldExplicitly() {
    Map<String, Object> m = bindTo("0.0.0.0");
    m.put("bluemarble.cluster.allow-public-remoting", true);
    BlueMarbleSettings s = embedded(m);
    assertThat(s.remoting().allowPublicRemoting()).isTrue();
    assertThat(s.config().getString("pekko.remote.artery.bind.hostname")).isEqualTo("0.0.0.0");
  }

  @Test
  void tlsNeedsReadableKeyAndTrustStoresNamingTheVariable() {
    Map<String, Object> m = bindTo("0.0.0.0");
    m.put("bluemarble.cluster.transport", "tls-tcp");
    assertThatThrownBy(() -> embedded(m))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("BLUEMARBLE_REMOTE_KEYSTORE");
    m.put("bluemarble.cluster.tls.key-store", "/nonexistent/node.p12");
    assertThatThrownBy(() -> embedded(m))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("a readable PKCS12 file");
  }

  @Test
  void productionRequiresTlsKeyStoresUnlessTransportIsSetOtherwise() {
    Config values =
        ConfigFactory.parseMap(
            Map.of(
                "BLUEMARBLE_ADVERTISED_HOST", "node-1.internal",
                "BLUEMARBLE_SEED_NODES", "node-1.internal:25520",
                "BLUEMARBLE_PG_URL", "jdbc:postgresql://db:5432/bluemarble",
                "BLUEMARBLE_PG_USER", "game",
                "BLUEMARBLE_PG_PASSWORD", "secret",
                "BLUEMARBLE_MONGODB_URI", "mongodb://terrain.internal:27017",
                "BLUEMARBLE_PAYMENTS_SECRET", "whsec-production-0123456789",
                "BLUEMARBLE_REDIS_URL", "redis://redis.internal:6379",
                "BLUEMARBLE_SIGNING_KEY_FILE", "/etc/bluemarble/signing-key.pem",
                "BLUEMARBLE_UDP_KEY", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="));
    assertThatThrownBy(
            () -> BlueMarbleSettings.fromConfig(ConfigLoader.load(Profile.PRODUCTION, values)))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("BLUEMARBLE_REMOTE_KEYSTORE");
    // Plain TCP in production binds 0.0.0.0: refused without the explicit switch.
    Config plain =
        ConfigFactory.parseMap(Map.of("BLUEMARBLE_REMOTE_TRANSPORT", "tcp")).withFallback(values);
    assertThatThrownBy(
            () -> BlueMarbleSettings.fromConfig(ConfigLoader.load(Profile.PRODUCTION, plain)))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("BLUEMARBLE_ALLOW_PUBLIC_REMOTING");
  }

  @Test
  void anUnknownTransportIsRefused() {
    Map<String, Object> m = bindTo("127.0.0.1");
    m.put("bluemarble.cluster.transport", "udp");
    assertThatThrownBy(() -> embedded(m))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("\"tcp\" or \"tls-tcp\"");
  }

  @Test
  void managementAndMetricsBindToTheBindHostOrTheOpsBindHost() {
    BlueMarbleSettings loopback = embedded(Map.of());
    assertThat(loopback.config().getString("pekko.management.http.bind-hostname"))
        .isEqualTo("127.0.0.1");
    assertThat(loopback.config().getString("kamon.prometheus.embedded-server.hostname"))
        .isEqualTo("127.0.0.1");

    Map<String, Object> m = bindTo("10.0.0.4");
    BlueMarbleSettings privateHost = embedded(m);
    assertThat(privateHost.config().getString("pekko.management.http.bind-hostname"))
        .isEqualTo("10.0.0.4");
    assertThat(privateHost.config().getString("kamon.prometheus.embedded-server.hostname"))
        .isEqualTo("10.0.0.4");

    // Players on the public interface, operations on a private one.
    m.put("bluemarble.node.bind-host", "0.0.0.0");
    m.put("bluemarble.cluster.allow-public-remoting", true);
    m.put("BLUEMARBLE_OPS_BIND_HOST", "10.0.0.4");
    BlueMarbleSettings split = embedded(m);
    assertThat(split.config().getString("pekko.management.http.bind-hostname"))
        .isEqualTo("10.0.0.4");
    assertThat(split.config().getString("kamon.prometheus.embedded-server.hostname"))
        .isEqualTo("10.0.0.4");
    assertThat(split.config().getString("pekko.remote.artery.bind.hostname")).isEqualTo("0.0.0.0");
  }
}
