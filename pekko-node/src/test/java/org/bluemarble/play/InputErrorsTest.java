package org.bluemarble.play;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.nio.file.Path;
import org.bluemarble.config.Profile;
import org.bluemarble.node.testing.InProcessNode;
import org.bluemarble.protocol.snapshot.EntityState;
import org.bluemarble.protocol.snapshot.SnapshotDecoder;
import org.bluemarble.protocol.v1.Authenticate;
import org.bluemarble.protocol.v1.Correction;
import org.bluemarble.protocol.v1.EnterWorld;
import org.bluemarble.protocol.v1.EnteredWorld;
import org.bluemarble.protocol.v1.Envelope;
import org.bluemarble.protocol.v1.Error;
import org.bluemarble.protocol.v1.HeadingIntent;
import org.bluemarble.protocol.v1.MovementInput;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a client of the wire learns on entering and when it sends a bad input (issue 21): the
 * class's top speed in EnteredWorld, its own entity in every snapshot, and for an invalid input an
 * Error naming the input's sequence, a Correction, and a character that stops instead of walking
 * on.
 */
class InputErrorsTest {
  @TempDir static Path dataDir;
  private static InProcessNode node;
  private static PlayWorld world;

  @BeforeAll
  static void startNode() throws Exception {
    node = InProcessNode.start(Profile.EMBEDDED, PlayWorld.config(dataDir.toString(), "30s"));
    world = new PlayWorld(node);
  }

  @AfterAll
  static void stopNode() throws Exception {
    node.close();
  }

  @Test
  void anInvalidInputIsNamedByItsSequenceStopsTheCharacterAndIsCorrected() throws Exception {
    PlayWorld.Player p = world.newPlayer("input_errors");
    try (RawWebSocket ws = new RawWebSocket(HttpClient.newHttpClient(), node.httpPort)) {
      ws.send(Frames.hello());
      assertThat(ws.next(Envelope.MessageCase.HELLO_ACCEPTED)).isNotNull();
      ws.send(
          Envelope.newBuilder()
              .setCorrelationId(2)
              .setAuthenticate(Authenticate.newBuilder().setToken(p.token()))
              .build());
      assertThat(ws.next(Envelope.MessageCase.AUTHENTICATED)).isNotNull();
      ws.send(
          Envelope.newBuilder()
              .setCorrelationId(3)
              .setEnterWorld(EnterWorld.newBuilder().setPlayerId(p.playerId()))
              .build());
      EnteredWorld entered = ws.next(Envelope.MessageCase.ENTERED_WORLD).getEnteredWorld();
      // A Warrior's top speed (bluemarble.zone.max-speed.warrior).
      assertThat(entered.getMaxSpeedMps()).isEqualTo(6.0f);

      ws.send(input(1, 3.0f));
      ws.send(input(2, 50.0f)); // above the protocol's 20 m/s: invalid

      Envelope error = ws.next(Envelope.MessageCase.ERROR);
      assertThat(error.getCorrelationId()).isEqualTo(2);
      assertThat(error.getError().getCode()).isEqualTo(Error.Code.CODE_INVALID_INPUT);
      SnapshotDecoder decoder = new SnapshotDecoder();
      Correction correction = null;
      EntityState stoppedAt = null;
      long stoppedTick = 0;
      for (Envelope e; (e = ws.next()) != null; ) {
        if (e.hasCorrection()) {
          correction = e.getCorrection();
        } else if (e.hasSnapshot()) {
          decoder.decode(e.getSnapshot());
          EntityState me = decoder.latest().find(entered.getEntityId());
          assertThat(me).as("the player's own entity is in every snapshot").isNotNull();
          if (correction != null && stoppedAt == null) {
            stoppedAt = me;
            stoppedTick = e.getSnapshot().getServerTick();
          } else if (stoppedAt != null
              && e.getSnapshot().getServerTick() >= stoppedTick + entered.getSimulationHz()) {
            // A second later it still stands where the invalid input stopped it.
            assertThat(me).isEqualTo(stoppedAt);
            break;
          }
        }
      }
      assertThat(correction).as("a Correction for the invalid input").isNotNull();
      assertThat(correction.getSequence()).isEqualTo(2);
      assertThat(correction.getReason()).isEqualTo(Correction.Reason.REASON_INVALID_INPUT);
      assertThat(stoppedAt).isNotNull();
    }
  }

  private static Envelope input(int sequence, float speed) {
    return Envelope.newBuilder()
        .setMovementInput(
            MovementInput.newBuilder()
                .setSequence(sequence)
                .setHeading(HeadingIntent.newBuilder().setHeading(0).setSpeedMps(speed)))
        .build();
  }
}
