package org.bluemarble.protocol.snapshot;

import java.util.Arrays;

/** Appends bit fields most-significant bit first into a growable byte array. Not thread-safe. */
final class BitWriter {

  private byte[] bytes = new byte[256];
  private long bitCount;

  /** Writes the low {@code width} bits of {@code value} (width 0..64). */
  void write(long value, int width) {
    int remaining = width;
    while (remaining > 0) {
      int byteIndex = (int) (bitCount >>> 3);
      if (byteIndex == bytes.length) {
        bytes = Arrays.copyOf(bytes, bytes.length * 2);
      }
      int free = 8 - (int) (bitCount & 7);
      int take = Math.min(free, remaining);
      int chunk = (int) ((value >>> (remaining - take)) & ((1 << take) - 1));
      bytes[byteIndex] |= (byte) (chunk << (free - take));
      bitCount += take;
      remaining -= take;
    }
  }

  void writeBit(boolean bit) {
    int byteIndex = (int) (bitCount >>> 3);
    if (byteIndex == bytes.length) {
      bytes = Arrays.copyOf(bytes, bytes.length * 2);
    }
    if (bit) {
      bytes[byteIndex] |= (byte) (0x80 >>> (bitCount & 7));
    }
    bitCount++;
  }

  /** Elias-gamma code of {@code value + 1}; 1 bit for 0, 3 bits for 1..2, 5 bits for 3..6. */
  void writeGamma(long value) {
    if (value < 0 || value == Long.MAX_VALUE) {
      throw new IllegalArgumentException("gamma value must be in 0..2^63-2, was " + value);
    }
    long v = value + 1;
    int length = 64 - Long.numberOfLeadingZeros(v);
    write(0, length - 1);
    write(v, length);
  }

  /** Empties the writer, keeping its buffer. */
  void reset() {
    Arrays.fill(bytes, 0, (int) Math.min(bytes.length, (bitCount + 7) >>> 3), (byte) 0);
    bitCount = 0;
  }

  long bitCount() {
    return bitCount;
  }

  byte[] toByteArray() {
    return Arrays.copyOf(bytes, (int) ((bitCount + 7) >>> 3));
  }

  /** Bits of the gamma code of {@code value}. */
  static int gammaBits(long value) {
    return 2 * (64 - Long.numberOfLeadingZeros(value + 1)) - 1;
  }
}
