package org.bluemarble.load.standin;

import java.util.function.Consumer;
import org.bluemarble.protocol.ProtocolErrors;
import org.bluemarble.protocol.ProtocolException;
import org.bluemarble.protocol.ProtocolVersion;
import org.bluemarble.protocol.client.WireMapping;
import org.bluemarble.protocol.movement.MovementState;
import org.bluemarble.protocol.snapshot.Quantiser;
import org.bluemarble.protocol.udp.ConnectTokenIssuer;
import org.bluemarble.protocol.v1.Authenticated;
import org.bluemarble.protocol.v1.ConnectTokenIssued;
import org.bluemarble.protocol.v1.EnteredWorld;
import org.bluemarble.protocol.v1.Envelope;
import org.bluemarble.protocol.v1.Error;
import org.bluemarble.protocol.v1.HelloAccepted;
import org.bluemarble.protocol.v1.InputAck;
import org.bluemarble.protocol.v1.Pong;

/**
 * One connection's protocol as the real edge speaks it: hello → authenticate (a stand-in token
 * {@code tok-<username>}) → connect token or enter world → inputs (acked at once) and snapshot
 * acks.
 */
final class StandInSession {

  private final StandInWorld world;
  private final Consumer<Envelope> out;
  private final ConnectTokenIssuer issuer;
  private final String udpAddress;
  private String account;
  private boolean greeted;
  private StandInWorld.Avatar avatar;

  StandInSession(
      StandInWorld world, Consumer<Envelope> out, ConnectTokenIssuer issuer, String udpAddress) {
    this.world = world;
    this.out = out;
    this.issuer = issuer;
    this.udpAddress = udpAddress;
  }

  void handle(Envelope in) {
    try {
      Envelope answer = answer(in);
      if (answer != null) {
        out.accept(answer);
      }
    } catch (RuntimeException e) {
      ProtocolException pe = ProtocolErrors.fromThrowable(e);
      out.accept(ProtocolErrors.toEnvelope(in.getCorrelationId(), pe));
    }
  }

  void closed() {
    if (avatar != null) {
      world.leave(avatar);
      avatar = null;
    }
  }

  private Envelope answer(Envelope in) {
    Envelope.Builder b = Envelope.newBuilder().setCorrelationId(in.getCorrelationId());
    switch (in.getMessageCase()) {
      case HELLO -> {
        ProtocolVersion.requireSupported(in.getHello().getProtocolVersion());
        greeted = true;
        return b.setHelloAccepted(
                HelloAccepted.newBuilder().setProtocolVersion(ProtocolVersion.CURRENT))
            .build();
      }
      case AUTHENTICATE -> {
        require(greeted && account == null);
        String token = in.getAuthenticate().getToken();
        if (!token.startsWith("tok-")) {
          throw new ProtocolException(Error.Code.CODE_UNAUTHENTICATED, "token rejected");
        }
        account = token.substring(4);
        return b.setAuthenticated(
                Authenticated.newBuilder().setAccountId(account).addPlayerIds("p-" + account))
            .build();
      }
      case REQUEST_CONNECT_TOKEN -> {
        require(account != null);
        long now = System.currentTimeMillis();
        var token = issuer.issue("p-" + account, udpAddress, now, 30_000, 10_000);
        return b.setConnectTokenIssued(
                ConnectTokenIssued.newBuilder()
                    .setToken(com.google.protobuf.ByteString.copyFrom(token.toBytes()))
                    .setExpiresAtMs(now + 30_000))
            .build();
      }
      case ENTER_WORLD -> {
        require(account != null && avatar == null);
        avatar = world.enter(in.getEnterWorld().getPlayerId(), out);
        MovementState s = avatar.state;
        return b.setEnteredWorld(
                EnteredWorld.newBuilder()
                    .setEntityId(avatar.entityId)
                    .setPosition(WireMapping.toProto(s))
                    .setSimulationHz(60)
                    .setSnapshotHz(20)
                    .setPlanetRadiusM(StandInWorld.RADIUS_M))
            .build();
      }
      case MOVEMENT_INPUT -> {
        require(avatar != null);
        world.acknowledge(avatar, in.getMovementInput().getLastSnapshotId());
        MovementState s = world.move(avatar, WireMapping.intentOf(in.getMovementInput()));
        return Envelope.newBuilder()
            .setInputAck(
                InputAck.newBuilder()
                    .setSequence(in.getMovementInput().getSequence())
                    .setPosition(WireMapping.toProto(s))
                    .setHeading(Quantiser.quantiseHeading(s.headingDeg()))
                    .setServerTick(world.ticks.get()))
            .build();
      }
      case SNAPSHOT_ACK -> {
        if (avatar != null) {
          world.acknowledge(avatar, in.getSnapshotAck().getSnapshotId());
        }
        return null;
      }
      case LEAVE_WORLD -> {
        closed();
        return null;
      }
      case PING -> {
        return b.setPong(
                Pong.newBuilder()
                    .setClientTimeMs(in.getPing().getClientTimeMs())
                    .setServerTimeMs(System.currentTimeMillis()))
            .build();
      }
      default ->
          throw new ProtocolException(
              Error.Code.CODE_UNKNOWN_MESSAGE, "not handled: " + in.getMessageCase());
    }
  }

  private static void require(boolean allowed) {
    if (!allowed) {
      throw new ProtocolException(Error.Code.CODE_OUT_OF_PHASE, "not allowed in this phase");
    }
  }
}
