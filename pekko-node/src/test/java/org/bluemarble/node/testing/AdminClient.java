package org.bluemarble.node.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A test's view of a node's public HTTP interface: health and the admin player routes. */
public final class AdminClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final String base;

  public AdminClient(int httpPort) {
    this.base = "http://127.0.0.1:" + httpPort;
  }

  /** Status code and parsed JSON body (null when the body is not JSON). */
  public record Response(int status, JsonNode body) {}

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

  public Response player(String id) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(base + "/admin/v1/players/" + id)).GET());
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
      return new Response(0, null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Response(0, null);
    }
  }

  private Response send(HttpRequest.Builder request) throws IOException, InterruptedException {
    HttpResponse<String> r =
        HTTP.send(
            request.timeout(Duration.ofSeconds(15)).build(), HttpResponse.BodyHandlers.ofString());
    JsonNode body;
    try {
      body = JSON.readTree(r.body());
    } catch (IOException e) {
      body = null;
    }
    return new Response(r.statusCode(), body);
  }
}
