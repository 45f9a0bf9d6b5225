package org.bluemarble.protocol.udp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bluemarble.protocol.snapshot.EntityState;
import org.bluemarble.protocol.snapshot.Quantiser;
import org.bluemarble.protocol.snapshot.SnapshotDecoder;
import org.bluemarble.protocol.snapshot.SnapshotEncoder;
import org.bluemarble.protocol.v1.Envelope;
import org.bluemarble.protocol.v1.Ping;
import org.bluemarble.protocol.v1.Snapshot;
import org.junit.jupiter.api.Test;

/**
 * The hex test vectors of {@code PROTOCOL.md} and {@code test-vectors.json}: the Java code must
 * produce exactly these bytes, and both documents must carry them, so the specification cannot
 * drift from the code. Other clients (the browser's JavaScript decoder) test against the same file.
 */
class ProtocolVectorsTest {

  static final double RADIUS_M = 6_371_000;
  static final long PLAYER_ID = 9_007_199_254_740_993L; // 2^53 + 1: not exact as a JS number
  static final long NPC_ID = 0x8000_0000_0000_002AL; // negative as a signed 64-bit value
  static final long OTHER_ID = 1_234L;

  /** The vectors, computed. */
  static Map<String, String> vectors() {
    Map<String, String> v = new LinkedHashMap<>();
    Quantiser q = new Quantiser(RADIUS_M);
    SnapshotEncoder encoder = new SnapshotEncoder();
    EntityState me = q.quantise(PLAYER_ID, 47.0, 8.0, 2036.0, 90.0);
    EntityState npc = q.quantise(NPC_ID, 47.0001, 8.0002, 2030.5, 180.0);
    EntityState other = q.quantise(OTHER_ID, -0.5, 179.9, 12.0, 45.0);
    Snapshot first = encoder.encode(me, List.of(me, npc, other), 100, 1_000);
    encoder.acknowledge(first.getSnapshotId());
    EntityState me2 = q.quantise(PLAYER_ID, 47.0000045, 8.0, 2036.0, 90.0);
    EntityState npc2 = q.quantise(NPC_ID, 47.0001, 8.0002, 2030.5, 200.0);
    Snapshot second = encoder.encode(me2, List.of(me2, npc2), 103, 1_000);
    v.put("snapshot1.payload", hex(first.getPayload().toByteArray()));
    v.put("snapshot2.payload", hex(second.getPayload().toByteArray()));

    byte[] key = new byte[Aead.KEY_BYTES];
    for (int i = 0; i < key.length; i++) {
      key[i] = (byte) i;
    }
    byte[] ping =
        Envelope.newBuilder()
            .setPing(Ping.newBuilder().setClientTimeMs(1_700_000_000_000L))
            .build()
            .toByteArray();
    byte[] plain = Channels.unreliable(ping);
    byte[] sealed =
        UdpWire.seal(
            new Aead(), 0x424C_554D_0001L, PacketType.PAYLOAD, 7, key, plain, 0, plain.length);
    v.put("ping.envelope", hex(ping));
    v.put("sealed.payload", hex(sealed));
    byte[] reliable =
        ReliablePacket.encode(
            5,
            6,
            0b101,
            List.of(new ReliablePacket.Fragment(9, 0, 1, "hi".getBytes(StandardCharsets.UTF_8))));
    v.put("reliable.packet", hex(reliable));
    return v;
  }

  @Test
  void javaProducesTheDocumentedBytes() throws IOException {
    String json = json(vectors());
    Path file = Path.of("test-vectors.json");
    if (Boolean.getBoolean("protocol.vectors.write")) {
      Files.writeString(file, json, StandardCharsets.UTF_8);
    }
    assertEquals(json, Files.readString(file, StandardCharsets.UTF_8), "test-vectors.json");
    String doc = Files.readString(Path.of("PROTOCOL.md"), StandardCharsets.UTF_8);
    for (String key : List.of("snapshot1.payload", "snapshot2.payload", "sealed.payload")) {
      assertTrue(doc.contains(vectors().get(key)), "PROTOCOL.md lacks the vector " + key);
    }
  }

