package org.bluemarble.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {

  private static BlueMarbleSettings load(Profile profile, Map<String, Object> overrides) {
    return BlueMarbleSettings.fromConfig(
        ConfigLoader.load(profile, ConfigFactory.parseMap(overrides)));
  }

  @Test
  void embeddedDefaultsAreLoopbackH2AndTheDocumentedPorts() {
    BlueMarbleSettings s = load(Profile.EMBEDDED, Map.of());
    assertThat(s.node().profile()).isEqualTo(Profile.EMBEDDED);
    assertThat(s.node().bindHost()).isEqualTo("127.0.0.1");
    assertThat(s.node().httpPort()).isEqualTo(8080);
    assertThat(s.node().managementPort()).isEqualTo(8558);
    assertThat(s.node().remotePort()).isEqualTo(25520);
    assertThat(s.node().seedNodes()).isEmpty();
    assertThat(s.node().loopbackOnly()).isTrue();
    assertThat(s.persistence().dialect()).isEqualTo(PersistenceSettings.Dialect.H2);
    assertThat(s.persistence().url()).startsWith("jdbc:h2:file:./data/bluemarble");
    assertThat(s.metrics().port()).isEqualTo(9095);
    assertThat(s.config().getString("pekko.actor.provider")).isEqualTo("cluster");
    assertThat(s.config().getString("pekko.cluster.split-brain-resolver.active-strategy"))
        .isEqualTo("keep-majority");
    assertThat(s.config().getBytes("pekko.http.server.parsing.max-content-length"))
        .isEqualTo(1024L * 1024);
  }

  @Test
  void dataDirMovesTheH2Journal() {
    BlueMarbleSettings s = load(Profile.EMBEDDED, Map.of("bluemarble.node.data-dir", "/tmp/x"));
    assertThat(s.persistence().url()).startsWith("jdbc:h2:file:/tmp/x/bluemarble");
  }

  @Test
  void localProfilesFormOneClusterOnDistinctPorts() {
    BlueMarbleSettings one = load(Profile.LOCAL1, Map.of());
    BlueMarbleSettings three = load(Profile.LOCAL3, Map.of());
    assertThat(one.node().remotePort()).isEqualTo(25521);
    assertThat(three.node().remotePort()).isEqualTo(25523);
    assertThat(three.node().httpPort()).isNotEqualTo(one.node().httpPort());
    assertThat(three.node().seedNodes())
        .containsExactly(new HostPort("127.0.0.1", 25521), new HostPort("127.0.0.1", 25522));
    assertThat(one.persistence().dialect()).isEqualTo(PersistenceSettings.Dialect.POSTGRES);
    assertThat(one.config().getString("pekko.remote.artery.canonical.port")).isEqualTo("25521");
  }

  @Test
  void seedNodesAcceptACommaSeparatedString() {
    BlueMarbleSettings s =
        load(Profile.EMBEDDED, Map.of("bluemarble.node.seed-nodes", "10.0.0.1:2552, host-b:2553"));
    assertThat(s.node().seedNodes())
        .containsExactly(new HostPort("10.0.0.1", 2552), new HostPort("host-b", 2553));
  }

  @Test
  void worldSpawnDefaultsToTheSeed42PlateauAndRejectsNaN() {
    BlueMarbleSettings s = load(Profile.EMBEDDED, Map.of());
    assertThat(s.world().spawnLatitudeDeg()).isEqualTo(-21.0);
    assertThat(s.world().spawnLongitudeDeg()).isEqualTo(-27.0);
    assertThatThrownBy(
            () -> load(Profile.EMBEDDED, Map.of("bluemarble.world.spawn-latitude", "NaN")))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("BLUEMARBLE_WORLD_SPAWN_LATITUDE")
        .hasMessageContaining("a number -90.0 to 90.0");
  }

  @Test
  void theSanctuaryAroundTheSpawnDefaultsTo150MetresAndRejectsANegativeRadius() {
    assertThat(load(Profile.EMBEDDED, Map.of()).world().sanctuaryRadiusMeters()).isEqualTo(150.0);
    assertThat(
            load(Profile.EMBEDDED, Map.of("bluemarble.world.sanctuary-radius", 0))
                .world()
                .sanctuaryRadiusMeters())
        .isZero();
    assertThatThrownBy(
            () -> load(Profile.EMBEDDED, Map.of("bluemarble.world.sanctuary-radius", "-5")))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("BLUEMARBLE_WORLD_SANCTUARY_RADIUS")
        .hasMessageContaining("a number 0.0 to 100000.0");
  }

  @Test
  void rejectsAPortOutOfRangeNamingTheKeyAndVariable() {
    assertThatThrownBy(() -> load(Profile.EMBEDDED, Map.of("bluemarble.node.http-port", 70000)))
        .isInstanceOf(SettingsException.class)
        .hasMessage(
            "invalid setting bluemarble.node.http-port (environment variable BLUEMARBLE_HTTP_PORT)"
                + " = \"70000\": expected an integer 1-65535");
  }

  @Test
  void rejectsANonNumericPort() {
    assertThatThrownBy(() -> load(Profile.EMBEDDED, Map.of("bluemarble.node.remote-port", "abc")))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("bluemarble.node.remote-port")
        .hasMessageContaining("\"abc\"");
  }

  @Test
  void rejectsAnUnknownProfileListingTheAllowedOnes() {
    assertThatThrownBy(() -> Profile.fromName("staging"))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("bluemarble.profile")
        .hasMessageContaining("\"staging\"")
        .hasMessageContaining("embedded, local1, local2, local3, production");
  }

  @Test
  void rejectsAMalformedPostgresUrl() {
    assertThatThrownBy(
            () -> load(Profile.LOCAL1, Map.of("bluemarble.persistence.url", "postgres://nope")))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("bluemarble.persistence.url")
        .hasMessageContaining("jdbc:postgresql://host:5432/database");
  }

  @Test
  void theEmbeddedJournalWritesEveryCommitBeforeItReturns() {
    BlueMarbleSettings s = load(Profile.EMBEDDED, Map.of());
    assertThat(s.persistence().url()).contains(";WRITE_DELAY=0");
    assertThat(s.config().getString("pekko-persistence-jdbc.shared-databases.bluemarble.db.url"))
        .isEqualTo(s.persistence().url());
  }

  @Test
  void refusesAnH2FileJournalThatDelaysCommits() {
    for (String url :
        List.of(
            "jdbc:h2:file:/tmp/x/bluemarble;DB_CLOSE_ON_EXIT=FALSE",
            "jdbc:h2:file:/tmp/x/bluemarble;WRITE_DELAY=500",
            "jdbc:h2:file:/tmp/x/bluemarble;WRITE_DELAY=0;write_delay=10")) {
      assertThatThrownBy(() -> load(Profile.EMBEDDED, Map.of("bluemarble.persistence.url", url)))
          .as(url)
          .isInstanceOf(SettingsException.class)
          .hasMessageContaining("bluemarble.persistence.url")
          .hasMessageContaining("WRITE_DELAY=0");
    }
    assertThat(
            load(
                    Profile.EMBEDDED,
                    Map.of("bluemarble.persistence.url", "jdbc:h2:file:/tmp/y;write_delay=0"))
                .persistence()
                .url())
        .endsWith("write_delay=0");
    assertThat(
            load(Profile.EMBEDDED, Map.of("bluemarble.persistence.url", "jdbc:h2:mem:x"))
                .persistence()
                .dialect())
        .isEqualTo(PersistenceSettings.Dialect.H2);
  }

  @Test
  void productionRequiresThePaymentsSecretAndNoProfileHasADefault(@TempDir Path dir)
      throws Exception {
    Map<String, String> values = productionVariables(dir);
    values.remove("BLUEMARBLE_PAYMENTS_SECRET");
    assertThatThrownBy(() -> ConfigLoader.load(Profile.PRODUCTION, ConfigFactory.parseMap(values)))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("BLUEMARBLE_PAYMENTS_SECRET")
        .hasMessageContaining("bluemarble.market.payments.secret");
    // The default (empty) lives in pekko-node's reference.conf; no other profile may set one.
    for (Profile p : List.of(Profile.EMBEDDED, Profile.LOCAL1)) {
      assertThat(load(p, Map.of()).config().hasPath("bluemarble.market.payments.secret"))
          .as(p.id())
          .isFalse();
    }
  }

  @Test
  void rejectsAMalformedSeedNode() {
    assertThatThrownBy(
            () -> load(Profile.EMBEDDED, Map.of("bluemarble.node.seed-nodes", "host-without-port")))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("bluemarble.node.seed-nodes");
  }

  @Test
  void theTerrainStoreWaitsThirtySecondsForAConnectionAndIsTriedFiveTimesAtStart() {
    TerrainSettings t = load(Profile.EMBEDDED, Map.of()).terrain();
    assertThat(t.connectionTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(t.startAttempts()).isEqualTo(5);
    assertThat(t.startBackoff()).isEqualTo(Duration.ofSeconds(1));
    assertThatThrownBy(
            () -> load(Profile.EMBEDDED, Map.of("bluemarble.terrain.connection-timeout", "1ms")))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("bluemarble.terrain.connection-timeout");
    assertThatThrownBy(
            () -> load(Profile.EMBEDDED, Map.of("bluemarble.terrain.start-attempts", "0")))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("bluemarble.terrain.start-attempts");
  }

  @Test
  void rejectsAnUnreasonableStableAfter() {
    assertThatThrownBy(
            () -> load(Profile.EMBEDDED, Map.of("bluemarble.cluster.stable-after", "10 years")))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("bluemarble.cluster.stable-after");
    assertThat(
            load(Profile.EMBEDDED, Map.of("bluemarble.cluster.stable-after", "3s"))
                .node()
                .stableAfter())
        .isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void failureDetectionDefaultsAimAtTenSecondFailoverAndThePauseIsValidated() {
    BlueMarbleSettings embedded = load(Profile.EMBEDDED, Map.of());
    assertThat(embedded.node().stableAfter()).isEqualTo(Duration.ofSeconds(3));
    assertThat(
            embedded
                .config()
                .getDuration("pekko.cluster.failure-detector.acceptable-heartbeat-pause"))
        .isEqualTo(Duration.ofSeconds(2));
    assertThat(
            load(Profile.EMBEDDED, Map.of("bluemarble.cluster.acceptable-heartbeat-pause", "5s"))
                .config()
                .getDuration("pekko.cluster.failure-detector.acceptable-heartbeat-pause"))
        .isEqualTo(Duration.ofSeconds(5));
    assertThatThrownBy(
            () ->
                load(
                    Profile.EMBEDDED,
                    Map.of("bluemarble.cluster.acceptable-heartbeat-pause", "10 minutes")))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("bluemarble.cluster.acceptable-heartbeat-pause");
  }

  @Test
  void theRemovalMarginIsSetExplicitlyForShardingAndValidated() {
    // Left "off", Pekko's resolver would wait stable-after (3 s) again before re-homing shards.
    assertThat(
            load(Profile.EMBEDDED, Map.of())
                .config()
                .getDuration("pekko.cluster.down-removal-margin"))
        .isEqualTo(Duration.ofSeconds(1));
    assertThat(
            load(Profile.EMBEDDED, Map.of())
                .config()
                .getDuration("pekko.cluster.sharding.retry-interval"))
        .isEqualTo(Duration.ofMillis(250));
    // Leader ticks every 500 ms: a downed node is removed, and its shards re-homed, sooner.
    assertThat(
            load(Profile.EMBEDDED, Map.of())
                .config()
                .getDuration("pekko.cluster.leader-actions-interval"))
        .isEqualTo(Duration.ofMillis(500));
    assertThat(
            load(Profile.EMBEDDED, Map.of("bluemarble.cluster.removal-margin", "4s"))
                .config()
                .getDuration("pekko.cluster.down-removal-margin"))
        .isEqualTo(Duration.ofSeconds(4));
    assertThatThrownBy(
            () -> load(Profile.EMBEDDED, Map.of("bluemarble.cluster.removal-margin", "0s")))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("bluemarble.cluster.removal-margin");
  }

  @Test
  void productionWithoutItsVariablesNamesTheFirstMissingOne() {
    // The test JVM has no BLUEMARBLE_* production variables set.
    assertThatThrownBy(() -> ConfigLoader.load(Profile.PRODUCTION))
        .isInstanceOf(SettingsException.class)
        .hasMessageStartingWith("missing required environment variable BLUEMARBLE_")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void productionWithItsValuesBindsEverywhereAndLogsJson(@TempDir Path dir) throws Exception {
    Map<String, String> variables = productionVariables(dir);
    Config values = ConfigFactory.parseMap(variables);
    BlueMarbleSettings s =
        BlueMarbleSettings.fromConfig(ConfigLoader.load(Profile.PRODUCTION, values));
    assertThat(s.node().bindHost()).isEqualTo("0.0.0.0");
    assertThat(s.node().advertisedHost()).isEqualTo("node-1.internal");
    assertThat(s.node().seedNodes()).hasSize(2);
    assertThat(s.metrics().jsonLogs()).isTrue();
    assertThat(s.persistence().toString()).doesNotContain("secret");
    assertThat(s.terrain().store()).isEqualTo(TerrainSettings.Store.MONGODB);
    assertThat(s.terrain().mongodbUri()).isEqualTo("mongodb://terrain.internal:27017");
    assertThat(s.remoting().tls()).isTrue();
    assertThat(s.config().getString("pekko.remote.artery.transport")).isEqualTo("tls-tcp");
    assertThat(s.config().getString("pekko.remote.artery.ssl.config-ssl-engine.key-store"))
        .isEqualTo(variables.get("BLUEMARBLE_REMOTE_KEYSTORE"));
  }

  /** Every variable production requires (the cluster's key and trust stores as files in dir). */
  private static Map<String, String> productionVariables(Path dir) throws java.io.IOException {
    Path keyStore = Files.writeString(dir.resolve("node.p12"), "not read by the settings");
    Path trustStore = Files.writeString(dir.resolve("trust.p12"), "not read by the settings");
    Map<String, String> values = new java.util.HashMap<>();
    values.put("BLUEMARBLE_REMOTE_KEYSTORE", keyStore.toString());
    values.put("BLUEMARBLE_REMOTE_KEYSTORE_PASSWORD", "ks-secret");
    values.put("BLUEMARBLE_REMOTE_TRUSTSTORE", trustStore.toString());
    values.put("BLUEMARBLE_REMOTE_TRUSTSTORE_PASSWORD", "ts-secret");
    values.put("BLUEMARBLE_PAYMENTS_SECRET", "whsec-production-0123456789");
    values.put("BLUEMARBLE_ADVERTISED_HOST", "node-1.internal");
    values.put("BLUEMARBLE_SEED_NODES", "node-1.internal:25520,node-2.internal:25520");
    values.put("BLUEMARBLE_PG_URL", "jdbc:postgresql://db:5432/bluemarble");
    values.put("BLUEMARBLE_PG_USER", "game");
    values.put("BLUEMARBLE_PG_PASSWORD", "secret");
    values.put("BLUEMARBLE_MONGODB_URI", "mongodb://terrain.internal:27017");
    values.put("BLUEMARBLE_REDIS_URL", "redis://redis.internal:6379");
    values.put("BLUEMARBLE_SIGNING_KEY_FILE", "/etc/bluemarble/signing-key.pem");
    values.put("BLUEMARBLE_UDP_KEY", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
    return values;
  }

  @Test
  void productionRefusesToStartOnSingleNodeFallbacksNamingTheVariable(@TempDir Path dir)
      throws Exception {
    for (String shared :
        new String[] {
          "BLUEMARBLE_REDIS_URL",
          "BLUEMARBLE_SIGNING_KEY_FILE",
          "BLUEMARBLE_UDP_KEY",
          "BLUEMARBLE_PAYMENTS_SECRET"
        }) {
      Map<String, String> values = productionVariables(dir);
      values.remove(shared);
      assertThatThrownBy(
              () -> ConfigLoader.load(Profile.PRODUCTION, ConfigFactory.parseMap(values)))
          .as(shared)
          .isInstanceOf(SettingsException.class)
          .hasMessageStartingWith("missing required environment variable " + shared);
    }
  }
}
