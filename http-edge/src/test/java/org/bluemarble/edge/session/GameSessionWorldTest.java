package org.bluemarble.edge.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.bluemarble.edge.port.PlayIntent;
import org.bluemarble.edge.port.PlayPort;
import org.bluemarble.edge.port.PlayPosition;
import org.bluemarble.edge.port.Presence;
import org.bluemarble.edge.port.WorldListener;
import org.bluemarble.protocol.ProtocolCodec;
import org.bluemarble.protocol.snapshot.EntityState;
import org.bluemarble.protocol.snapshot.SnapshotDecoder;
import org.bluemarble.protocol.v1.Envelope;
import org.bluemarble.protocol.v1.Error;
import org.bluemarble.protocol.v1.HeadingIntent;
import org.bluemarble.protocol.v1.MovementInput;
import org.junit.jupiter.api.Test;

/**
 * A {@link GameSession} in the world against a stand-in play port: what it tells the client about
 * entering, bad inputs and entities announced while the enter was still completing.
 */
class GameSessionWorldTest {
  private static final long SELF = 7L;
  private static final long DEER = 42L;
  private static final PlayPosition AT = new PlayPosition(47.0, 8.0, 2036.0);

  private final List<Envelope> sent = new ArrayList<>();
  private final List<PlayIntent> inputs = new ArrayList<>();
  private final List<Long> sequences = new ArrayList<>();
  private WorldListener listener;

  private final Presence presence =
      new Presence() {
        @Override
        public Entered entered() {
          return new Entered(SELF, AT, 0.0, 0L, 60, 20, 6_371_000.0, 6.0, false);
        }

        @Override
        public void input(long sequence, PlayIntent intent, long clientTimeMillis) {
          sequences.add(sequence);
          inputs.add(intent);
        }

        @Override
        public void detach() {}

        @Override
        public void leave() {}
      };

  private final PlayPort play =
      new SessionTestKit.PortOfP1(presence) {
        @Override
        void entering(WorldListener l) {
          listener = l;
          // The cell's first view overtakes its answer to the enter.
          l.onEntityEntered(DEER);
        }
      };

  private GameSession inWorld() {
    SessionOutput out = SessionTestKit.recordingInto(sent);
    SessionDeps deps = new SessionDeps(token -> "acc-1", play, null, "test", 1_000, 3);
    GameSession s = new GameSession(deps, out, new ProtocolCodec(), null, Runnable::run);
    SessionTestKit.enterAsP1(s);
    return s;
  }

  @Test
  void enteredWorldTellsTheClassTopSpeed() {
    inWorld();
    Envelope entered = sent.stream().filter(Envelope::hasEnteredWorld).findFirst().orElseThrow();
    assertThat(entered.getCorrelationId()).isEqualTo(3);
    assertThat(entered.getEnteredWorld().getMaxSpeedMps()).isEqualTo(6.0f);
  }

  @Test
  void anEntityAnnouncedWhileEnteringStillGetsItsEntityEnter() {
    inWorld();
    listener.onSnapshot(
        10,
        List.of(
            new WorldListener.SeenEntity(SELF, WorldListener.Kind.PLAYER, 47.0, 8.0, 2036.0, 0.0),
            new WorldListener.SeenEntity(
                DEER, WorldListener.Kind.NPC, 47.0001, 8.0, 2030.0, 90.0)));
    assertThat(sent.stream().filter(Envelope::hasEntityEnter))
        .extracting(e -> e.getEntityEnter().getEntityId())
        .containsExactly(DEER);
  }

  @Test
  void aSnapshotCarriesTheWorldsSharedQuantisedStatesAsTheyAre() {
    inWorld();
    // The world's quantised state wins over the degrees (which would quantise elsewhere): the
    // edge encodes the shared instance and does not quantise again.
    EntityState shared = new EntityState(DEER, 1_000, 2_000, 3_000, 16_384);
    listener.onSnapshot(
        10,
        List.of(
            new WorldListener.SeenEntity(
                DEER, WorldListener.Kind.NPC, 47.0001, 8.0, 2030.0, 90.0, shared)));
    Envelope snapshot = sent.stream().filter(Envelope::hasSnapshot).findFirst().orElseThrow();
    assertThat(new SnapshotDecoder().decode(snapshot.getSnapshot()).entities())
        .containsExactly(shared);
  }

  @Test
  void anInvalidInputIsNamedByItsSequenceAndStillStopsTheCharacter() {
    GameSession s = inWorld();
    sent.clear();
    s.onEnvelope(
        Envelope.newBuilder()
            .setMovementInput(
                MovementInput.newBuilder()
                    .setSequence(5)
                    .setHeading(HeadingIntent.newBuilder().setHeading(0).setSpeedMps(50f)))
            .build());
    assertThat(sent).hasSize(1);
    assertThat(sent.get(0).getCorrelationId()).isEqualTo(5);
    assertThat(sent.get(0).getError().getCode()).isEqualTo(Error.Code.CODE_INVALID_INPUT);
    // The world gets the input as one it must reject: it stops the character and corrects.
    assertThat(sequences).containsExactly(5L);
    assertThat(inputs).containsExactly(PlayIntent.INVALID);
  }
}
