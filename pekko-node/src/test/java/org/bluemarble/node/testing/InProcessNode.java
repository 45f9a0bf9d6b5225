package org.bluemarble.node.testing;

import static org.awaitility.Awaitility.await;

import com.typesafe.config.ConfigFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.bluemarble.config.BlueMarbleSettings;
import org.bluemarble.config.ConfigLoader;
import org.bluemarble.config.Profile;
import org.bluemarble.node.BlueMarbleNode;
import org.bluemarble.node.CommonPool;

/**
 * A whole node inside the test JVM (the same wiring as the binary) on free ports, joined to itself,
 * metrics off. For tests that need the real node but not a separate process; see {@link
 * NodeProcess} for those that do.
 */
public final class InProcessNode implements AutoCloseable {
  public final ActorSystem<Void> system;
  public final int httpPort;
  public final int managementPort;

  /** Trusts the node's certificate when its public port speaks TLS; null for plain HTTP. */
  private final SSLContext tls;

  private final HttpClient http;

  private InProcessNode(
      ActorSystem<Void> system, int httpPort, int managementPort, SSLContext tls) {
    this.system = system;
    this.httpPort = httpPort;
    this.managementPort = managementPort;
    this.tls = tls;
    HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
    this.http = tls == null ? builder.build() : builder.sslContext(tls).build();
  }

  /**
   * Starts a node of {@code profile} with {@code overrides} (config paths) over the profile's
   * settings.
   */
  public static InProcessNode start(Profile profile, Map<String, Object> overrides) {
    return start(profile, overrides, null);
  }

  /**
   * Starts a node as {@link #start(Profile, Map)} does whose public port speaks TLS (the overrides
   * set {@code bluemarble.edge.tls}); {@code trust} trusts its certificate, and this node's {@link
   * #client()} and {@link #httpClient()} speak HTTPS with it.
   */
  public static InProcessNode start(
      Profile profile, Map<String, Object> overrides, SSLContext trust) {
    CommonPool.requireParallelism();
    int http = FreePorts.next();
    Map<String, Object> all = new HashMap<>();
    all.put("bluemarble.node.http-port", http);
    int management = FreePorts.next();
    all.put("bluemarble.node.management-port", management);
    all.put("bluemarble.node.remote-port", FreePorts.next());
    // The game's UDP port: any free one (tests that need it read it from a connect token).
    all.put("bluemarble.node.udp-port", 0);
    all.put("bluemarble.node.seed-nodes", List.of());
    all.put("bluemarble.metrics.enabled", false);
    // Tests share two cores with builds: let a first journal write take its time rather than fail.
    all.put("bluemarble.node.ask-timeout", "30s");
    // A coarse world planet (6,144 samples) keeps start-up short; tests that care set their own.
    all.put("bluemarble.world.terrain-level", 5);
    all.put("pekko.coordinated-shutdown.exit-jvm", "off");
    // A stopping node's presences take their characters out before the handoff, so the phase ends
    // when the shards have moved (LastNodeStopTest runs it with production's 10 s); a shorter
    // timeout keeps any other message left buffered in a stopping region from costing a test 10 s.
    all.put("pekko.coordinated-shutdown.phases.cluster-sharding-shutdown-region.timeout", "3s");
    // A leaving oldest node stops its singletons (sharding coordinators among them) on the next
    // hand-over retry, 1 s by default: every stop waited about a second for it.
    all.put("pekko.cluster.singleton.hand-over-retry-interval", "250ms");
    all.put("pekko.cluster.sharding.coordinator-singleton.hand-over-retry-interval", "250ms");
    // The admin AdminClient logs in as for /admin routes.
    all.put("bluemarble.auth.bootstrap-admin", AdminClient.TEST_ADMIN_SETTING);
    // Tests register many accounts from 127.0.0.1; the production limit is 5 per hour.
    all.put("bluemarble.auth.rate-limits.registration.capacity", 10_000);
    all.putAll(overrides);
    BlueMarbleSettings settings =
        BlueMarbleSettings.fromConfig(ConfigLoader.load(profile, ConfigFactory.parseMap(all)));
    ActorSystem<Void> system =
        ActorSystem.create(Behaviors.empty(), "BlueMarble", settings.config());
    BlueMarbleNode.init(system, settings, "test");
    InProcessNode node = new InProcessNode(system, http, management, trust);
    // Ready for tests when the node says so: journal reachable and the member Up (sharding
    // allocates only then).
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              AdminClient.Response r = node.client().healthOrNothing();
              return r.status() == 200 && "healthy".equals(r.body().path("status").asText());
            });
    if (AdminClient.TEST_ADMIN_SETTING.equals(all.get("bluemarble.auth.bootstrap-admin"))) {
      // The bootstrap admin is created in the background; admin requests need it.
      org.bluemarble.account.AccountDirectory accounts =
          new org.bluemarble.account.AccountDirectory(system, Duration.ofSeconds(10));
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(200))
          .until(
              () ->
                  accounts
                      .findByUsernameKey(AdminClient.TEST_ADMIN)
                      .toCompletableFuture()
                      .get(15, TimeUnit.SECONDS)
                      .isPresent());
    }
    return node;
  }

  public AdminClient client() {
    return tls == null
        ? new AdminClient(httpPort)
        : new AdminClient("https://127.0.0.1:" + httpPort, http);
  }

  /** An HTTP client for this node's public port (trusting its certificate when it speaks TLS). */
  public HttpClient httpClient() {
    return http;
  }

  /** The game's WebSocket endpoint: {@code ws://} or, with TLS, {@code wss://}. */
  public URI webSocketUri() {
    return URI.create((tls == null ? "ws" : "wss") + "://127.0.0.1:" + httpPort + "/ws");
  }

  @Override
  public void close() throws Exception {
    system.terminate();
    system.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
