package org.bluemarble.play;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.bluemarble.names.NameDirectory;
import org.bluemarble.node.testing.AdminClient;
import org.bluemarble.node.testing.InProcessNode;
import org.bluemarble.node.testing.TwoNodeCluster;
import org.bluemarble.protocol.client.BlueMarbleClient;
import org.bluemarble.protocol.client.ClientListener;
import org.bluemarble.protocol.v1.EntityEnter;
import org.bluemarble.protocol.v1.EntityKind;
import org.bluemarble.protocol.v1.EntityName;
import org.bluemarble.zone.PlayerIds;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes in one cluster: a player connected to node A sees a player connected to node B by its
 * character name (in its EntityEnter, or an EntityName right after); an Admin on node A lists both
 * players with their positions; name and position are withdrawn once that character leaves.
 */
@Tag("slow")
class EntityNamesTwoNodeTest {
  private static final Duration WAIT = Duration.ofSeconds(60);
  @TempDir static Path dataDir;
  private static TwoNodeCluster cluster;
  private static InProcessNode nodeA;
  private static InProcessNode nodeB;

  @BeforeAll
  static void startCluster() {
    cluster =
        TwoNodeCluster.start(
            "names", name -> PlayWorld.config(dataDir.resolve(name).toString(), "30s"), WAIT);
    nodeA = cluster.a();
    nodeB = cluster.b();
  }

  @AfterAll
  static void stopCluster() throws Exception {
    cluster.close();
  }

  private static com.fasterxml.jackson.databind.JsonNode positions() throws Exception {
    AdminClient.Response r = nodeA.client().get("/admin/v1/world/positions");
    assertThat(r.status()).isEqualTo(200);
    return r.body();
  }

  /** The names an observer learnt, by entity id: EntityEnter's, overwritten by EntityName. */
  static final class Names implements ClientListener {
    final Map<Long, String> names = new ConcurrentHashMap<>();
    final Map<Long, EntityKind> kinds = new ConcurrentHashMap<>();

    @Override
    public void onEntityEnter(EntityEnter enter) {
      kinds.put(enter.getEntityId(), enter.getKind());
      if (enter.getKind() != EntityKind.ENTITY_KIND_PLAYER || !enter.getName().equals("player")) {
        names.put(enter.getEntityId(), enter.getName());
      }
    }

    @Override
    public void onEntityName(EntityName name) {
      names.put(name.getEntityId(), name.getName());
    }
  }

  @Test
  void aPlayerOnTheOtherNodeIsSeenByItsCharacterName() throws Exception {
    PlayWorld worldA = new PlayWorld(nodeA);
    PlayWorld worldB = new PlayWorld(nodeB);
    PlayWorld.Player ann = worldA.newPlayer("names_ann");
    PlayWorld.Player bob = worldB.newPlayer("names_bob");
    long bobEntity = PlayerIds.simulationId(bob.playerId());
    Names annSees = new Names();
    try (BlueMarbleClient annClient = worldA.webSocket(ann, annSees);
        BlueMarbleClient bobClient = worldB.webSocket(bob, new ClientListener() {})) {
      annClient.enterWorld(ann.playerId()).get(60, TimeUnit.SECONDS);
      bobClient.enterWorld(bob.playerId()).get(60, TimeUnit.SECONDS);
      await().atMost(WAIT).until(() -> annSees.names.containsKey(bobEntity));
      assertThat(annSees.names.get(bobEntity)).isEqualTo("names_bob hero");
      assertThat(annSees.kinds.get(bobEntity)).isEqualTo(EntityKind.ENTITY_KIND_PLAYER);
      // Node A's own replica of the directory catches up by gossip (the session's EntityName came
      // from a majority read), so wait for it rather than read it once.
      await()
          .atMost(WAIT)
          .until(
              () ->
                  "names_bob hero".equals(NameDirectory.get(nodeA.system).displayName(bobEntity)));
      assertThat(
              NameDirectory.get(nodeB.system)
                  .lookup(PlayerIds.simulationId(ann.playerId()))
                  .toCompletableFuture()
                  .get(30, TimeUnit.SECONDS))
          .contains("names_ann hero");

      // An Admin on node A sees both players where they stand, whichever node holds them.
      await().atMost(WAIT).until(() -> positions().path("total").asInt() == 2);
      com.fasterxml.jackson.databind.JsonNode page = positions();
      assertThat(page.path("nodesAnswered").asInt()).isEqualTo(2);
      List<String> listed = new java.util.ArrayList<>();
      page.path("players").forEach(p -> listed.add(p.path("name").asText()));
      assertThat(listed).containsExactly("names_ann hero", "names_bob hero");
      com.fasterxml.jackson.databind.JsonNode bobAt = page.path("players").get(1);
      assertThat(bobAt.path("entityId").asText()).isEqualTo(Long.toUnsignedString(bobEntity));
      assertThat(bobAt.path("latitudeDeg").asDouble()).isBetween(-90.0, 90.0).isNotZero();

      bobClient.leaveWorld();
      await()
          .atMost(WAIT)
          .until(() -> NameDirectory.get(nodeA.system).displayName(bobEntity) == null);
      await().atMost(WAIT).until(() -> positions().path("total").asInt() == 1);
    }
  }
}
