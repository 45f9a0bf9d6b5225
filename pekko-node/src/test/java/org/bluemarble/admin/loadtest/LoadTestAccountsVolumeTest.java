package org.bluemarble.admin.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.bluemarble.config.Profile;
import org.bluemarble.node.testing.AdminClient;
import org.bluemarble.node.testing.InProcessNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One batch of 1,000 load-test accounts on an embedded node with the production Argon2 parameters;
 * prints how long it took (the number the load-test helper cares about; not asserted).
 */
class LoadTestAccountsVolumeTest {
  @TempDir static Path dataDir;
  static InProcessNode node;

  @BeforeAll
  static void startNode() {
    node =
        InProcessNode.start(
            Profile.EMBEDDED, Map.of("bluemarble.node.data-dir", dataDir.toString()));
  }

  @AfterAll
  static void stopNode() throws Exception {
    node.close();
  }

  @Test
  void createsAThousandDistinctAccountsEachWithACharacterAtTheSpawn() throws Exception {
    AdminClient api = node.client();
    api.adminToken();
    long start = System.nanoTime();
    java.net.http.HttpResponse<String> response =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(
                            "http://127.0.0.1:" + node.httpPort + "/admin/v1/load-test/accounts"))
                    .timeout(java.time.Duration.ofMinutes(5))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + api.adminToken())
                    .POST(
                        java.net.http.HttpRequest.BodyPublishers.ofString(
                            "{\"prefix\":\"bot_\",\"count\":1000,\"characterClass\":\"Warrior\"}"))
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    AdminClient.Response created =
        new AdminClient.Response(
            response.statusCode(),
            new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body()),
            response.headers());
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "load-test accounts: 1000 in %.2f s (%.0f accounts/s)%n", seconds, 1000 / seconds);
    assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
    JsonNode accounts = created.body().path("accounts");
    assertThat(accounts.size()).isEqualTo(1000);
    Set<String> players = new HashSet<>();
    accounts.forEach(a -> players.add(a.path("playerId").asText()));
    assertThat(players).hasSize(1000);
    AdminClient.Response last = api.player(accounts.get(999).path("playerId").asText());
    assertThat(last.status()).isEqualTo(200);
    assertThat(last.body().path("position").path("latitude").asDouble()).isEqualTo(-21.0);
    assertThat(last.body().path("position").path("altitude").asDouble()).isPositive();
  }
}
