package org.bluemarble.play;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.bluemarble.node.testing.TwoNodeCluster;
import org.bluemarble.protocol.client.BlueMarbleClient;
import org.bluemarble.protocol.movement.MovementIntent;
import org.bluemarble.protocol.v1.Disconnect;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes in one cluster: a second connection for the same player on the other node takes the
 * player over (the older connection is ended with REPLACED, its presence leaves the cell before the
 * newer one enters), and taking it back works the same way.
 */
@Tag("slow")
class PresenceTakeoverTwoNodeTest {
  @TempDir static Path dataDir;
  private static TwoNodeCluster cluster;
  private static PlayWorld worldA;
  private static PlayWorld worldB;

  @BeforeAll
  static void startCluster() {
    cluster =
        TwoNodeCluster.start(
            "takeover",
            name -> PlayWorld.config(dataDir.resolve(name).toString(), "30s"),
            PlayWorld.WAIT.multipliedBy(2));
    worldA = new PlayWorld(cluster.a());
    worldB = new PlayWorld(cluster.b());
  }

  @AfterAll
  static void stopCluster() throws Exception {
    cluster.close();
  }

  /** Records the Disconnect the server sends. */
  static final class Ends implements org.bluemarble.protocol.client.ClientListener {
    final CompletableFuture<Disconnect> disconnect = new CompletableFuture<>();
    final EdgePlayTest.Acks acks = new EdgePlayTest.Acks();

    @Override
    public void onDisconnect(Disconnect d) {
      disconnect.complete(d);
    }

    @Override
    public void onInputAck(
        org.bluemarble.protocol.v1.InputAck ack,
        org.bluemarble.protocol.movement.MovementState predicted) {
      acks.onInputAck(ack, predicted);
    }
  }

  @Test
  void aConnectionOnTheOtherNodeTakesThePlayerOverAndTheOlderOneIsReplaced() throws Exception {
    PlayWorld.Player onA = worldA.newPlayer("takeover_ann");
    // Each node signs its own access tokens: log in on B for B's edge.
    PlayWorld.Player onB =
        new PlayWorld.Player(onA.accountId(), worldB.token("takeover_ann"), onA.playerId());
    Ends endsA = new Ends();
    Ends endsB = new Ends();
    Ends endsA2 = new Ends();
    try (BlueMarbleClient first = worldA.webSocket(onA, endsA);
        BlueMarbleClient second = worldB.webSocket(onB, endsB)) {
      first.enterWorld(onA.playerId()).get(60, TimeUnit.SECONDS);
      first.sendInput(new MovementIntent.Heading(90, 3));
      await().atMost(PlayWorld.WAIT).until(() -> endsA.acks.last.get() > 0);

      second.enterWorld(onB.playerId()).get(60, TimeUnit.SECONDS);
      assertThat(endsA.disconnect.get(60, TimeUnit.SECONDS).getReason())
          .isEqualTo(Disconnect.Reason.REASON_REPLACED);
      await().atMost(PlayWorld.WAIT).until(() -> first.phase() == BlueMarbleClient.Phase.CLOSED);
      for (int i = 0; i < 3; i++) {
        second.sendInput(new MovementIntent.Heading(0, 3));
      }
      await().atMost(PlayWorld.WAIT).until(() -> endsB.acks.last.get() > 0);
      assertThat(endsB.disconnect).isNotDone();

      // And back to node A: now B's connection is the older one.
      try (BlueMarbleClient third = worldA.webSocket(onA, endsA2)) {
        third.enterWorld(onA.playerId()).get(60, TimeUnit.SECONDS);
        assertThat(endsB.disconnect.get(60, TimeUnit.SECONDS).getReason())
            .isEqualTo(Disconnect.Reason.REASON_REPLACED);
        third.sendInput(new MovementIntent.Heading(180, 3));
        await().atMost(PlayWorld.WAIT).until(() -> endsA2.acks.last.get() >= 1);
        assertThat(endsA2.disconnect).isNotDone();
      }
    }
  }
}
