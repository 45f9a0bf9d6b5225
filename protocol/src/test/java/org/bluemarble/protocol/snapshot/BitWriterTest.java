package org.bluemarble.protocol.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * The accumulating {@link BitWriter} lays out exactly the bits a plain bit-at-a-time writer does
 * (most significant first, last byte zero-padded), across resets, and {@link BitReader} reads them
 * back.
 */
class BitWriterTest {

  /**
   * One call: a field of {@code width} bits, a single bit (width -1) or a gamma code (width -2).
   */
  record Field(long value, int width) {}

  @Property(tries = 300)
  void writesTheSameBytesAsABitAtATimeWriterAndReadsBack(
      @ForAll("fields") @Size(max = 120) List<Field> fields,
      @ForAll("fields") @Size(max = 40) List<Field> afterReset) {
    BitWriter writer = new BitWriter();
    write(writer, afterReset);
    writer.reset();
    write(writer, fields);

    Reference reference = new Reference();
    for (Field f : fields) {
      reference.write(f);
    }
    assertThat(writer.bitCount()).isEqualTo(reference.bits.length());
    assertThat(writer.toByteArray()).isEqualTo(reference.bytes());

    BitReader reader = new BitReader(writer.toByteArray());
    for (Field f : fields) {
      switch (f.width()) {
        case -1 -> assertThat(reader.readBit()).isEqualTo(f.value() != 0);
        case -2 -> assertThat(reader.readGamma()).isEqualTo(f.value());
        default -> assertThat(reader.read(f.width())).isEqualTo(mask(f.value(), f.width()));
      }
    }
  }

  @Provide
  Arbitrary<List<Field>> fields() {
    Arbitrary<Field> field =
        Combinators.combine(Arbitraries.longs(), Arbitraries.integers().between(-2, 64))
            .as(
                (v, w) ->
                    switch (w) {
                      case -1 -> new Field(v & 1, -1);
                      case -2 -> new Field(v & 0xFFFFF, -2);
                      default -> new Field(v, w);
                    });
    return field.list();
  }

  private static void write(BitWriter writer, List<Field> fields) {
    for (Field f : fields) {
      switch (f.width()) {
        case -1 -> writer.writeBit(f.value() != 0);
        case -2 -> writer.writeGamma(f.value());
        default -> writer.write(f.value(), f.width());
      }
    }
  }

  private static long mask(long value, int width) {
    return width == 64 ? value : value & ((1L << width) - 1);
  }

  /** The obvious writer: one character per bit. */
  private static final class Reference {
    private final StringBuilder bits = new StringBuilder();

    void write(Field f) {
      switch (f.width()) {
        case -1 -> bits.append(f.value() != 0 ? '1' : '0');
        case -2 -> {
          long v = f.value() + 1;
          int length = 64 - Long.numberOfLeadingZeros(v);
          bits.append("0".repeat(length - 1));
          appendBits(v, length);
        }
        default -> appendBits(f.value(), f.width());
      }
    }

    private void appendBits(long value, int width) {
      for (int i = width - 1; i >= 0; i--) {
        bits.append(((value >>> i) & 1) != 0 ? '1' : '0');
      }
    }

    byte[] bytes() {
      byte[] out = new byte[(bits.length() + 7) / 8];
      for (int i = 0; i < bits.length(); i++) {
        if (bits.charAt(i) == '1') {
          out[i / 8] |= (byte) (0x80 >>> (i % 8));
        }
      }
      return out;
    }
  }
}
