package org.bluemarble.edge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.ConfigFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.Collectors;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.bluemarble.auth.Role;
import org.bluemarble.edge.admin.OpenApiDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The admin routes and the OpenAPI document cannot drift: every declared {@link AdminEndpoint} is
 * documented with its roles and every documented operation is declared; every documented route
 * answers 401 without a token and 403 with a Player token; the document and Swagger UI are served.
 */
class AdminApiDocumentTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static ActorTestKit testKit;
  private static AuthComponents auth;
  private static String base;

  @BeforeAll
  static void start() throws Exception {
    testKit =
        ActorTestKit.create(
            "docs", ConfigFactory.parseString("pekko.http.server.remote-address-attribute = on"));
    auth = TestAuth.components(ForkJoinPool.commonPool());
    EdgeServerTest.InMemoryGame game = new EdgeServerTest.InMemoryGame();
    base =
        "http://127.0.0.1:"
            + new EdgeServer(new EdgeServer.Settings("127.0.0.1", 0, true, "test"), game, auth)
                .start(testKit.system())
                .toCompletableFuture()
                .get()
                .localAddress()
                .getPort();
  }

  @AfterAll
  static void stop() {
    testKit.shutdownTestKit();
  }

  private static Set<String> documentedOperations(JsonNode doc) {
    Set<String> ops = new TreeSet<>();
    doc.path("paths")
        .fields()
        .forEachRemaining(
            p -> {
              if (p.getKey().startsWith("/admin/")) {
                p.getValue()
                    .fieldNames()
                    .forEachRemaining(m -> ops.add(m.toUpperCase(Locale.ROOT) + " " + p.getKey()));
              }
            });
    return ops;
  }

  @Test
  void everyDeclaredEndpointIsDocumentedWithItsRolesAndViceVersa() {
    JsonNode doc = OpenApiDocument.load("test");
    Set<String> declared =
        EdgeServer.adminEndpoints().stream()
            .map(e -> e.method() + " " + e.path())
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(documentedOperations(doc)).isEqualTo(declared);
    for (AdminEndpoint e : EdgeServer.adminEndpoints()) {
      JsonNode op = doc.path("paths").path(e.path()).path(e.method().toLowerCase(Locale.ROOT));
      Set<String> roles = new TreeSet<>();
      op.path("x-roles").forEach(r -> roles.add(r.asText()));
      Set<String> expected = new TreeSet<>();
      expected.add(Role.ADMIN.claimValue());
      e.roles().forEach(r -> expected.add(r.claimValue()));
      assertThat(roles).as(e.method() + " " + e.path()).isEqualTo(expected);
      assertThat(op.path("responses").has("401")).isTrue();
      assertThat(op.path("responses").has("403")).isTrue();
    }
    assertThat(doc.path("openapi").asText()).startsWith("3.0");
  }

  @Test
  void everyDocumentedRouteRefusesNoTokenWith401AndAPlayerTokenWith403() throws Exception {
    JsonNode doc = OpenApiDocument.load("test");
    String playerToken = TestAuth.token(auth, Role.PLAYER);
    List<String> wrong = new ArrayList<>();
    for (String op : documentedOperations(doc)) {
      String method = op.substring(0, op.indexOf(' '));
      String path =
          op.substring(op.indexOf(' ') + 1)
              .replace("{role}", "Moderator")
              .replaceAll("\\{[^}]+}", "00000000-0000-0000-0000-000000000001");
      int anonymous = send(method, path, null);
      int player = send(method, path, playerToken);
      if (anonymous != 401 || player != 403) {
        wrong.add(op + " → " + anonymous + "/" + player);
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void servesTheDocumentAndSwaggerUiWithoutAToken() throws Exception {
    HttpResponse<String> doc = get("/admin/v1/openapi.json");
    assertThat(doc.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(doc.body()).path("paths").has("/admin/v1/audit")).isTrue();
    HttpResponse<String> page = get("/admin/docs/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("/admin/v1/openapi.json").contains("swagger-ui-bundle.js");
    HttpResponse<String> bundle = get("/admin/docs/swagger-ui-bundle.js");
    assertThat(bundle.statusCode()).isEqualTo(200);
    assertThat(bundle.body()).contains("SwaggerUIBundle");
  }

  @Test
  void auditsAnAdminActionBeforeItRunsAndNotAPlayersRefusedOne() throws Exception {
    EdgeServerTest.InMemoryGame game = new EdgeServerTest.InMemoryGame();
    String local =
        "http://127.0.0.1:"
            + new EdgeServer(new EdgeServer.Settings("127.0.0.1", 0, true, "test"), game, auth)
                .start(testKit.system())
                .toCompletableFuture()
                .get()
                .localAddress()
                .getPort();
    String body = "{\"name\":\"Logged\",\"class\":\"Mage\"}";
    assertThat(send("POST", local + "/admin/v1/players", TestAuth.token(auth, Role.PLAYER), body))
        .isEqualTo(403);
    assertThat(game.admin.entries).isEmpty();
    assertThat(
            send(
                "POST",
                local + "/admin/v1/players",
                TestAuth.token(auth, Role.PLAYER, Role.ADMIN),
                body))
        .isEqualTo(201);
    assertThat(game.admin.entries).hasSize(1);
    assertThat(game.admin.entries.get(0).action()).isEqualTo("POST /admin/v1/players");
    assertThat(game.admin.entries.get(0).details()).isEqualTo(body);
    assertThat(game.admin.entries.get(0).remoteAddress()).isEqualTo("127.0.0.1");
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static int send(String method, String path, String token) throws Exception {
    return send(method, base + path, token, "{}");
  }

  private static int send(String method, String url, String token, String body) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(20))
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
  }
}
