package org.bluemarble.play;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.pubsub.Topic;
import org.bluemarble.config.Profile;
import org.bluemarble.node.SessionControl;
import org.bluemarble.node.testing.InProcessNode;
import org.bluemarble.protocol.client.BlueMarbleClient;
import org.bluemarble.protocol.client.ClientListener;
import org.bluemarble.protocol.movement.MovementIntent;
import org.bluemarble.protocol.snapshot.EntityState;
import org.bluemarble.protocol.snapshot.Quantiser;
import org.bluemarble.protocol.v1.Disconnect;
import org.bluemarble.protocol.v1.EnteredWorld;
import org.bluemarble.protocol.v1.EntityLeave;
import org.bluemarble.protocol.v1.ServerNotice;
import org.bluemarble.zone.PlayerIds;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dropped connection keeps the character in the world for the grace period (3 s here): a
 * reconnect within it resumes where the character stands; after it the character leaves at its last
 * position, which is its checkpoint.
 */
class GracePeriodTest {
  @TempDir static Path dataDir;
  private static InProcessNode node;
  private static PlayWorld world;
  private static double radiusMeters;

  @BeforeAll
  static void startNode() {
    node = InProcessNode.start(Profile.EMBEDDED, PlayWorld.config(dataDir.toString(), "3s"));
    world = new PlayWorld(node);
  }

  @AfterAll
  static void stopNode() throws Exception {
    node.close();
  }

  /** Records who left the observer's view. */
  static final class Leaves implements ClientListener {
    final Set<Long> left = ConcurrentHashMap.newKeySet();

    @Override
    public void onEntityLeave(EntityLeave leave) {
      left.add(leave.getEntityId());
    }
  }

  @Test
  void aReconnectWithinTheGracePeriodResumesAndAfterItTheCharacterLeavesAtItsLastPosition()
      throws Exception {
    PlayWorld.Player walker = world.newPlayer("grace_walker");
    PlayWorld.Player watcher = world.newPlayer("grace_watcher");
    Leaves leaves = new Leaves();
    try (BlueMarbleClient observer = world.webSocket(watcher, leaves)) {
      observer.enterWorld(watcher.playerId()).get(30, TimeUnit.SECONDS);
      BlueMarbleClient first = world.webSocket(walker, new ClientListener() {});
      EnteredWorld entered = first.enterWorld(walker.playerId()).get(30, TimeUnit.SECONDS);
      long id = entered.getEntityId();
      radiusMeters = entered.getPlanetRadiusM();
      first.sendInput(new MovementIntent.Heading(45, 4));
      double lat0 = entered.getPosition().getLatDeg();
      double lng0 = entered.getPosition().getLngDeg();
      await()
          .atMost(PlayWorld.WAIT)
          .until(
              () -> {
                EntityState s = observer.world() == null ? null : observer.world().find(id);
                return s != null && distanceMeters(lat0, lng0, s) > 5.0;
              });
      first.sendInput(new MovementIntent.Heading(45, 0));
      await().atMost(PlayWorld.WAIT).until(() -> first.unacknowledgedInputs() == 0);
      first.close();

      BlueMarbleClient second = world.webSocket(walker, new ClientListener() {});
      EnteredWorld resumed = second.enterWorld(walker.playerId()).get(30, TimeUnit.SECONDS);
      assertThat(resumed.getEntityId()).isEqualTo(id);
      await().atMost(PlayWorld.WAIT).until(() -> observer.world().find(id) != null);
      EntityState seen = observer.world().find(id);
      assertThat(
              distanceMeters(
                  resumed.getPosition().getLatDeg(), resumed.getPosition().getLngDeg(), seen))
          .as("resumed where the observer sees it, not at the entry point")
          .isLessThan(1.0);
      assertThat(
              distanceMeters(
                  entered.getPosition().getLatDeg(), entered.getPosition().getLngDeg(), seen))
          .as("it had walked")
          .isGreaterThan(1.0);
      assertThat(leaves.left).doesNotContain(id);

      second.close();
      await().atMost(PlayWorld.WAIT).until(() -> leaves.left.contains(id));
      JsonNode profile = node.client().player(walker.playerId()).body();
      JsonNode at = profile.path("position");
      assertThat(
              distanceMeters(at.path("latitude").asDouble(), at.path("longitude").asDouble(), seen))
          .as("checkpoint at the last position")
          .isLessThan(1.0);
    }
  }

  private static double distanceMeters(double latDeg, double lngDeg, EntityState s) {
    double dLat = Math.toRadians(latDeg - Quantiser.latDeg(s));
    double dLng = Math.toRadians(lngDeg - Quantiser.lngDeg(s)) * Math.cos(Math.toRadians(latDeg));
    return radiusMeters * Math.hypot(dLat, dLng);
  }

  /** Records Disconnect reasons and notices. */
  static final class Ends implements ClientListener {
    final CompletableFuture<Disconnect.Reason> reason = new CompletableFuture<>();
    final CompletableFuture<String> notice = new CompletableFuture<>();

    @Override
    public void onDisconnect(Disconnect disconnect) {
      reason.complete(disconnect.getReason());
    }

    @Override
    public void onNotice(ServerNotice n) {
      notice.complete(n.getText());
    }
  }

  @Test
  void aSecondConnectionTakesOverAnAnnouncementArrivesAndAKickEndsTheSession() throws Exception {
    PlayWorld.Player p = world.newPlayer("takeover_player");
    Ends firstEnds = new Ends();
    Ends secondEnds = new Ends();
    try (BlueMarbleClient first = world.webSocket(p, firstEnds);
        BlueMarbleClient second = world.webSocket(p, secondEnds)) {
      first.enterWorld(p.playerId()).get(30, TimeUnit.SECONDS);
      EnteredWorld again = second.enterWorld(p.playerId()).get(30, TimeUnit.SECONDS);
      assertThat(firstEnds.reason.get(30, TimeUnit.SECONDS))
          .isEqualTo(Disconnect.Reason.REASON_REPLACED);
      assertThat(again.getEntityId()).isEqualTo(PlayerIds.simulationId(p.playerId()));

      var topic = SessionControl.get(node.system).topic();
      topic.tell(
          Topic.publish(new SessionControl.Broadcast("maintenance at noon", "ops", Instant.now())));
      assertThat(secondEnds.notice.get(30, TimeUnit.SECONDS)).isEqualTo("maintenance at noon");
      topic.tell(Topic.publish(new SessionControl.Kick(p.accountId(), "cheating", Instant.now())));
      assertThat(secondEnds.reason.get(30, TimeUnit.SECONDS))
          .isEqualTo(Disconnect.Reason.REASON_KICKED);
    }
  }
}
