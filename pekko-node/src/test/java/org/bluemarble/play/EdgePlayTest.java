package org.bluemarble.play;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.bluemarble.config.Profile;
import org.bluemarble.node.testing.InProcessNode;
import org.bluemarble.protocol.client.BlueMarbleClient;
import org.bluemarble.protocol.client.ClientIoLoop;
import org.bluemarble.protocol.client.ClientListener;
import org.bluemarble.protocol.movement.MovementIntent;
import org.bluemarble.protocol.movement.MovementState;
import org.bluemarble.protocol.snapshot.EntityState;
import org.bluemarble.protocol.v1.EnteredWorld;
import org.bluemarble.protocol.v1.InputAck;
import org.bluemarble.zone.PlayerIds;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reference clients over WebSocket and UDP (one of them through a link that loses 10 % and reorders
 * 10 % of the datagrams, and later replays all it sent) enter the world of a real node near each
 * other and see each other move.
 */
class EdgePlayTest {
  @TempDir static Path dataDir;
  private static InProcessNode node;
  private static PlayWorld world;

  @BeforeAll
  static void startNode() {
    node = InProcessNode.start(Profile.EMBEDDED, PlayWorld.config(dataDir.toString(), "30s"));
    world = new PlayWorld(node);
  }

  @AfterAll
  static void stopNode() throws Exception {
    node.close();
  }

  /** Counts acknowledged inputs and remembers the newest ack. */
  static final class Acks implements ClientListener {
    final AtomicInteger last = new AtomicInteger();
    volatile InputAck newest;

    @Override
    public void onInputAck(InputAck ack, MovementState predicted) {
      last.accumulateAndGet(ack.getSequence(), Math::max);
      newest = ack;
    }
  }

  @Test
  void webSocketAndUdpClientsEnterMoveAndSeeEachOther() throws Exception {
    PlayWorld.Player a = world.newPlayer("ws_alice");
    PlayWorld.Player b = world.newPlayer("ws_bob");
    PlayWorld.Player c = world.newPlayer("udp_carol");
    PlayWorld.Player d = world.newPlayer("udp_dave");
    Acks acksA = new Acks();
    Acks acksC = new Acks();
    Acks acksD = new Acks();
    try (ClientIoLoop loop = new ClientIoLoop("edge-test-io");
        LossyUdpProxy lossy =
            new LossyUdpProxy(PlayWorld.serverOf(world.connectToken(d)), 0.10, 0.10);
        BlueMarbleClient wsA = world.webSocket(a, acksA);
        BlueMarbleClient wsB = world.webSocket(b, new ClientListener() {});
        BlueMarbleClient udpC = world.udp(c, acksC, loop, null);
        BlueMarbleClient udpD = world.udp(d, acksD, loop, lossy.address())) {
      EnteredWorld enteredA = wsA.enterWorld(a.playerId()).get(30, TimeUnit.SECONDS);
      wsB.enterWorld(b.playerId()).get(30, TimeUnit.SECONDS);
      EnteredWorld enteredC = udpC.enterWorld(c.playerId()).get(30, TimeUnit.SECONDS);
      udpD.enterWorld(d.playerId()).get(30, TimeUnit.SECONDS);
      assertThat(enteredA.getEntityId()).isEqualTo(PlayerIds.simulationId(a.playerId()));
      assertThat(enteredA.getPlanetRadiusM()).isPositive();

      long idA = enteredA.getEntityId();
      long idC = enteredC.getEntityId();
      long idD = PlayerIds.simulationId(d.playerId());
      await()
          .atMost(PlayWorld.WAIT)
          .until(() -> sees(wsB, idA) && sees(wsB, idC) && sees(udpD, idA));
      EntityState aSeenByB = wsB.world().find(idA);
      EntityState cSeenByB = wsB.world().find(idC);

      // A walks east, C walks north, D (lossy link) walks west; everybody keeps sending.
      for (int i = 0; i < 30; i++) {
        wsA.sendInput(new MovementIntent.Heading(90, 3));
        udpC.sendInput(new MovementIntent.Heading(0, 3));
        udpD.sendInput(new MovementIntent.Heading(270, 3));
      }
      await()
          .atMost(PlayWorld.WAIT)
          .untilAsserted(
              () -> {
                assertThat(acksA.last.get()).isEqualTo(30);
                assertThat(acksC.last.get()).isEqualTo(30);
                assertThat(acksD.last.get()).isEqualTo(30);
              });
      await()
          .atMost(PlayWorld.WAIT)
          .until(
              () ->
                  moved(wsB.world().find(idA), aSeenByB)
                      && moved(wsB.world().find(idC), cSeenByB)
                      && sees(udpC, idD)
                      && moved(udpC.world().find(idA), aSeenByB));
      assertThat(wsA.unacknowledgedInputs()).isZero();
      // WebSocket acks carry the authoritative state after the input; A walked east from its start.
      InputAck newestA = acksA.newest;
      assertThat(newestA.hasPosition()).isTrue();
      assertThat(newestA.getServerTick()).isPositive();
      assertThat(newestA.getPosition().getLngDeg())
          .isGreaterThan(enteredA.getPosition().getLngDeg());
      assertThat(udpD.unacknowledgedInputs()).isZero();
      assertThat(lossy.dropped).isPositive();
      assertThat(lossy.reordered).isPositive();

      // Every datagram D sent so far arrives again from D's address: the replay window drops them,
      // and D's session goes on.
      lossy.replayRecorded();
      for (int i = 0; i < 5; i++) {
        udpD.sendInput(new MovementIntent.Heading(180, 3));
      }
      await().atMost(PlayWorld.WAIT).until(() -> acksD.last.get() == 35);
    }
  }

  private static boolean sees(BlueMarbleClient client, long entityId) {
    return client.world() != null && client.world().find(entityId) != null;
  }

  private static boolean moved(EntityState now, EntityState before) {
    return now != null && before != null && now.distanceSquaredCm(before) > 100 * 100;
  }
}
