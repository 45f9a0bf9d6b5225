package org.bluemarble.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.bluemarble.config.Profile;
import org.bluemarble.node.testing.AdminClient;
import org.bluemarble.node.testing.InProcessNode;
import org.bluemarble.persistence.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code /admin/v1/journal/...} on a running node whose journal is a real PostgreSQL: the same
 * reads as the CLI, Admin token required, reads of personal data audited, clear errors.
 */
class JournalAdminApiTest {
  private static InProcessNode node;
  private static AdminClient admin;
  private static String token;
  private static String playerId;

  @BeforeAll
  static void start() throws Exception {
    TestPostgres.Database db = TestPostgres.newDatabase();
    node = InProcessNode.start(Profile.LOCAL1, db.configOverrides());
    admin = node.client();
    token = admin.adminToken();
    AdminClient.Response created = admin.createPlayer("Journal Hero", "Mage");
    assertThat(created.status()).isEqualTo(201);
    playerId = created.body().path("id").asText();
  }

  @AfterAll
  static void stop() throws Exception {
    node.close();
  }

  private static AdminClient.Response get(String path) throws Exception {
    return admin.call("GET", path, null, token);
  }

  private static String pid() {
    return "Player%7C" + playerId;
  }

  @Test
  void listsEntitiesEventsAndTheReplayedStateOfALiveCharacter() throws Exception {
    AdminClient.Response entities = get("/admin/v1/journal/entities?type=Player");
    assertThat(entities.status()).as(String.valueOf(entities.body())).isEqualTo(200);
    assertThat(entities.body().path("entities").findValuesAsText("persistenceId"))
        .contains("Player|" + playerId);

    AdminClient.Response events = get("/admin/v1/journal/events/" + pid());
    assertThat(events.status()).isEqualTo(200);
    JsonNode first = events.body().path("events").get(0);
    assertThat(first.path("sequenceNr").asLong()).isEqualTo(1);
    assertThat(first.path("eventClass").asText()).endsWith("CharacterCreated");
    assertThat(first.path("tags").get(0).asText()).startsWith("player-");

    AdminClient.Response state = get("/admin/v1/journal/state/" + pid() + "?atSeq=1");
    assertThat(state.status()).isEqualTo(200);
    JsonNode live = admin.player(playerId).body();
    assertThat(state.body().path("state").path("name").asText())
        .isEqualTo(live.path("name").asText())
        .isEqualTo("Journal Hero");
    assertThat(state.body().path("hash").asText()).hasSize(64);

    AdminClient.Response diff = get("/admin/v1/journal/diff/" + pid() + "?from=0&to=1");
    assertThat(diff.status()).isEqualTo(200);
    assertThat(diff.body().path("changes").findValuesAsText("path")).contains("/name");
  }

  @Test
  void refusesBadRequestsAndUnknownEntitiesClearly() throws Exception {
    AdminClient.Response unknown = get("/admin/v1/journal/state/Player%7Cnobody");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.body().path("error").path("message").asText()).contains("Player|nobody");
    AdminClient.Response badSeq = get("/admin/v1/journal/state/" + pid() + "?atSeq=x");
    assertThat(badSeq.status()).isEqualTo(400);
    assertThat(badSeq.body().path("error").path("message").asText()).contains("atSeq");
    AdminClient.Response noFold = get("/admin/v1/journal/state/UsernameClaim%7Cx?atSeq=1");
    assertThat(noFold.status()).isEqualTo(400);
    AdminClient.Response noTo = get("/admin/v1/journal/diff/" + pid() + "?from=0");
    assertThat(noTo.status()).isEqualTo(400);
    assertThat(admin.call("GET", "/admin/v1/journal/entities", null, null).status()).isEqualTo(401);
  }

  @Test
  void readsOfEventsAreAudited() throws Exception {
    assertThat(get("/admin/v1/journal/events/" + pid()).status()).isEqualTo(200);
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(
                        get("/admin/v1/audit?action=journal/events")
                            .body()
                            .path("entries")
                            .findValuesAsText("action"))
                    .contains("GET /admin/v1/journal/events/{persistenceId}"));
  }
}
