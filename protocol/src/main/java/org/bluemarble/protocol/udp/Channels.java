package org.bluemarble.protocol.udp;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.bluemarble.protocol.ProtocolException;
import org.bluemarble.protocol.v1.Error;

/**
 * The first byte of a PAYLOAD packet's plaintext names its channel: {@link #UNRELIABLE} (one whole
 * message, e.g. a snapshot Envelope; lost ones are not resent), {@link #RELIABLE} (a {@link
 * ReliableChannel} packet), or {@link #ACKED_UNRELIABLE} (an unreliable message carrying the
 * sender's reliable-channel acknowledgement in front of it, so acks ride on the snapshot stream).
 *
 * <p>ACKED_UNRELIABLE layout, big-endian: channel (1), cumulative ack (4), newest fragment received
 * (4), ack bits (4), then the message; the ack fields mean what they mean in {@link
 * ReliablePacket}.
 */
public final class Channels {

  /** Channel id of unreliable messages. */
  public static final byte UNRELIABLE = 0;

  /** Channel id of reliable-channel packets. */
  public static final byte RELIABLE = 1;

  /** Channel id of unreliable messages with an acknowledgement in front. */
  public static final byte ACKED_UNRELIABLE = 2;

  /** The largest unreliable message. */
  public static final int MAX_UNRELIABLE_BYTES = UdpWire.MAX_PAYLOAD_BYTES - 1;

  /**
   * Bytes of the acknowledgement in front of an ACKED_UNRELIABLE message, channel byte included.
   */
  static final int ACK_HEADER_BYTES = 13;

  /** The largest message that fits an ACKED_UNRELIABLE payload. */
  public static final int MAX_ACKED_UNRELIABLE_BYTES = UdpWire.MAX_PAYLOAD_BYTES - ACK_HEADER_BYTES;

  private Channels() {}

  /** Frames one unreliable message. */
  public static byte[] unreliable(byte[] message) {
    if (message.length > MAX_UNRELIABLE_BYTES) {
      throw new IllegalArgumentException(
          "unreliable message of "
              + message.length
              + " bytes exceeds "
              + MAX_UNRELIABLE_BYTES
              + " bytes");
    }
    byte[] out = new byte[message.length + 1];
    out[0] = UNRELIABLE;
    System.arraycopy(message, 0, out, 1, message.length);
    return out;
  }

  /** Frames an unreliable message behind an acknowledgement (see the class comment). */
  static byte[] ackedUnreliable(int cumulativeAck, int newest, int ackBits, byte[] message) {
    ByteBuffer out = ByteBuffer.allocate(ACK_HEADER_BYTES + message.length);
    out.put(ACKED_UNRELIABLE).putInt(cumulativeAck).putInt(newest).putInt(ackBits).put(message);
    return out.array();
  }

  /** The acknowledgement of an ACKED_UNRELIABLE payload, as a fragment-less reliable packet. */
  static ReliablePacket ackedHeader(byte[] payload) {
    if (payload.length < ACK_HEADER_BYTES || payload[0] != ACKED_UNRELIABLE) {
      throw new ProtocolException(
          Error.Code.CODE_MALFORMED_FRAME, "acked unreliable payload is truncated");
    }
    ByteBuffer in = ByteBuffer.wrap(payload, 1, ACK_HEADER_BYTES - 1);
    return new ReliablePacket(in.getInt(), in.getInt(), in.getInt(), List.of());
  }

  /** The message of an ACKED_UNRELIABLE payload. */
  static byte[] ackedMessage(byte[] payload) {
    return Arrays.copyOfRange(payload, ACK_HEADER_BYTES, payload.length);
  }

  /** The channel of a payload; throws CODE_MALFORMED_FRAME for an empty or unknown one. */
  public static byte channelOf(byte[] payload) {
    if (payload.length == 0
        || (payload[0] != UNRELIABLE && payload[0] != RELIABLE && payload[0] != ACKED_UNRELIABLE)) {
      throw new ProtocolException(
          Error.Code.CODE_MALFORMED_FRAME, "payload has no known channel byte");
    }
    return payload[0];
  }

  /** The message of an unreliable payload. */
  public static byte[] unreliableMessage(byte[] payload) {
    return Arrays.copyOfRange(payload, 1, payload.length);
  }
}
