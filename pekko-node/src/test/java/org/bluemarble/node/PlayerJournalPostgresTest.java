package org.bluemarble.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.bluemarble.config.Profile;
import org.bluemarble.node.testing.AdminClient;
import org.bluemarble.node.testing.InProcessNode;
import org.bluemarble.persistence.TestPostgres;
import org.junit.jupiter.api.Test;

/**
 * The journal on a real PostgreSQL: persist, terminate the ActorSystem, start a new one on the same
 * database, recover.
 */
class PlayerJournalPostgresTest {

  @Test
  void playersSurviveARestartOfTheWholeActorSystem() throws Exception {
    TestPostgres.Database db = TestPostgres.newDatabase();
    Map<String, String> created = new LinkedHashMap<>();

    try (InProcessNode first = InProcessNode.start(Profile.LOCAL1, db.configOverrides())) {
      AdminClient admin = first.client();
      for (int i = 0; i < 10; i++) {
        AdminClient.Response r = admin.createPlayer("Survivor " + i, "Ranger");
        assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(201);
        created.put(r.body().path("id").asText(), "Survivor " + i);
      }
      assertThat(admin.health().body().path("status").asText()).isEqualTo("healthy");
    }

    try (InProcessNode second = InProcessNode.start(Profile.LOCAL1, db.configOverrides())) {
      AdminClient admin = second.client();
      for (var e : created.entrySet()) {
        AdminClient.Response r = admin.player(e.getKey());
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().path("name").asText()).isEqualTo(e.getValue());
        assertThat(r.body().path("characterClass").asText()).isEqualTo("Ranger");
      }
    }
  }
}
