package org.bluemarble.protocol.client;

import java.util.ArrayList;
import java.util.List;
import org.bluemarble.protocol.ProtocolErrors;
import org.bluemarble.protocol.ProtocolException;
import org.bluemarble.protocol.ProtocolVersion;
import org.bluemarble.protocol.movement.MovementIntegrator;
import org.bluemarble.protocol.movement.MovementState;
import org.bluemarble.protocol.snapshot.EntityState;
import org.bluemarble.protocol.snapshot.Quantiser;
import org.bluemarble.protocol.snapshot.SnapshotEncoder;
import org.bluemarble.protocol.v1.Authenticated;
import org.bluemarble.protocol.v1.EnteredWorld;
import org.bluemarble.protocol.v1.Envelope;
import org.bluemarble.protocol.v1.Error;
import org.bluemarble.protocol.v1.HelloAccepted;
import org.bluemarble.protocol.v1.HelloRejected;
import org.bluemarble.protocol.v1.InputAck;
import org.bluemarble.protocol.v1.MovementInput;
import org.bluemarble.protocol.v1.Pong;

/** One player's session against a stand-in game: the answers a real server would give. */
final class FakeGame {

  static final double RADIUS_M = 6_371_000;
  static final MovementState SPAWN = new MovementState(48.0, 11.0, 0, 0);
  static final String DEV_TOKEN = "dev-token";

  private final MovementIntegrator integrator = new MovementIntegrator(RADIUS_M);
  private final Quantiser quantiser = new Quantiser(RADIUS_M);
  private final SnapshotEncoder snapshots = new SnapshotEncoder();
  private volatile MovementState state = SPAWN;
  private boolean greeted;
  private boolean authenticated;
  private boolean inWorld;
  private long tick;

  List<Envelope> handle(Envelope in) {
    try {
      return answer(in);
    } catch (RuntimeException e) {
      ProtocolException pe = ProtocolErrors.fromThrowable(e);
      return List.of(ProtocolErrors.toEnvelope(in.getCorrelationId(), pe));
    }
  }

  MovementState state() {
    return state;
  }

  private List<Envelope> answer(Envelope in) {
    Envelope.Builder out = Envelope.newBuilder().setCorrelationId(in.getCorrelationId());
    switch (in.getMessageCase()) {
      case HELLO -> {
        long version = in.getHello().getProtocolVersion();
        if (!ProtocolVersion.isSupported(version)) {
          return List.of(
              out.setHelloRejected(
                      HelloRejected.newBuilder()
                          .setError(
                              Error.newBuilder()
                                  .setCode(Error.Code.CODE_PROTOCOL_VERSION)
                                  .setMessage("version " + version))
                          .setMinProtocolVersion(ProtocolVersion.MIN_SUPPORTED)
                          .setMaxProtocolVersion(ProtocolVersion.CURRENT))
                  .build());
        }
        greeted = true;
        return List.of(
            out.setHelloAccepted(HelloAccepted.newBuilder().setProtocolVersion(1)).build());
      }
      case AUTHENTICATE -> {
        phase(greeted);
        if (!in.getAuthenticate().getToken().equals(DEV_TOKEN)) {
          throw new ProtocolException(Error.Code.CODE_UNAUTHENTICATED, "token rejected");
        }
        authenticated = true;
        return List.of(
            out.setAuthenticated(Authenticated.newBuilder().setAccountId("a1").addPlayerIds("p1"))
                .build());
      }
      case ENTER_WORLD -> {
        phase(authenticated);
        inWorld = true;
        return List.of(
            out.setEnteredWorld(
                    EnteredWorld.newBuilder()
                        .setEntityId(1)
                        .setPosition(WireMapping.toProto(state))
                        .setSimulationHz(60)
                        .setSnapshotHz(20)
                        .setPlanetRadiusM(RADIUS_M))
                .build());
      }
      case MOVEMENT_INPUT -> {
        phase(inWorld);
        return onInput(in.getMovementInput());
      }
      case SNAPSHOT_ACK -> {
        snapshots.acknowledge(in.getSnapshotAck().getSnapshotId());
        return List.of();
      }
      case PING -> {
        return List.of(
            out.setPong(Pong.newBuilder().setClientTimeMs(in.getPing().getClientTimeMs())).build());
      }
      default ->
          throw new ProtocolException(
              Error.Code.CODE_UNKNOWN_MESSAGE, "not handled: " + in.getMessageCase());
    }
  }

  private List<Envelope> onInput(MovementInput input) {
    snapshots.acknowledge(input.getLastSnapshotId());
    state = integrator.step(state, WireMapping.intentOf(input));
    tick++;
    List<Envelope> out = new ArrayList<>();
    out.add(
        Envelope.newBuilder()
            .setInputAck(
                InputAck.newBuilder()
                    .setSequence(input.getSequence())
                    .setPosition(WireMapping.toProto(state))
                    .setHeading(Quantiser.quantiseHeading(state.headingDeg()))
                    .setServerTick(tick))
            .build());
    EntityState self =
        quantiser.quantise(1, state.latDeg(), state.lngDeg(), state.altM(), state.headingDeg());
    EntityState npc = quantiser.quantise(2, 48.001, 11.0 + tick * 1e-6, 0, 90);
    out.add(
        Envelope.newBuilder()
            .setSnapshot(snapshots.encode(self, List.of(self, npc), tick, 1_000))
            .build());
    return out;
  }

  private static void phase(boolean allowed) {
    if (!allowed) {
      throw new ProtocolException(Error.Code.CODE_OUT_OF_PHASE, "not allowed in this phase");
    }
  }
}
