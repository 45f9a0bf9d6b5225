package org.bluemarble.protocol.snapshot;

import java.util.Arrays;

/**
 * Appends bit fields most-significant bit first into a growable byte array. Bits collect in a
 * 64-bit accumulator and go to the array a whole byte at a time, so a field costs a shift and an or
 * rather than one masked read-modify-write per byte it touches, and emptying the writer clears
 * nothing. Not thread-safe.
 */
final class BitWriter {

  private byte[] bytes = new byte[256];

  /** Whole bytes written to {@link #bytes}. */
  private int byteCount;

  /** The pending bits, right-aligned: fewer than 8 between calls. */
  private long pending;

  private int pendingBits;

  /** Writes the low {@code width} bits of {@code value} (width 0..64). */
  void write(long value, int width) {
    if (width > 56) {
      write(value >>> 32, width - 32);
      write(value, 32);
      return;
    }
    if (width == 0) {
      return;
    }
    pending = (pending << width) | (value & (-1L >>> (64 - width)));
    pendingBits += width;
    if (pendingBits >= 8) {
      flushWholeBytes();
    }
  }

  void writeBit(boolean bit) {
    pending = (pending << 1) | (bit ? 1 : 0);
    if (++pendingBits == 8) {
      flushWholeBytes();
    }
  }

  private void flushWholeBytes() {
    int whole = pendingBits >>> 3;
    if (byteCount + whole > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, byteCount + whole));
    }
    while (pendingBits >= 8) {
      pendingBits -= 8;
      bytes[byteCount++] = (byte) (pending >>> pendingBits);
    }
    pending &= (1L << pendingBits) - 1;
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
    byteCount = 0;
    pending = 0;
    pendingBits = 0;
  }

  long bitCount() {
    return 8L * byteCount + pendingBits;
  }

  /** The bits written so far, the last byte padded with zero bits. */
  byte[] toByteArray() {
    if (pendingBits == 0) {
      return Arrays.copyOf(bytes, byteCount);
    }
    byte[] out = Arrays.copyOf(bytes, byteCount + 1);
    out[byteCount] = (byte) (pending << (8 - pendingBits));
    return out;
  }

  /** Bits of the gamma code of {@code value}. */
  static int gammaBits(long value) {
    return 2 * (64 - Long.numberOfLeadingZeros(value + 1)) - 1;
  }
}
