package org.bluemarble.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.bluemarble.config.PlanetSettings;
import org.bluemarble.edge.port.InvalidFieldException;
import org.bluemarble.edge.port.PlanetPort;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Webhook deliveries to a local receiver on loopback that checks the HMAC-SHA256 signature the way
 * a user's server would, and fails the first attempts.
 */
class PlanetWebhooksTest {
  private static final String SECRET = "a-receiver-secret-of-some-length";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One request the receiver got. */
  record Received(String event, int attempt, boolean signatureValid, JsonNode body) {}

  private HttpServer receiver;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger failFirst = new AtomicInteger();
  private PlanetWebhooks webhooks;

  @BeforeEach
  void startReceiver() throws Exception {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/hook",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          String signature = exchange.getRequestHeaders().getFirst("X-BlueMarble-Signature");
          String expected =
              "sha256=" + PlanetWebhooks.sign(SECRET.getBytes(StandardCharsets.UTF_8), body);
          received.add(
              new Received(
                  exchange.getRequestHeaders().getFirst("X-BlueMarble-Event"),
                  Integer.parseInt(exchange.getRequestHeaders().getFirst("X-BlueMarble-Attempt")),
                  expected.equals(signature),
                  JSON.readTree(body)));
          int status = failFirst.getAndDecrement() > 0 ? 500 : 204;
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    receiver.start();
  }

  @AfterEach
  void stop() {
    receiver.stop(0);
    if (webhooks != null) {
      webhooks.close();
    }
  }

  private PlanetWebhooks webhooks(int maxAttempts, List<String> allowedHosts) {
    return webhooks(maxAttempts, allowedHosts, true);
  }

  private PlanetWebhooks webhooks(
      int maxAttempts, List<String> allowedHosts, boolean allowPrivateTargets) {
    webhooks =
        new PlanetWebhooks(
            new PlanetSettings.Webhooks(
                maxAttempts,
                Duration.ofMillis(50),
                Duration.ofMillis(400),
                Duration.ofSeconds(10),
                allowedHosts,
                3,
                allowPrivateTargets),
            Clock.systemUTC());
    return webhooks;
  }

  private URI hook() {
    return URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
  }

  private static PlanetPort.GenerationTask completed() {
    Instant now = Instant.now();
    return new PlanetPort.GenerationTask(
        "task-1", "planet-1", "completed", "finalizing", 100, now, now, now, null, "generation");
  }

  @Test
  void signsEveryDeliveryAndRetriesUntilTheReceiverAccepts() {
    PlanetWebhooks hooks = webhooks(5, List.of());
    hooks.register("alice", hook(), Set.of(PlanetWebhooks.COMPLETED), SECRET);
    failFirst.set(2);

    hooks.publish("alice", PlanetWebhooks.COMPLETED, completed(), Duration.ofSeconds(3));
    // Events the webhook did not ask for, and other users' events, are not sent.
    hooks.publish("alice", PlanetWebhooks.STARTED, completed(), Duration.ZERO);
    hooks.publish("bob", PlanetWebhooks.COMPLETED, completed(), Duration.ZERO);

    await().atMost(Duration.ofSeconds(30)).until(() -> hooks.delivered() == 1);
    assertThat(received).extracting(Received::attempt).containsExactly(1, 2, 3);
    assertThat(received).allMatch(Received::signatureValid);
    assertThat(received).extracting(Received::event).containsOnly(PlanetWebhooks.COMPLETED);
    JsonNode body = received.get(2).body();
    assertThat(body.path("data").path("planetId").asText()).isEqualTo("planet-1");
    assertThat(body.path("data").path("downloadUrl").asText())
        .isEqualTo("/v1/planet/planet-1/download");
    assertThat(body.path("user").path("id").asText()).isEqualTo("alice");
    // The same delivery each time.
    assertThat(received)
        .extracting(r -> r.body().path("id").asText())
        .containsOnly(body.path("id").asText());
  }

  @Test
  void givesUpAfterTheConfiguredAttempts() {
    PlanetWebhooks hooks = webhooks(3, List.of());
    hooks.register("alice", hook(), PlanetWebhooks.EVENTS, SECRET);
    failFirst.set(1_000);

    hooks.publish("alice", PlanetWebhooks.FAILED, completed(), Duration.ZERO);

    await().atMost(Duration.ofSeconds(30)).until(() -> hooks.givenUp() == 1);
    assertThat(received).hasSize(3);
    assertThat(hooks.delivered()).isZero();
  }

