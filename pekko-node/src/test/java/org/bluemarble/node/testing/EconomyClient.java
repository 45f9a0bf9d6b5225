package org.bluemarble.node.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * A test driver's HTTP view of a cluster's economy: sends one request to a node and, when that node
 * is dead or cannot answer (connection refused, timeout, 5xx), sends the very same request (same
 * body, so the same idempotency key where the route has one) to the next live node. Players act
 * with a token per node (each node signs its own tokens unless a shared key is configured).
 */
public final class EconomyClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

  /** A status (0: no node answered) and the parsed body (null if none). */
  public record Answer(int status, JsonNode body) {
    public boolean ok() {
      return status >= 200 && status < 300;
    }
  }

  private final List<Integer> ports;
  private final IntPredicate alive;
  private final Duration timeout;

  /** {@code ports}: the nodes' HTTP ports; {@code alive}: whether node i may be tried. */
  public EconomyClient(List<Integer> ports, IntPredicate alive, Duration timeout) {
    this.ports = List.copyOf(ports);
    this.alive = alive;
    this.timeout = timeout;
  }

  public static String json(Map<String, ?> body) {
    try {
      return JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new IllegalArgumentException("not JSON-able: " + body, e);
    }
  }

  /**
   * Sends {@code method path body} first to node {@code first}, then to the other live nodes in
   * turn, up to {@code attempts} tries; {@code tokens.get(i)} authenticates on node i (null: none).
   */
  public Answer send(
      int first, String method, String path, String body, List<String> tokens, int attempts) {
    return send(first, method, path, body, tokens, attempts, Map.of());
  }

  /** As {@link #send(int, String, String, String, List, int)}, with extra request headers. */
  public Answer send(
      int first,
      String method,
      String path,
      String body,
      List<String> tokens,
      int attempts,
      Map<String, String> headers) {
    Answer last = new Answer(0, null);
    int tried = 0;
    for (int k = 0; tried < attempts && k < attempts * ports.size(); k++) {
      int node = (first + k) % ports.size();
      if (!alive.test(node)) {
        continue;
      }
      tried++;
      last = once(node, method, path, body, tokens == null ? null : tokens.get(node), headers);
      if (last.status() != 0 && last.status() < 500) {
        return last;
      }
    }
    return last;
  }

  private Answer once(
      int node,
      String method,
      String path,
      String body,
      String token,
      Map<String, String> headers) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ports.get(node) + path))
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    headers.forEach(b::header);
    try {
      HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
      JsonNode parsed;
      try {
        parsed = r.body().isEmpty() ? null : JSON.readTree(r.body());
      } catch (IOException notJson) {
        parsed = null;
      }
      return new Answer(r.statusCode(), parsed);
    } catch (IOException e) {
      return new Answer(0, null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Answer(0, null);
    }
  }
}
