package org.bluemarble.persistence.terrain.internal;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import org.bluemarble.planet.PlanetSamples;

/**
 * The binary form of one chunk's values: a format byte, the cell count (int), then column by column
 * every cell's elevation, temperature and precipitation (IEEE floats), biome ordinal and plate id
 * (bytes), all big endian. 14 bytes per cell plus 5: 3,589 bytes for a 256-cell chunk.
 */
public final class ChunkCodec {

  private static final byte FORMAT = 1;
  private static final int HEADER = 5;
  private static final int BYTES_PER_CELL = 14;

  private ChunkCodec() {}

  /** Encodes cells {@code first}..{@code first + count - 1} of {@code samples}. */
  public static byte[] encode(PlanetSamples samples, int first, int count) {
    ByteBuffer buf = ByteBuffer.allocate(HEADER + BYTES_PER_CELL * count);
    buf.put(FORMAT).putInt(count);
    buf.asFloatBuffer().put(samples.elevation(), first, count);
    buf.position(buf.position() + 4 * count);
    buf.asFloatBuffer().put(samples.temperature(), first, count);
    buf.position(buf.position() + 4 * count);
    buf.asFloatBuffer().put(samples.precipitation(), first, count);
    buf.position(buf.position() + 4 * count);
    buf.put(samples.biome(), first, count);
    buf.put(samples.plate(), first, count);
    return buf.array();
  }

  /**
   * Decodes a chunk into the arrays of {@code target} starting at {@code first}.
   *
   * @throws IllegalArgumentException if the bytes are not a chunk of {@code count} cells
   */
  public static void decodeInto(byte[] data, int count, PlanetSamples target, int first) {
    ByteBuffer buf = open(data, count);
    buf.asFloatBuffer().get(target.elevation(), first, count);
    buf.position(buf.position() + 4 * count);
    buf.asFloatBuffer().get(target.temperature(), first, count);
    buf.position(buf.position() + 4 * count);
    buf.asFloatBuffer().get(target.precipitation(), first, count);
    buf.position(buf.position() + 4 * count);
    buf.get(target.biome(), first, count);
    buf.get(target.plate(), first, count);
  }

  /** Reads single cells of an encoded chunk without decoding the rest. */
  public static Reader reader(byte[] data, int count) {
    return new Reader(open(data, count), count);
  }

  private static ByteBuffer open(byte[] data, int count) {
    if (data.length != HEADER + BYTES_PER_CELL * count) {
      throw new IllegalArgumentException(
          "chunk has " + data.length + " bytes, expected " + (HEADER + BYTES_PER_CELL * count));
    }
    ByteBuffer buf = ByteBuffer.wrap(data);
    try {
      byte format = buf.get();
      int stored = buf.getInt();
      if (format != FORMAT || stored != count) {
        throw new IllegalArgumentException(
            "chunk header (format " + format + ", " + stored + " cells) is not format 1, " + count);
      }
    } catch (BufferUnderflowException e) {
      throw new IllegalArgumentException("chunk is shorter than its header", e);
    }
    return buf;
  }

  /** Random access to the cells of one encoded chunk; index 0 is the chunk's first cell. */
  public static final class Reader {
    private final ByteBuffer buf;
    private final int count;

    private Reader(ByteBuffer buf, int count) {
      this.buf = buf;
      this.count = count;
    }

    public float elevation(int k) {
      return buf.getFloat(HEADER + 4 * k);
    }

    public float temperature(int k) {
      return buf.getFloat(HEADER + 4 * (count + k));
    }

    public float precipitation(int k) {
      return buf.getFloat(HEADER + 4 * (2 * count + k));
    }

    public int biome(int k) {
      return buf.get(HEADER + 12 * count + k);
    }

    public int plate(int k) {
      return buf.get(HEADER + 13 * count + k);
    }
  }
}
