package org.bluemarble.node.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A test's view of a node's public HTTP interface: health and the admin routes. Requests under
 * {@code /admin} carry an access token of the test admin ({@link #TEST_ADMIN}, created by the
 * node's bootstrap-admin setting, which {@link InProcessNode} and {@link NodeProcess} set), fetched
 * by logging in on first use.
 */
public final class AdminClient {
  /** The bootstrap admin test nodes are started with. */
  public static final String TEST_ADMIN = "test_admin";

  public static final String TEST_ADMIN_PASSWORD = "test-admin-password";

  /** The value for {@code bluemarble.auth.bootstrap-admin} / BLUEMARBLE_BOOTSTRAP_ADMIN. */
  public static final String TEST_ADMIN_SETTING = TEST_ADMIN + ":" + TEST_ADMIN_PASSWORD;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /**
   * Tokens by base URL, shared by every client of one node: tests create many clients, and the
   * login limit per account (10 per 15 minutes) must not be spent on logging in again and again.
   */
  private static final java.util.Map<String, String> TOKENS =
      new java.util.concurrent.ConcurrentHashMap<>();

  private final String base;
  private final HttpClient http;

  public AdminClient(int httpPort) {
    this("http://127.0.0.1:" + httpPort, HTTP);
  }

  /** A client of {@code base} (e.g. {@code https://127.0.0.1:port}) through {@code http}. */
  public AdminClient(String base, HttpClient http) {
    this.base = base;
    this.http = http;
  }

  /**
   * Status code, parsed JSON body (null when the body is not JSON) and headers (null when nothing
   * answered).
   */
  public record Response(int status, JsonNode body, HttpHeaders headers) {}

  public Response health() throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(base + "/health")).GET());
  }

  public Response createPlayer(String name, String characterClass)
      throws IOException, InterruptedException {
    String body =
        JSON.writeValueAsString(
            JSON.createObjectNode().put("name", name).put("class", characterClass));
    return send(
        HttpRequest.newBuilder(URI.create(base + "/admin/v1/players"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** GET of a path on this node's HTTP port. */
  public Response get(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  /** POST of a JSON body to a path on this node's HTTP port. */
  public Response post(String path, String json) throws IOException, InterruptedException {
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  public Response player(String id) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(base + "/admin/v1/players/" + id)).GET());
  }

  /** A player's profile, giving up (IOException) when no answer came within {@code timeout}. */
  public Response player(String id, Duration timeout) throws IOException, InterruptedException {
    return send(
        HttpRequest.newBuilder(URI.create(base + "/admin/v1/players/" + id)).GET(), timeout);
  }

  /**
   * A request with a JSON body (null: none) and a bearer token (null: none), sent as is (no admin
   * token added).
   */
  public Response call(String method, String path, String json, String token)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/json")
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return sendAsIs(request);
  }

  /** GET of any path on a local port, e.g. Pekko Management's /cluster/members. */
  public static Response get(int port, String path) throws IOException, InterruptedException {
    return new AdminClient(port)
        .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET());
  }

  /** Health, or status 0 when nothing answers (yet). */
  public Response healthOrNothing() {
    try {
      return health();
    } catch (IOException e) {
      return new Response(0, null, null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Response(0, null, null);
    }
  }

  /** An access token of the test admin; logs in the first time. */
  public String adminToken() throws IOException, InterruptedException {
    String adminToken = TOKENS.get(base);
    if (adminToken == null) {
      String body =
          JSON.writeValueAsString(
              JSON.createObjectNode()
                  .put("username", TEST_ADMIN)
                  .put("password", TEST_ADMIN_PASSWORD));
      // The bootstrap account is written in the background at start. Few, spaced attempts: the
      // login limit per account name is 10 per 15 minutes.
      Response[] login = new Response[1];
      org.awaitility.Awaitility.await()
          .atMost(Duration.ofSeconds(45))
          .pollInterval(Duration.ofSeconds(5))
          .pollDelay(Duration.ZERO)
          .until(() -> (login[0] = post("/v1/auth/login", body)).status() == 200);
      adminToken = login[0].body().path("accessToken").asText();
      TOKENS.put(base, adminToken);
    }
    return adminToken;
  }

  private Response send(HttpRequest.Builder request) throws IOException, InterruptedException {
    return send(request, Duration.ofSeconds(15));
  }

  private Response send(HttpRequest.Builder request, Duration timeout)
      throws IOException, InterruptedException {
    HttpRequest probe = request.copy().build();
    if (probe.uri().getPath().startsWith("/admin/")
        && probe.headers().firstValue("Authorization").isEmpty()) {
      HttpRequest.Builder retry = request.copy();
      request.header("Authorization", "Bearer " + adminToken());
      Response first = sendAsIs(request, timeout);
      if (first.status() != 401) {
        return first;
      }
      // A node restarted on the same port signs with a new key: log in again once.
      TOKENS.remove(base);
      return sendAsIs(retry.header("Authorization", "Bearer " + adminToken()), timeout);
    }
    return sendAsIs(request, timeout);
  }

  private Response sendAsIs(HttpRequest.Builder request) throws IOException, InterruptedException {
    return sendAsIs(request, Duration.ofSeconds(15));
  }

  private Response sendAsIs(HttpRequest.Builder request, Duration timeout)
      throws IOException, InterruptedException {
    HttpResponse<String> r =
        http.send(request.timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
    JsonNode body;
    try {
      body = JSON.readTree(r.body());
    } catch (IOException e) {
      body = null;
    }
    return new Response(r.statusCode(), body, r.headers());
  }
}
