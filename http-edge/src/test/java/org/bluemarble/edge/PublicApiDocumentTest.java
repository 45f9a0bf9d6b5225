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
import org.bluemarble.edge.PublicEndpoint.Access;
import org.bluemarble.edge.admin.OpenApiDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The public routes and the OpenAPI document cannot drift: every declared {@link PublicEndpoint} is
 * documented with its summary and what the caller must present, every documented public operation
 * is declared, the {@link PublicGate} refuses what is not declared, and the declared routes are
 * served (an open one is not the router's 404, a token one answers 401 without one).
 */
class PublicApiDocumentTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static ActorTestKit testKit;
  private static String base;

  @BeforeAll
  static void start() throws Exception {
    testKit =
        ActorTestKit.create(
            "public-docs",
            ConfigFactory.parseString("pekko.http.server.remote-address-attribute = on"));
    AuthComponents auth = TestAuth.components(ForkJoinPool.commonPool());
    base =
        "http://127.0.0.1:"
            + new EdgeServer(
                    new EdgeServer.Settings("127.0.0.1", 0, true, "test"),
                    new EdgeServerTest.InMemoryGame(),
                    auth)
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

  @Test
  void everyDeclaredEndpointIsDocumentedWithItsSummaryAndAccessAndViceVersa() {
    JsonNode doc = OpenApiDocument.load("test");
    Set<String> documented = new TreeSet<>();
    doc.path("paths")
        .fields()
        .forEachRemaining(
            p -> {
              if (!p.getKey().startsWith("/admin/")) {
                p.getValue()
                    .fieldNames()
                    .forEachRemaining(
                        m -> documented.add(m.toUpperCase(Locale.ROOT) + " " + p.getKey()));
              }
            });
    Set<String> declared =
        EdgeServer.publicEndpoints().stream()
            .map(e -> e.method() + " " + e.path())
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(declared).hasSize(EdgeServer.publicEndpoints().size());
    assertThat(documented).isEqualTo(declared);
    for (PublicEndpoint e : EdgeServer.publicEndpoints()) {
      JsonNode op = doc.path("paths").path(e.path()).path(e.method().toLowerCase(Locale.ROOT));
      String what = e.method() + " " + e.path();
      assertThat(op.path("summary").asText()).as(what).isEqualTo(e.summary());
      JsonNode security = op.path("security");
      switch (e.access()) {
        case OPEN -> assertThat(security.isArray() && security.isEmpty()).as(what).isTrue();
        case TOKEN -> {
          assertThat(security.isMissingNode()).as(what + " uses the document's bearer").isTrue();
          assertThat(op.path("responses").has("401")).as(what).isTrue();
        }
        case SIGNED -> assertThat(security.path(0).has("paymentSignature")).as(what).isTrue();
      }
      for (String variable : templateVariables(e.path())) {
        assertThat(op.path("parameters").findValuesAsText("name")).as(what).contains(variable);
      }
    }
  }

  @Test
  void theGateAnswersAnUndeclaredPathWith404AndAnUndeclaredMethodWith405() throws Exception {
    HttpResponse<String> unknown = send("GET", "/v1/no-such-thing", null);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(unknown.body()).path("error").path("message").asText())
        .isEqualTo("no such route");
    HttpResponse<String> wrongMethod = send("PUT", "/v1/characters", null);
    assertThat(wrongMethod.statusCode()).isEqualTo(405);
    assertThat(JSON.readTree(wrongMethod.body()).path("error").path("message").asText())
        .isEqualTo("allowed: GET, POST");
    assertThat(send("GET", "/health", null).statusCode()).isEqualTo(200);
  }

  @Test
  void everyDeclaredRouteIsServedAndTheTokenOnesRefuseACallWithoutAToken() throws Exception {
    List<String> wrong = new ArrayList<>();
    for (PublicEndpoint e : EdgeServer.publicEndpoints()) {
      // The marketplace and the payments webhook are served only with an economy, the OIDC routes
      // only with external identities (pekko-node's MarketApiTest, ExchangeApiTest and
      // OidcLoginTest call them on a real node); this edge has neither.
      if (e.path().startsWith("/api/marketplace/")
          || e.path().startsWith("/v1/auth/oidc/")
          || e.access() == Access.SIGNED) {
        continue;
      }
      String path = e.path().replaceAll("\\{[^}]+}", "00000000-0000-0000-0000-000000000001");
      HttpResponse<String> r = send(e.method(), path, "{}");
      boolean unrouted =
          r.statusCode() == 405
              || (r.statusCode() == 404 && r.body().contains("\"no such route\""));
      if (unrouted || (e.access() == Access.TOKEN && r.statusCode() != 401)) {
        wrong.add(e.method() + " " + e.path() + " → " + r.statusCode() + " " + r.body());
      }
    }
    assertThat(wrong).isEmpty();
  }

  private static List<String> templateVariables(String path) {
    List<String> names = new ArrayList<>();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(path);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  private static HttpResponse<String> send(String method, String path, String body)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(20))
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
