package org.bluemarble.protocol.udp;

import java.util.Arrays;
import org.bluemarble.protocol.ProtocolException;
import org.bluemarble.protocol.v1.Error;

/**
 * The first byte of a PAYLOAD packet's plaintext names its channel: {@link #UNRELIABLE} (one whole
 * message, e.g. a snapshot Envelope; lost ones are not resent) or {@link #RELIABLE} (a {@link
 * ReliableChannel} packet).
 */
public final class Channels {

  /** Channel id of unreliable messages. */
  public static final byte UNRELIABLE = 0;

  /** Channel id of reliable-channel packets. */
  public static final byte RELIABLE = 1;

  /** The largest unreliable message. */
  public static final int MAX_UNRELIABLE_BYTES = UdpWire.MAX_PAYLOAD_BYTES - 1;

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

  /** The channel of a payload; throws CODE_MALFORMED_FRAME for an empty or unknown one. */
  public static byte channelOf(byte[] payload) {
    if (payload.length == 0 || (payload[0] != UNRELIABLE && payload[0] != RELIABLE)) {
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
