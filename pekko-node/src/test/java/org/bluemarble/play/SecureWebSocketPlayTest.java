package org.bluemarble.play;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.bluemarble.config.Profile;
import org.bluemarble.node.testing.AdminClient;
import org.bluemarble.node.testing.InProcessNode;
import org.bluemarble.protocol.client.BlueMarbleClient;
import org.bluemarble.protocol.client.ClientListener;
import org.bluemarble.protocol.client.WebSocketClientTransport;
import org.bluemarble.protocol.snapshot.SnapshotState;
import org.bluemarble.protocol.v1.EnteredWorld;
import org.bluemarble.protocol.v1.Snapshot;
import org.bluemarble.testing.SelfSignedKeystore;
import org.bluemarble.zone.PlayerIds;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole node with {@code bluemarble.edge.tls} set (a PKCS12 keystore with a self-signed
 * certificate made by the JDK's keytool): a reference client opens a {@code wss://} socket on the
 * public port, is greeted, authenticates, enters the world and receives snapshots; the upgrade
 * answer carries HSTS, and a plain {@code ws://} upgrade on that port fails.
 */
class SecureWebSocketPlayTest {
  private static final String PASSWORD = SelfSignedKeystore.PASSWORD;

  @TempDir static Path dataDir;
  private static Path keystore;
  private static InProcessNode node;
  private static PlayWorld world;

  @BeforeAll
  static void startNode() throws Exception {
    keystore = SelfSignedKeystore.create(dataDir.resolve("edge.p12"), "edge").file();
    Map<String, Object> config = new HashMap<>(PlayWorld.config(dataDir.toString(), "30s"));
    config.put("bluemarble.edge.tls.keystore", keystore.toString());
    config.put("bluemarble.edge.tls.keystore-password", PASSWORD);
    node =
        InProcessNode.start(
            Profile.EMBEDDED, config, new SelfSignedKeystore(keystore, PASSWORD).trustingContext());
    world = new PlayWorld(node);
  }

  @AfterAll
  static void stopNode() throws Exception {
    node.close();
  }

  /** Counts the snapshots that arrive. */
  static final class Snapshots implements ClientListener {
    final AtomicInteger count = new AtomicInteger();

    @Override
    public void onSnapshot(Snapshot snapshot, SnapshotState state) {
      count.incrementAndGet();
    }
  }

  @Test
  void aClientOverWssLogsInEntersAndReceivesSnapshots() throws Exception {
    assertThat(node.webSocketUri().getScheme()).isEqualTo("wss");
    PlayWorld.Player p = world.newPlayer("wss_alice");
    Snapshots snapshots = new Snapshots();
    try (BlueMarbleClient wss = world.webSocket(p, snapshots)) {
      EnteredWorld entered = wss.enterWorld(p.playerId()).get(30, TimeUnit.SECONDS);
      assertThat(entered.getEntityId()).isEqualTo(PlayerIds.simulationId(p.playerId()));
      await()
          .atMost(PlayWorld.WAIT)
          .untilAsserted(
              () -> {
                assertThat(snapshots.count.get()).isGreaterThanOrEqualTo(3);
                assertThat(wss.world()).isNotNull();
                assertThat(wss.world().find(entered.getEntityId())).isNotNull();
              });
    }
  }

  @Test
  void theUpgradeAnswerCarriesHstsAndPlainWebSocketIsRefused() throws Exception {
    // The JDK's WebSocket client does not expose the upgrade response's headers: ask the same
    // route for an upgrade-less GET over HTTPS (the route answers it, with the edge's headers).
    HttpResponse<String> r =
        node.httpClient()
            .send(
                HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + node.httpPort + "/ws"))
                    .timeout(Duration.ofSeconds(30))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.headers().firstValue("Strict-Transport-Security"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("max-age="));

    HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    assertThatThrownBy(
            () ->
                WebSocketClientTransport.connect(
                        plain,
                        URI.create("ws://127.0.0.1:" + node.httpPort + "/ws"),
                        e -> {},
                        t -> {})
                    .get(30, TimeUnit.SECONDS))
        .hasRootCauseInstanceOf(IOException.class);
    // The node's own client speaks HTTPS to the same port.
    AdminClient.Response health = node.client().health();
    assertThat(health.status()).isEqualTo(200);
  }
}
