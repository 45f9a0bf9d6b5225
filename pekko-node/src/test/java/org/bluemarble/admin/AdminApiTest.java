package org.bluemarble.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.bluemarble.config.Profile;
import org.bluemarble.node.testing.AdminClient;
import org.bluemarble.node.testing.InProcessNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin gate, audit log and load-test accounts against a real embedded node over HTTP. */
class AdminApiTest {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @TempDir static Path dataDir;
  static InProcessNode node;
  static AdminClient api;
  static String adminToken;
  static String playerToken;

  @BeforeAll
  static void startNode() throws Exception {
    node =
        InProcessNode.start(
            Profile.EMBEDDED,
            Map.of(
                "bluemarble.node.data-dir",
                dataDir.toString(),
                "bluemarble.auth.argon2.memory-kib",
                1024,
                "bluemarble.auth.argon2.iterations",
                1));
    api = node.client();
    adminToken = api.adminToken();
    assertThat(
            api.post(
                    "/v1/auth/register",
                    "{\"username\":\"plain_player\",\"password\":\"plain-player-pw\","
                        + "\"email\":\"p@example.org\"}")
                .status())
        .isEqualTo(201);
    playerToken =
        api.post(
                "/v1/auth/login",
                "{\"username\":\"plain_player\",\"password\":\"plain-player-pw\"}")
            .body()
            .path("accessToken")
            .asText();
  }

  @AfterAll
  static void stopNode() throws Exception {
    node.close();
  }

