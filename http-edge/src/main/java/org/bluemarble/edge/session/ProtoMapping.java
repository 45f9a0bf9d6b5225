package org.bluemarble.edge.session;

import com.google.protobuf.ByteString;
import org.bluemarble.edge.port.PlayIntent;
import org.bluemarble.edge.port.PlayPosition;
import org.bluemarble.edge.port.Presence;
import org.bluemarble.edge.port.WorldListener;
import org.bluemarble.protocol.client.WireMapping;
import org.bluemarble.protocol.movement.MovementIntent;
import org.bluemarble.protocol.snapshot.Quantiser;
import org.bluemarble.protocol.udp.ConnectToken;
import org.bluemarble.protocol.v1.ConnectTokenIssued;
import org.bluemarble.protocol.v1.Correction;
import org.bluemarble.protocol.v1.Disconnect;
import org.bluemarble.protocol.v1.EnteredWorld;
import org.bluemarble.protocol.v1.EntityKind;
import org.bluemarble.protocol.v1.EntityLeave;
import org.bluemarble.protocol.v1.Envelope;
import org.bluemarble.protocol.v1.GeoPosition;
import org.bluemarble.protocol.v1.InputAck;
import org.bluemarble.protocol.v1.MovementInput;
import org.bluemarble.protocol.v1.Pong;
import org.bluemarble.protocol.v1.ServerNotice;

/** Protobuf ↔ play port, in one place. */
final class ProtoMapping {
  private ProtoMapping() {}

  /**
   * The port intent of a received input.
   *
   * @throws IllegalArgumentException for a missing intent or NaN/out-of-range values
   */
  static PlayIntent intentOf(MovementInput input) {
    MovementIntent intent = WireMapping.intentOf(input);
    if (intent instanceof MovementIntent.Heading h) {
      return PlayIntent.heading(h.headingDeg(), h.speedMps());
    }
    MovementIntent.Target t = (MovementIntent.Target) intent;
    return PlayIntent.target(t.latDeg(), t.lngDeg(), t.speedMps());
  }

  /** An ack with the authoritative state after input {@code sequence} (heading in degrees). */
  static Envelope inputAck(
      long sequence, PlayPosition position, double headingDeg, long serverTick) {
    InputAck.Builder ack =
        InputAck.newBuilder()
            .setSequence((int) sequence)
            .setServerTick(serverTick)
            .setHeading(Quantiser.quantiseHeading(headingDeg));
    if (position != null) {
      ack.setPosition(toProto(position));
    }
    return Envelope.newBuilder().setInputAck(ack).build();
  }

  /** A correction with the authoritative heading in degrees after input {@code sequence}. */
  static Envelope correction(
      long sequence, PlayPosition position, String reason, double headingDeg) {
    return Envelope.newBuilder()
        .setCorrection(
            Correction.newBuilder()
                .setSequence((int) sequence)
                .setPosition(toProto(position))
                .setHeading(Quantiser.quantiseHeading(headingDeg))
                .setReason(correctionReason(reason)))
        .build();
  }

  static Envelope entityLeave(long entityId) {
    return Envelope.newBuilder()
        .setEntityLeave(
            EntityLeave.newBuilder()
                .setEntityId(entityId)
                .setReason(EntityLeave.Reason.REASON_OUT_OF_RANGE))
        .build();
  }

  static Envelope notice(String text) {
    return Envelope.newBuilder()
        .setServerNotice(
            ServerNotice.newBuilder()
                .setSeverity(ServerNotice.Severity.SEVERITY_INFO)
                .setText(text))
        .build();
  }

  static Envelope enteredWorld(long correlationId, Presence.Entered e) {
    return Envelope.newBuilder()
        .setCorrelationId(correlationId)
        .setEnteredWorld(
            EnteredWorld.newBuilder()
                .setEntityId(e.entityId())
                .setPosition(toProto(e.position()))
                .setHeading(Quantiser.quantiseHeading(e.headingDeg()))
                .setSimulationHz(e.simulationHz())
                .setSnapshotHz(e.snapshotHz())
                .setPlanetRadiusM(e.planetRadiusMeters())
                .setMaxSpeedMps((float) e.maxSpeedMps()))
        .build();
  }

  static Envelope connectTokenIssued(long correlationId, ConnectToken token) {
    return Envelope.newBuilder()
        .setCorrelationId(correlationId)
        .setConnectTokenIssued(
            ConnectTokenIssued.newBuilder()
                .setToken(ByteString.copyFrom(token.toBytes()))
                .setExpiresAtMs(token.expiresAtMs()))
        .build();
  }

  static Envelope pong(long correlationId, long clientTimeMs) {
    return Envelope.newBuilder()
        .setCorrelationId(correlationId)
        .setPong(
            Pong.newBuilder()
                .setClientTimeMs(clientTimeMs)
                .setServerTimeMs(System.currentTimeMillis()))
        .build();
  }

  static GeoPosition toProto(PlayPosition p) {
    return GeoPosition.newBuilder()
        .setLatDeg(p.latitudeDeg())
        .setLngDeg(p.longitudeDeg())
        .setAltM(p.altitudeMeters())
        .build();
  }

  static GeoPosition toProto(WorldListener.SeenEntity e) {
    return GeoPosition.newBuilder()
        .setLatDeg(e.latitudeDeg())
        .setLngDeg(e.longitudeDeg())
        .setAltM(e.altitudeMeters())
        .build();
  }

  static EntityKind kindOf(WorldListener.Kind kind) {
    return switch (kind) {
      case PLAYER -> EntityKind.ENTITY_KIND_PLAYER;
      case NPC -> EntityKind.ENTITY_KIND_NPC;
      case RESOURCE -> EntityKind.ENTITY_KIND_RESOURCE;
      case OTHER -> EntityKind.ENTITY_KIND_UNSPECIFIED;
    };
  }

  /** The zone's verdict names (CLAMPED, REJECTED, BLOCKED_DEEP_OCEAN, BLOCKED_SLOPE ...). */
  static Correction.Reason correctionReason(String reason) {
    if (reason == null) {
      return Correction.Reason.REASON_UNSPECIFIED;
    }
    if (reason.startsWith("BLOCKED")) {
      return Correction.Reason.REASON_TERRAIN;
    }
    if (reason.contains("CLAMP") || reason.contains("SPEED")) {
      return Correction.Reason.REASON_SPEED;
    }
    if (reason.contains("TELEPORT")) {
      return Correction.Reason.REASON_TELEPORT;
    }
    if (reason.contains("REJECT") || reason.contains("INVALID")) {
      return Correction.Reason.REASON_INVALID_INPUT;
    }
    return Correction.Reason.REASON_UNSPECIFIED;
  }

  static Disconnect.Reason disconnectReason(WorldListener.EndReason reason) {
    return switch (reason) {
      case REPLACED -> Disconnect.Reason.REASON_REPLACED;
      case KICKED -> Disconnect.Reason.REASON_KICKED;
      case FLOODED -> Disconnect.Reason.REASON_PROTOCOL_VIOLATION;
      case LEFT, FAILED -> Disconnect.Reason.REASON_UNSPECIFIED;
      case NODE_STOPPING -> Disconnect.Reason.REASON_SERVER_SHUTDOWN;
    };
  }
}
