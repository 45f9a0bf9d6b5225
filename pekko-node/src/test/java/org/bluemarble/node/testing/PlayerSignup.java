package org.bluemarble.node.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * A player signing up through a node's public routes, as a game client does: {@code POST
 * /v1/auth/register}, {@code /v1/auth/login}, then {@code POST /v1/characters} with the access
 * token.
 */
public final class PlayerSignup {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private PlayerSignup() {}

  /** An account with an access token and one character. */
  public record SignedUp(String accountId, String accessToken, String playerId) {}

  /** Registers {@code username}, logs in and creates a character of {@code characterClass}. */
  public static SignedUp signUp(int httpPort, String username, String characterClass)
      throws IOException, InterruptedException {
    String base = "http://127.0.0.1:" + httpPort;
    String password = "correct-horse-battery-" + username;
    JsonNode reg =
        post(
            base + "/v1/auth/register",
            Map.of("username", username, "password", password, "email", username + "@example.org"),
            null,
            201);
    JsonNode login =
        post(
            base + "/v1/auth/login", Map.of("username", username, "password", password), null, 200);
    String token = login.path("accessToken").asText();
    JsonNode character =
        post(
            base + "/v1/characters",
            Map.of(
                "name",
                "Hero " + username.replaceAll("[^a-z]", ""),
                "characterClass",
                characterClass),
            token,
            201);
    return new SignedUp(reg.path("accountId").asText(), token, character.path("playerId").asText());
  }

  private static JsonNode post(String url, Map<String, String> body, String token, int expected)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != expected) {
      throw new IllegalStateException(
          "POST "
              + url
              + " answered "
              + r.statusCode()
              + " (expected "
              + expected
              + "): "
              + r.body());
    }
    return JSON.readTree(r.body());
  }
}