  /** Sends with exactly the given token (null: none), unlike AdminClient which adds the admin's. */
  static AdminClient.Response send(String method, String path, String body, String token)
      throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.httpPort + path))
            .timeout(Duration.ofSeconds(120))
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    JsonNode json;
    try {
      json = JSON.readTree(r.body());
    } catch (IOException e) {
      json = null;
    }
    return new AdminClient.Response(r.statusCode(), json, r.headers());
  }

  @Test
  void adminRoutesNeedATokenAndTheRole() throws Exception {
    AdminClient.Response none = send("GET", "/admin/v1/audit", null, null);
    assertThat(none.status()).isEqualTo(401);
    assertThat(none.headers().firstValue("WWW-Authenticate")).isPresent();
    assertThat(send("GET", "/admin/v1/audit", null, "not.a.jwt").status()).isEqualTo(401);
    AdminClient.Response player = send("GET", "/admin/v1/audit", null, playerToken);
    assertThat(player.status()).isEqualTo(403);
    assertThat(player.body().path("error").path("code").asText()).isEqualTo("FORBIDDEN");
    assertThat(send("GET", "/admin/v1/no-such-route", null, playerToken).status()).isEqualTo(403);
    assertThat(send("GET", "/admin/v1/audit", null, adminToken).status()).isEqualTo(200);
  }

  @Test
  void everyAdminActionIsAuditedWithWhoWhatWhereAndTarget() throws Exception {
    AdminClient.Response created =
        send(
            "POST",
            "/admin/v1/players",
            "{\"name\":\"Audited Hero\",\"class\":\"Mage\"}",
            adminToken);
    assertThat(created.status()).isEqualTo(201);

    String query = "/admin/v1/audit?actor=test_admin&action=POST%20/admin/v1/players";
    // The read journal sees new events after its ordering catches up (well under a second).
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> send("GET", query, null, adminToken).body().path("total").asLong() > 0);
    AdminClient.Response page = send("GET", query, null, adminToken);
    assertThat(page.status()).as(String.valueOf(page.body())).isEqualTo(200);
    JsonNode entries = page.body().path("entries");
    assertThat(entries.size()).isGreaterThanOrEqualTo(1);
    JsonNode entry = entries.get(0);
    assertThat(entry.path("actorName").asText()).isEqualTo("test_admin");
    assertThat(entry.path("actorId").asText()).isNotBlank();
    assertThat(entry.path("action").asText()).isEqualTo("POST /admin/v1/players");
    assertThat(entry.path("details").asText()).contains("Audited Hero");
    assertThat(entry.path("remoteAddress").asText()).isEqualTo("127.0.0.1");
    assertThat(entry.path("at").asText()).isNotBlank();

    AdminClient.Response empty =
        send("GET", "/admin/v1/audit?actor=somebody_else", null, adminToken);
    assertThat(empty.body().path("total").asLong()).isZero();
    AdminClient.Response badTime = send("GET", "/admin/v1/audit?from=yesterday", null, adminToken);
    assertThat(badTime.status()).isEqualTo(400);
    assertThat(badTime.body().path("error").path("message").asText()).contains("from");
  }

  @Test
  void readsAreNotAudited() throws Exception {
    String marker = "Read Marker " + java.util.UUID.randomUUID().toString().substring(0, 8);
    assertThat(send("GET", "/admin/v1/audit?target=nothing", null, adminToken).status())
        .isEqualTo(200);
    assertThat(send("GET", "/admin/v1/cluster", null, adminToken).status()).isEqualTo(200);
    // An audited action after the reads: once the (eventually consistent) audit query shows it,
    // it shows everything written before it, so audited reads would be visible by then.
    assertThat(
            send(
                    "POST",
                    "/admin/v1/players",
                    "{\"name\":\"" + marker + "\",\"class\":\"Mage\"}",
                    adminToken)
                .status())
        .isEqualTo(201);
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                send("GET", "/admin/v1/audit?action=POST%20/admin/v1/players", null, adminToken)
                    .body()
                    .path("entries")
                    .findValuesAsText("details")
                    .stream()
                    .anyMatch(d -> d.contains(marker)));
    for (String read : new String[] {"GET%20/admin/v1/audit", "GET%20/admin/v1/cluster"}) {
      AdminClient.Response audited =
          send("GET", "/admin/v1/audit?action=" + read, null, adminToken);
      assertThat(audited.body().path("total").asLong()).as(read).isZero();
    }
  }

  @Test
  void createsLoadTestAccountsWithTokensCharactersAndPositions() throws Exception {
    String body =
        "{\"prefix\":\"lt_\",\"count\":3,\"characterClass\":\"Ranger\",\"positions\":["
            + "{\"latitude\":-21.0,\"longitude\":-27.0},"
            + "{\"latitude\":-21.01,\"longitude\":-27.0},"
            + "{\"latitude\":-21.02,\"longitude\":-27.0}]}";
    AdminClient.Response created = send("POST", "/admin/v1/load-test/accounts", body, adminToken);
    assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
    JsonNode accounts = created.body().path("accounts");
    assertThat(accounts.size()).isEqualTo(3);
    assertThat(accounts.get(2).path("username").asText()).isEqualTo("lt_2");
    JsonNode second = accounts.get(1);
    assertThat(second.path("refreshToken").asText()).isNotBlank();

    AdminClient.Response player =
        send("GET", "/admin/v1/players/" + second.path("playerId").asText(), null, adminToken);
    assertThat(player.status()).isEqualTo(200);
    assertThat(player.body().path("characterClass").asText()).isEqualTo("Ranger");
    assertThat(player.body().path("position").path("latitude").asDouble()).isEqualTo(-21.01);

    // The access token works for the player's own routes.
    AdminClient.Response refreshed =
        send(
            "POST",
            "/v1/auth/refresh",
            "{\"refreshToken\":\"" + second.path("refreshToken").asText() + "\"}",
            null);
    assertThat(refreshed.status()).isEqualTo(200);

    AdminClient.Response wrongCount =
        send(
            "POST",
            "/admin/v1/load-test/accounts",
            "{\"prefix\":\"lt_bad_\",\"count\":2,\"characterClass\":\"Ranger\",\"positions\":[]}",
            adminToken);
    assertThat(wrongCount.status()).isEqualTo(400);
    assertThat(wrongCount.body().path("error").path("message").asText()).contains("positions");
    AdminClient.Response tooMany =
        send(
            "POST",
            "/admin/v1/load-test/accounts",
            "{\"prefix\":\"lt_many_\",\"count\":10001,\"characterClass\":\"Ranger\"}",
            adminToken);
    assertThat(tooMany.status()).isEqualTo(400);
    assertThat(
            send(
                    "POST",
                    "/admin/v1/load-test/accounts",
                    "{\"prefix\":\"lt_p_\",\"count\":1,\"characterClass\":\"Ranger\"}",
                    playerToken)
                .status())
        .isEqualTo(403);
  }

  @Test
  void searchesCharactersByNameIgnoringCase() throws Exception {
    for (String name : new String[] {"Searchable One", "Searchable Two", "Someone Else"}) {
      assertThat(
              send(
                      "POST",
                      "/admin/v1/players",
                      "{\"name\":\"" + name + "\",\"class\":\"Healer\"}",
                      adminToken)
                  .status())
          .isEqualTo(201);
    }
    // The read journal sees new events after its ordering catches up (well under a second).
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                send("GET", "/admin/v1/players?name=SEARCHABLE", null, adminToken)
                        .body()
                        .path("players")
                        .size()
                    == 2);
    AdminClient.Response one =
        send("GET", "/admin/v1/players?name=searchable&limit=1", null, adminToken);
    assertThat(one.body().path("players").size()).isEqualTo(1);
    assertThat(one.body().path("players").get(0).path("name").asText()).startsWith("Searchable");
    assertThat(send("GET", "/admin/v1/players?name=x&limit=0", null, adminToken).status())
        .isEqualTo(400);
  }
}