  @Test
  void theJavaDecoderReadsTheVectorsBack() {
    Map<String, String> v = vectors();
    SnapshotDecoder decoder = new SnapshotDecoder();
    decoder.decode(snapshot(1, 0, v.get("snapshot1.payload")));
    assertEquals(3, decoder.latest().size());
    assertEquals(NPC_ID, decoder.latest().get(0).entityId(), "ids sort as signed 64-bit values");
    decoder.decode(snapshot(2, 1, v.get("snapshot2.payload")));
    assertEquals(List.of(NPC_ID, PLAYER_ID), ids(decoder));
    assertEquals(Quantiser.quantiseHeading(200.0), decoder.latest().find(NPC_ID).heading());
  }

  private static List<Long> ids(SnapshotDecoder decoder) {
    return decoder.latest().entities().stream().map(EntityState::entityId).toList();
  }

  private static Snapshot snapshot(int id, int baseline, String hex) {
    return Snapshot.newBuilder()
        .setSnapshotId(id)
        .setBaselineId(baseline)
        .setPayload(com.google.protobuf.ByteString.copyFrom(HexFormat.of().parseHex(hex)))
        .build();
  }

  /** The vectors plus the states they decode to, as the JSON other clients test against. */
  private static String json(Map<String, String> v) {
    Quantiser q = new Quantiser(RADIUS_M);
    StringBuilder b = new StringBuilder("{\n");
    b.append("  \"planetRadiusM\": 6371000,\n");
    b.append("  \"snapshot1\": {\"snapshotId\": 1, \"baselineId\": 0, \"payload\": \"")
        .append(v.get("snapshot1.payload"))
        .append("\",\n    \"entities\": [")
        .append(states(q, 1))
        .append("]},\n");
    b.append("  \"snapshot2\": {\"snapshotId\": 2, \"baselineId\": 1, \"payload\": \"")
        .append(v.get("snapshot2.payload"))
        .append("\",\n    \"entities\": [")
        .append(states(q, 2))
        .append("]},\n");
    b.append("  \"sealed\": {\"protocolId\": \"0000424c554d0001\", \"type\": 4, \"sequence\": 7,")
        .append(" \"key\": \"000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f\",")
        .append("\n    \"plaintext\": \"00")
        .append(v.get("ping.envelope"))
        .append("\", \"packet\": \"")
        .append(v.get("sealed.payload"))
        .append("\"},\n");
    b.append("  \"reliable\": {\"cumulativeAck\": 5, \"newest\": 6, \"ackBits\": 5,")
        .append(" \"fragment\": {\"sequence\": 9, \"index\": 0, \"count\": 1, \"data\": \"6869\"},")
        .append(" \"packet\": \"")
        .append(v.get("reliable.packet"))
        .append("\"}\n}\n");
    return b.toString();
  }

  private static String states(Quantiser q, int which) {
    List<EntityState> list =
        which == 1
            ? List.of(
                q.quantise(NPC_ID, 47.0001, 8.0002, 2030.5, 180.0),
                q.quantise(OTHER_ID, -0.5, 179.9, 12.0, 45.0),
                q.quantise(PLAYER_ID, 47.0, 8.0, 2036.0, 90.0))
            : List.of(
                q.quantise(NPC_ID, 47.0001, 8.0002, 2030.5, 200.0),
                q.quantise(PLAYER_ID, 47.0000045, 8.0, 2036.0, 90.0));
    StringBuilder b = new StringBuilder();
    for (EntityState e : list) {
      if (b.length() > 0) {
        b.append(",");
      }
      b.append("\n      {\"id\": \"")
          .append(Long.toUnsignedString(e.entityId()))
          .append("\", \"x\": ")
          .append(e.xCm())
          .append(", \"y\": ")
          .append(e.yCm())
          .append(", \"z\": ")
          .append(e.zCm())
          .append(", \"heading\": ")
          .append(e.heading())
          .append("}");
    }
    return b.toString();
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
