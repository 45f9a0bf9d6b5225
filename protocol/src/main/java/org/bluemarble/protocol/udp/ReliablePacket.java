package org.bluemarble.protocol.udp;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.bluemarble.protocol.ProtocolException;
import org.bluemarble.protocol.v1.Error;

/**
 * Wire layout of one reliable-channel packet (the plaintext of a PAYLOAD packet), big-endian:
 *
 * <pre>
 *   0  1  channel = {@link Channels#RELIABLE}
 *   1  4  cumulative ack: every fragment below this sequence was received
 *   5  4  newest fragment sequence received (-1 = none)
 *   9  4  ack bits: bit i set = fragment (newest − 1 − i) received
 *  13  1  fragment count n (0 = ack only)
 *  n × { 4 sequence, 2 index in message, 2 fragments in message, 2 length, data }
 * </pre>
 */
record ReliablePacket(
    int cumulativeAck, int newestReceived, int ackBits, List<Fragment> fragments) {

  static final int HEADER_BYTES = 14;
  static final int FRAGMENT_HEADER_BYTES = 10;

  /** One piece of a message. */
  record Fragment(int sequence, int index, int count, byte[] data) {}

  static byte[] encode(int cumulativeAck, int newest, int ackBits, List<Fragment> fragments) {
    int size = HEADER_BYTES;
    for (Fragment f : fragments) {
      size += FRAGMENT_HEADER_BYTES + f.data().length;
    }
    ByteBuffer out = ByteBuffer.allocate(size);
    out.put(Channels.RELIABLE).putInt(cumulativeAck).putInt(newest).putInt(ackBits);
    out.put((byte) fragments.size());
    for (Fragment f : fragments) {
      out.putInt(f.sequence()).putShort((short) f.index()).putShort((short) f.count());
      out.putShort((short) f.data().length).put(f.data());
    }
    return out.array();
  }

  static ReliablePacket parse(byte[] data, int offset, int length) {
    try {
      ByteBuffer in = ByteBuffer.wrap(data, offset, length);
      if (in.get() != Channels.RELIABLE) {
        throw malformed("is not on the reliable channel");
      }
      int cumulative = in.getInt();
      int newest = in.getInt();
      int bits = in.getInt();
      int n = in.get() & 0xFF;
      List<Fragment> fragments = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        int seq = in.getInt();
        int index = in.getShort() & 0xFFFF;
        int count = in.getShort() & 0xFFFF;
        int len = in.getShort() & 0xFFFF;
        if (seq < 0 || count == 0 || index >= count || len > ReliableChannel.MAX_FRAGMENT_BYTES) {
          throw malformed("has an invalid fragment header");
        }
        if (count > ReliableChannel.MAX_MESSAGE_FRAGMENTS) {
          throw malformed(
              "announces "
                  + count
                  + " fragments in a message (at most "
                  + ReliableChannel.MAX_MESSAGE_FRAGMENTS
                  + ")");
        }
        byte[] bytes = new byte[len];
        in.get(bytes);
        fragments.add(new Fragment(seq, index, count, bytes));
      }
      if (in.hasRemaining()) {
        throw malformed("has trailing bytes");
      }
      return new ReliablePacket(cumulative, newest, bits, fragments);
    } catch (BufferUnderflowException e) {
      throw malformed("is truncated");
    }
  }

  static ProtocolException malformed(String what) {
    return new ProtocolException(Error.Code.CODE_MALFORMED_FRAME, "reliable packet " + what);
  }
}