  @Test
  void backsOffExponentiallyUpToTheMaximum() {
    PlanetWebhooks hooks = webhooks(10, List.of());
    assertThat(hooks.backoff(1)).isEqualTo(Duration.ofMillis(50));
    assertThat(hooks.backoff(2)).isEqualTo(Duration.ofMillis(100));
    assertThat(hooks.backoff(3)).isEqualTo(Duration.ofMillis(200));
    assertThat(hooks.backoff(4)).isEqualTo(Duration.ofMillis(400));
    assertThat(hooks.backoff(9)).isEqualTo(Duration.ofMillis(400));
  }

  @Test
  void refusesTargetsThatAreNotHttpOrNotAllowedAndBadEventsOrSecrets() {
    PlanetWebhooks hooks = webhooks(3, List.of("hooks.example.org"));
    Set<String> events = Set.of(PlanetWebhooks.COMPLETED);
    assertThatThrownBy(
            () -> hooks.register("a", URI.create("ftp://hooks.example.org/x"), events, SECRET))
        .isInstanceOfSatisfying(
            InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("url"));
    assertThatThrownBy(() -> hooks.register("a", URI.create("file:///etc/passwd"), events, SECRET))
        .isInstanceOf(InvalidFieldException.class);
    assertThatThrownBy(
            () ->
                hooks.register(
                    "a", URI.create("http://user:pw@hooks.example.org/x"), events, SECRET))
        .isInstanceOf(InvalidFieldException.class);
    // Not on the allow-list (the SSRF guard production should use).
    assertThatThrownBy(() -> hooks.register("a", hook(), events, SECRET))
        .isInstanceOfSatisfying(
            InvalidFieldException.class, e -> assertThat(e.reason()).contains("allowed-hosts"));
    URI allowed = URI.create("https://hooks.example.org/planet");
    assertThatThrownBy(() -> hooks.register("a", allowed, Set.of("planet.deleted"), SECRET))
        .isInstanceOfSatisfying(
            InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("events"));
    assertThatThrownBy(() -> hooks.register("a", allowed, events, "short"))
        .isInstanceOfSatisfying(
            InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("secret"));
    for (int i = 0; i < 3; i++) {
      assertThat(hooks.register("a", allowed, events, SECRET).url()).isEqualTo(allowed);
    }
    assertThatThrownBy(() -> hooks.register("a", allowed, events, SECRET))
        .isInstanceOf(InvalidFieldException.class)
        .hasMessageContaining("at most 3");
  }

  @Test
  void refusesLoopbackPrivateAndLinkLocalTargetsByDefault() {
    PlanetWebhooks hooks = webhooks(3, List.of(), false);
    Set<String> events = Set.of(PlanetWebhooks.COMPLETED);
    for (String url :
        List.of(
            "http://127.0.0.1:8080/x",
            "http://localhost/x",
            "http://api.localhost/x",
            "http://10.1.2.3/x",
            "http://172.16.0.9/x",
            "http://192.168.1.1/x",
            "http://169.254.169.254/latest/meta-data",
            "http://0.0.0.0/x",
            "http://[::1]/x",
            "http://[fd00::1]/x",
            "http://[fe80::1]/x")) {
      assertThatThrownBy(() -> hooks.register("a", URI.create(url), events, SECRET))
          .as(url)
          .isInstanceOfSatisfying(
              InvalidFieldException.class, e -> assertThat(e.reason()).contains("private"));
    }
    assertThat(hooks.register("a", URI.create("https://8.8.8.8/hook"), events, SECRET).url())
        .hasHost("8.8.8.8");
    assertThat(
            hooks.register("a", URI.create("https://hooks.example.org/hook"), events, SECRET).url())
        .hasHost("hooks.example.org");
  }

  @Test
  void doesNotDeliverToANameThatResolvesToAPrivateAddress() throws Exception {
    // This machine's own name: registered as a name, found private only when looked up.
    String name = java.net.InetAddress.getLocalHost().getHostName();
    org.junit.jupiter.api.Assumptions.assumeTrue(
        !name.equalsIgnoreCase("localhost")
            && PlanetWebhooks.privateAddress(java.net.InetAddress.getByName(name)),
        "the host name resolves to a private address");
    PlanetWebhooks hooks = webhooks(3, List.of(), false);
    URI target = URI.create("http://" + name + ":" + receiver.getAddress().getPort() + "/hook");
    hooks.register("alice", target, PlanetWebhooks.EVENTS, SECRET);

    hooks.publish("alice", PlanetWebhooks.COMPLETED, completed(), Duration.ZERO);

    await().atMost(Duration.ofSeconds(30)).until(() -> hooks.givenUp() == 1);
    assertThat(received).isEmpty();
    assertThat(hooks.delivered()).isZero();
  }
}
