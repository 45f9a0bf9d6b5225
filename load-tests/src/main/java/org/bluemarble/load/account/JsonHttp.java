package org.bluemarble.load.account;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** JSON over the node's HTTP API with the JDK client: one request, status and parsed body. */
public final class JsonHttp {

  /** A response: status code and body (a missing node when the body is empty or not JSON). */
  public record Response(int status, JsonNode body) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http;
  private final URI base;

  /** Requests go to {@code base} (e.g. {@code http://127.0.0.1:8080}). */
  public JsonHttp(HttpClient http, URI base) {
    this.http = http;
    this.base = base;
  }

  /** POSTs {@code body} as JSON, with a Bearer token when {@code token} is not null. */
  public Response post(String path, Object body, String token) {
    return post(path, body, token, Duration.ofSeconds(60));
  }

  /** POSTs {@code body} as JSON with an explicit timeout. */
  public Response post(String path, Object body, String token, Duration timeout) {
    try {
      HttpRequest.Builder b =
          HttpRequest.newBuilder(base.resolve(path))
              .timeout(timeout)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
      return send(b, token);
    } catch (IOException e) {
      throw new UncheckedIOException("POST " + path + " failed: " + e.getMessage(), e);
    }
  }

  /** GETs {@code path}, with a Bearer token when {@code token} is not null. */
  public Response get(String path, String token) {
    return send(
        HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10)).GET(), token);
  }

  private Response send(HttpRequest.Builder b, String token) {
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    HttpRequest request = b.build();
    try {
      HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      return new Response(r.statusCode(), parse(r.body()));
    } catch (IOException e) {
      throw new UncheckedIOException(
          request.method() + " " + request.uri() + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during " + request.uri(), e);
    }
  }

  private static JsonNode parse(byte[] body) {
    try {
      return body.length == 0 ? JSON.missingNode() : JSON.readTree(body);
    } catch (IOException e) {
      return JSON.missingNode();
    }
  }
}
