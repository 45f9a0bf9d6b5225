package org.bluemarble.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.bluemarble.config.Profile;
import org.bluemarble.node.testing.AdminClient;
import org.bluemarble.node.testing.InProcessNode;
import org.bluemarble.node.testing.PlayerSignup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generation webhooks and planet expiry through a real node's HTTP API: a local receiver on
 * loopback checks each delivery's signature and fails the first attempt; planets expire after 2 s
 * unused.
 */
class PlanetWebhookApiTest {
  private static final String SECRET = "the-receivers-shared-secret";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dataDir;
  private static InProcessNode node;
  private static AdminClient api;
  private static HttpServer receiver;
  private static final List<JsonNode> accepted = new CopyOnWriteArrayList<>();
  private static final AtomicInteger attempts = new AtomicInteger();

  @BeforeAll
  static void start() throws Exception {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/planet-events",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          String expected =
              "sha256=" + PlanetWebhooks.sign(SECRET.getBytes(StandardCharsets.UTF_8), body);
          boolean signed =
              expected.equals(exchange.getRequestHeaders().getFirst("X-BlueMarble-Signature"));
          // The first attempt of every delivery fails; a forged one always does.
          boolean first = "1".equals(exchange.getRequestHeaders().getFirst("X-BlueMarble-Attempt"));
          attempts.incrementAndGet();
          if (signed && !first) {
            accepted.add(JSON.readTree(body));
          }
          exchange.sendResponseHeaders(signed && !first ? 200 : 500, -1);
          exchange.close();
        });
    receiver.start();
    node =
        InProcessNode.start(
            Profile.EMBEDDED,
            Map.of(
                "bluemarble.node.data-dir",
                dataDir.toString(),
                "bluemarble.planet.expire-after",
                "2s",
                "bluemarble.planet.webhooks.initial-backoff",
                "100ms",
                // The receiver is on loopback, which production refuses.
                "bluemarble.planet.webhooks.allow-private-targets",
                true));
    api = node.client();
  }

  @AfterAll
  static void stop() throws Exception {
    node.close();
    receiver.stop(0);
  }

  private static String hookUrl() {
    return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/planet-events";
  }

  @Test
  void deliversSignedGenerationEventsToTheOwnersWebhook() throws Exception {
    String token = PlayerSignup.signUp(node.httpPort, "hook_owner", "Mage").accessToken();
    String body =
        "{\"url\":\""
            + hookUrl()
            + "\",\"events\":[\"planet.generation.started\",\"planet.generation.completed\"],"
            + "\"secret\":\""
            + SECRET
            + "\"}";
    AdminClient.Response anonymous = api.call("POST", "/v1/webhooks", body, null);
    assertThat(anonymous.status()).isEqualTo(401);
    AdminClient.Response ftp =
        api.call("POST", "/v1/webhooks", body.replace("http://", "ftp://"), token);
    assertThat(ftp.status()).isEqualTo(400);
    assertThat(ftp.body().path("error").path("code").asText()).isEqualTo("INVALID_WEBHOOK");
    assertThat(ftp.body().path("error").path("details").path("field").asText()).isEqualTo("url");

    AdminClient.Response created = api.call("POST", "/v1/webhooks", body, token);
    assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
    assertThat(created.body().path("id").asText()).isNotBlank();
    assertThat(created.body().has("secret")).isFalse();

    AdminClient.Response generation =
        api.call(
            "POST", "/v1/planet/generate", "{\"config\":{\"seed\":8,\"terrainLevel\":3}}", token);
    assertThat(generation.status()).isEqualTo(202);
    String planetId = generation.body().path("planetId").asText();

    // Both deliveries accepted (each after one failed attempt), in whichever order they finish.
    await().atMost(Duration.ofSeconds(60)).until(() -> accepted.size() >= 2);
    assertThat(accepted)
        .extracting(e -> e.path("event").asText())
        .containsExactlyInAnyOrder("planet.generation.started", "planet.generation.completed");
    assertThat(accepted).allMatch(e -> e.path("data").path("planetId").asText().equals(planetId));
    // Two deliveries, each failed once and then accepted.
    assertThat(attempts.get()).isEqualTo(4);
  }

  @Test
  void aPlanetNobodyUsesExpiresButTheWorldDoesNot() throws Exception {
    String token = api.adminToken();
    AdminClient.Response generation =
        api.call("POST", "/v1/planet/generate", "{\"seed\":9,\"terrainLevel\":3}", token);
    assertThat(generation.status()).isEqualTo(202);
    String id = generation.body().path("planetId").asText();
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () ->
                api.get(generation.body().path("statusUrl").asText())
                    .body()
                    .path("status")
                    .asText()
                    .equals("completed"));
    assertThat(api.get("/v1/planet/" + id).status()).isEqualTo(200);

    // Every read keeps a planet alive for expire-after (2 s): look less often than that.
    await()
        .atMost(Duration.ofSeconds(60))
        .pollDelay(Duration.ofSeconds(4))
        .pollInterval(Duration.ofSeconds(4))
        .until(() -> api.get("/v1/planet/" + id).status() == 404);
    AdminClient.Response gone = api.get("/v1/planet/" + id);
    assertThat(gone.body().path("error").path("code").asText()).isEqualTo("PLANET_NOT_FOUND");
    assertThat(api.get("/v1/planet/" + id + "/polygons").status()).isEqualTo(404);

    String world = api.get("/admin/v1/world").body().path("planetId").asText();
    assertThat(world).isNotBlank();
    assertThat(api.get("/v1/planet/" + world).status()).isEqualTo(200);
  }
}
