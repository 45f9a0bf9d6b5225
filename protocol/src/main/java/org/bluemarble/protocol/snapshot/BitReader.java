package org.bluemarble.protocol.snapshot;

import org.bluemarble.protocol.ProtocolException;
import org.bluemarble.protocol.v1.Error;

/** Reads bit fields written by {@link BitWriter}; reading past the end is a malformed frame. */
final class BitReader {

  private final byte[] bytes;
  private final long limitBits;
  private long position;

  BitReader(byte[] bytes) {
    this.bytes = bytes;
    this.limitBits = (long) bytes.length * 8;
  }

  boolean readBit() {
    if (position >= limitBits) {
      throw new ProtocolException(
          Error.Code.CODE_MALFORMED_FRAME, "snapshot payload truncated at bit " + position);
    }
    boolean bit = (bytes[(int) (position >>> 3)] & (0x80 >>> (position & 7))) != 0;
    position++;
    return bit;
  }

  long read(int width) {
    if (position + width > limitBits) {
      throw new ProtocolException(
          Error.Code.CODE_MALFORMED_FRAME, "snapshot payload truncated at bit " + position);
    }
    long value = 0;
    int remaining = width;
    while (remaining > 0) {
      int available = 8 - (int) (position & 7);
      int take = Math.min(available, remaining);
      int current = bytes[(int) (position >>> 3)] & 0xFF;
      int chunk = (current >>> (available - take)) & ((1 << take) - 1);
      value = (value << take) | chunk;
      position += take;
      remaining -= take;
    }
    return value;
  }

  long readGamma() {
    int zeros = 0;
    while (!readBit()) {
      zeros++;
      if (zeros > 62) {
        throw new ProtocolException(
            Error.Code.CODE_MALFORMED_FRAME, "snapshot payload has an over-long gamma code");
      }
    }
    long v = 1;
    for (int i = 0; i < zeros; i++) {
      v = (v << 1) | (readBit() ? 1 : 0);
    }
    return v - 1;
  }

  /** Whether only zero padding (fewer than 8 bits) remains. */
  boolean atPadding() {
    return limitBits - position < 8;
  }
}
