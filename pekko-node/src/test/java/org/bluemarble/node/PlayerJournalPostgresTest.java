package org.bluemarble.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.bluemarble.config.BlueMarbleSettings;
import org.bluemarble.config.ConfigLoader;
import org.bluemarble.config.Profile;
import org.bluemarble.node.testing.AdminClient;
import org.bluemarble.node.testing.FreePorts;
import org.bluemarble.persistence.TestPostgres;
import org.junit.jupiter.api.Test;

/**
 * The journal on a real PostgreSQL: persist, terminate the ActorSystem, start a new one on the same
 * database, recover.
 */
class PlayerJournalPostgresTest {

  private static ActorSystem<Void> startNode(TestPostgres.Database db, int httpPort) {
    Map<String, Object> overrides = new HashMap<>(db.configOverrides());
    overrides.put("bluemarble.node.http-port", httpPort);
    overrides.put("bluemarble.node.management-port", FreePorts.next());
    overrides.put("bluemarble.node.remote-port", FreePorts.next());
    overrides.put("bluemarble.node.seed-nodes", List.of());
    overrides.put("bluemarble.metrics.enabled", false);
    BlueMarbleSettings settings =
        BlueMarbleSettings.fromConfig(
            ConfigLoader.load(Profile.LOCAL1, ConfigFactory.parseMap(overrides)));
    ActorSystem<Void> system =
        ActorSystem.create(
            Behaviors.empty(),
            "BlueMarble",
            ConfigFactory.parseString("pekko.coordinated-shutdown.exit-jvm = off")
                .withFallback(settings.config()));
    BlueMarbleNode.init(system, settings, "test");
    return system;
  }

  @Test
  void playersSurviveARestartOfTheWholeActorSystem() throws Exception {
    TestPostgres.Database db = TestPostgres.newDatabase();
    Map<String, String> created = new LinkedHashMap<>();

    int http = FreePorts.next();
    ActorSystem<Void> first = startNode(db, http);
    try {
      AdminClient admin = new AdminClient(http);
      for (int i = 0; i < 10; i++) {
        AdminClient.Response r = admin.createPlayer("Survivor " + i, "Ranger");
        assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(201);
        created.put(r.body().path("id").asText(), "Survivor " + i);
      }
      assertThat(admin.health().body().path("status").asText()).isEqualTo("healthy");
    } finally {
      first.terminate();
      first.getWhenTerminated().toCompletableFuture().get();
    }

    int http2 = FreePorts.next();
    ActorSystem<Void> second = startNode(db, http2);
    try {
      AdminClient admin = new AdminClient(http2);
      for (var e : created.entrySet()) {
        AdminClient.Response r = admin.player(e.getKey());
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().path("name").asText()).isEqualTo(e.getValue());
        assertThat(r.body().path("characterClass").asText()).isEqualTo("Ranger");
      }
    } finally {
      second.terminate();
      second.getWhenTerminated().toCompletableFuture().get();
    }
  }
}
