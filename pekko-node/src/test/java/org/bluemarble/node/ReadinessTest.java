package org.bluemarble.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.bluemarble.config.BlueMarbleSettings;
import org.bluemarble.config.ConfigLoader;
import org.bluemarble.config.Profile;
import org.bluemarble.node.testing.FreePorts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /ready} (Pekko Management) answers 200 only once the HTTP, WebSocket and UDP edges are
 * bound: management listens long before them, and a load balancer must not send players to a node
 * that refuses connections.
 */
class ReadinessTest {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @TempDir java.nio.file.Path dataDir;

  @Test
  void edgeCheckIsReadyOnlyBetweenBindAndShutdown() throws Exception {
    ActorTestKit kit = ActorTestKit.create(ConfigFactory.empty());
    try {
      EdgeReadiness check = new EdgeReadiness(Adapter.toClassic(kit.system()));
      assertThat(check.get().toCompletableFuture().get(5, TimeUnit.SECONDS)).isFalse();
      EdgeReadiness.Edges.get(kit.system()).markBound();
      assertThat(check.get().toCompletableFuture().get(5, TimeUnit.SECONDS)).isTrue();
      EdgeReadiness.Edges.get(kit.system()).markUnbinding();
      assertThat(check.get().toCompletableFuture().get(5, TimeUnit.SECONDS)).isFalse();
    } finally {
      kit.shutdownTestKit();
    }
  }

  @Test
  void readyIsNeverAnsweredBeforeTheHttpPortAcceptsConnections() throws Exception {
    int http = FreePorts.next();
    int management = FreePorts.next();
    Map<String, Object> all = new HashMap<>();
    all.put("bluemarble.node.http-port", http);
    all.put("bluemarble.node.management-port", management);
    all.put("bluemarble.node.remote-port", FreePorts.next());
    all.put("bluemarble.node.udp-port", 0);
    all.put("bluemarble.node.seed-nodes", List.of());
    all.put("bluemarble.node.data-dir", dataDir.toString());
    all.put("bluemarble.metrics.enabled", false);
    all.put("bluemarble.world.terrain-level", 5);
    // No bootstrap admin: its readiness check would otherwise hold /ready back until after the
    // bind.
    all.put("bluemarble.auth.bootstrap-admin", "");
    all.put("pekko.coordinated-shutdown.exit-jvm", "off");
    BlueMarbleSettings settings =
        BlueMarbleSettings.fromConfig(
            ConfigLoader.load(Profile.EMBEDDED, ConfigFactory.parseMap(all)));
    ActorSystem<Void> system =
        ActorSystem.create(Behaviors.empty(), "BlueMarble", settings.config());
    ExecutorService starter = Executors.newSingleThreadExecutor();
    try {
      CompletableFuture<Void> init =
          CompletableFuture.runAsync(() -> BlueMarbleNode.init(system, settings, "test"), starter);
      int[] notReadyAnswers = {0};
      await()
          .atMost(Duration.ofSeconds(120))
          .pollInterval(Duration.ofMillis(10))
          .until(
              () -> {
                int status = readyStatus(management);
                if (status == 200) {
                  // The instant /ready says yes, players must be able to connect.
                  assertThat(accepts(http)).as("HTTP port accepts once /ready is 200").isTrue();
                  return true;
                }
                if (status > 0) {
                  notReadyAnswers[0]++;
                }
                return false;
              });
      init.get(60, TimeUnit.SECONDS);
      System.out.println("/ready answered not-ready " + notReadyAnswers[0] + " times before 200");
    } finally {
      starter.shutdownNow();
      system.terminate();
      system.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }

  /** Status of {@code /ready}, 0 while management does not listen yet. */
  private static int readyStatus(int managementPort) throws InterruptedException {
    try {
      return HTTP.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/ready"))
                  .timeout(Duration.ofSeconds(5))
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      return 0;
    }
  }

  private static boolean accepts(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
