package org.bluemarble.protocol.snapshot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.bluemarble.protocol.ProtocolException;
import org.bluemarble.protocol.v1.Error;

/**
 * The bit layout of Snapshot.payload: removals and updates against a baseline {@link
 * SnapshotState}. Pure functions; {@link SnapshotEncoder} decides what goes in.
 *
 * <p>Layout, most-significant bit first, {@code γ(n)} being the Elias-gamma code of n+1:
 *
 * <pre>
 * γ(removedCount), then per removal: γ(baseline index − previous removed index − 1)
 * γ(updateCount),  then per update in ascending entity id:
 *   1 bit inBaseline
 *   inBaseline=1: γ(baseline index − previous in-baseline update index − 1)
 *                 1 bit positionChanged; if set: 1 bit sameWidth, and when it is clear 6 bits
 *                   width w (sameWidth reuses the previous position update's w; 0 at the start),
 *                   then zigzag(dx), zigzag(dy), zigzag(dz) in w bits each (centimetre deltas
 *                   against the baseline entity)
 *                 1 bit headingChanged; if set: 5 bits width h, then zigzag(signed 16-bit
 *                   heading delta) in h bits
 *   inBaseline=0: 64 bits entity id, 32 bits each x, y, z (cm), 16 bits heading
 * zero padding to a whole byte
 * </pre>
 *
 * A walking entity (≤ 63 cm per axis against its baseline, same heading, width as the previous one)
 * costs 26 bits.
 */
final class DeltaCodec {

  static final int POSITION_WIDTH_BITS = 6;
  static final int HEADING_WIDTH_BITS = 5;
  private static final int NEW_ENTITY_BITS = 1 + 64 + 3 * 32 + 16;

  private DeltaCodec() {}

  /** Writes a payload; every removed id must be in the baseline and absent from updates. */
  static byte[] write(SnapshotState baseline, long[] removedIds, List<EntityState> updates) {
    BitWriter out = new BitWriter();
    int[] removedIndexes = new int[removedIds.length];
    for (int i = 0; i < removedIds.length; i++) {
      removedIndexes[i] = baseline.indexOf(removedIds[i]);
      if (removedIndexes[i] < 0) {
        throw new IllegalArgumentException(
            "removed entity " + removedIds[i] + " is not in the baseline");
      }
    }
    Arrays.sort(removedIndexes);
    out.writeGamma(removedIndexes.length);
    int previous = -1;
    for (int index : removedIndexes) {
      out.writeGamma(index - previous - 1L);
      previous = index;
    }
    List<EntityState> sorted = new ArrayList<>(updates);
    sorted.sort(Comparator.comparingLong(EntityState::entityId));
    out.writeGamma(sorted.size());
    previous = -1;
    int[] lastWidth = {0};
    for (EntityState e : sorted) {
      int index = baseline.indexOf(e.entityId());
      if (index >= 0) {
        out.writeBit(true);
        out.writeGamma(index - previous - 1L);
        previous = index;
        writeChange(out, baseline.get(index), e, lastWidth);
      } else {
        writeNew(out, e);
      }
    }
    return out.toByteArray();
  }

  /**
   * Writes a payload into {@code out} from the encoder's merged view: {@code current[0..count)}
   * sorted by id, {@code inBaseline[i]} the baseline index of {@code current[i]} or -1, {@code
   * take[i]} whether it is updated, {@code removed[0..removedCount)} ascending baseline indexes,
   * and for a taken in-baseline entity its {@link DeltaPieces} piece in {@code pieceMeta[i]} and
   * {@code pieceTail[i]} ({@link DeltaPieces#NONE}: written field by field). The same bits as
   * {@link #write(SnapshotState, long[], List)} with the taken entities as updates.
   */
  static void write(
      BitWriter out,
      SnapshotState baseline,
      int[] removed,
      int removedCount,
      EntityState[] current,
      int count,
      int[] inBaseline,
      boolean[] take,
      int[] pieceMeta,
      long[] pieceTail) {
    out.writeGamma(removedCount);
    int previous = -1;
    for (int r = 0; r < removedCount; r++) {
      out.writeGamma(removed[r] - previous - 1L);
      previous = removed[r];
    }
    int updates = 0;
    for (int i = 0; i < count; i++) {
      if (take[i]) {
        updates++;
      }
    }
    out.writeGamma(updates);
    previous = -1;
    int[] lastWidth = {0};
    for (int i = 0; i < count; i++) {
      if (!take[i]) {
        continue;
      }
      EntityState e = current[i];
      int index = inBaseline[i];
      if (index >= 0) {
        out.writeBit(true);
        out.writeGamma(index - previous - 1L);
        previous = index;
        int meta = pieceMeta[i];
        if (meta == DeltaPieces.NONE) {
          writeChange(out, baseline.get(index), e, lastWidth);
        } else {
          writePiece(out, meta, pieceTail[i], lastWidth);
        }
      } else {
        writeNew(out, e);
      }
    }
  }

  /** The per-observer prefix of a shared piece (changed and same-width flags, width), then it. */
  private static void writePiece(BitWriter out, int meta, long tail, int[] lastWidth) {
    int w = DeltaPieces.width(meta);
    out.writeBit(w > 0);
    if (w > 0) {
      out.writeBit(w == lastWidth[0]);
      if (w != lastWidth[0]) {
        out.write(w, POSITION_WIDTH_BITS);
        lastWidth[0] = w;
      }
    }
    out.write(tail, DeltaPieces.length(meta));
  }

  private static void writeNew(BitWriter out, EntityState e) {
    out.writeBit(false);
    out.write(e.entityId(), 64);
    out.write(e.xCm(), 32);
    out.write(e.yCm(), 32);
    out.write(e.zCm(), 32);
    out.write(e.heading(), 16);
  }

  /**
   * An upper bound of the bits an update costs (assuming its width differs from the previous one),
   * not counting the baseline index gap of an in-baseline entity.
   */
  static int updateBits(EntityState old, EntityState now) {
    if (old == null) {
      return NEW_ENTITY_BITS;
    }
    int bits = 3;
    int w = positionWidth(old, now);
    if (w > 0) {
      bits += 1 + POSITION_WIDTH_BITS + 3 * w;
    }
    int h = bitLength(zigzag((short) (now.heading() - old.heading())));
    if (h > 0) {
      bits += HEADING_WIDTH_BITS + h;
    }
    return bits;
  }

  /** Reads a payload against its baseline and returns the resulting state. */
  static SnapshotState read(SnapshotState baseline, byte[] payload) {
    BitReader in = new BitReader(payload);
    long removedCount = in.readGamma();
    if (removedCount > baseline.size()) {
      throw malformed("removes " + removedCount + " of " + baseline.size() + " entities");
    }
    long[] removed = new long[(int) removedCount];
    long index = -1;
    for (int i = 0; i < removed.length; i++) {
      index = index + in.readGamma() + 1;
      removed[i] = baseline.get(checkIndex(index, baseline)).entityId();
    }
    long updateCount = in.readGamma();
    List<EntityState> updates = new ArrayList<>();
    index = -1;
    int[] lastWidth = {0};
    for (long i = 0; i < updateCount; i++) {
      if (in.readBit()) {
        index = index + in.readGamma() + 1;
        updates.add(readChange(in, baseline.get(checkIndex(index, baseline)), lastWidth));
      } else {
        long id = in.read(64);
        int x = (int) in.read(32);
        int y = (int) in.read(32);
        int z = (int) in.read(32);
        updates.add(new EntityState(id, x, y, z, (int) in.read(16)));
      }
    }
    if (!in.atPadding()) {
      throw malformed("has trailing bytes");
    }
    try {
      return baseline.apply(removed, updates);
    } catch (IllegalArgumentException e) {
      throw malformed(e.getMessage());
    }
  }

  private static void writeChange(
      BitWriter out, EntityState old, EntityState now, int[] lastWidth) {
    int w = positionWidth(old, now);
    out.writeBit(w > 0);
    if (w > 0) {
      out.writeBit(w == lastWidth[0]);
      if (w != lastWidth[0]) {
        out.write(w, POSITION_WIDTH_BITS);
        lastWidth[0] = w;
      }
      out.write(zigzag((long) now.xCm() - old.xCm()), w);
      out.write(zigzag((long) now.yCm() - old.yCm()), w);
      out.write(zigzag((long) now.zCm() - old.zCm()), w);
    }
    long dh = zigzag((short) (now.heading() - old.heading()));
    int h = bitLength(dh);
    out.writeBit(h > 0);
    if (h > 0) {
      out.write(h, HEADING_WIDTH_BITS);
      out.write(dh, h);
    }
  }

  private static EntityState readChange(BitReader in, EntityState old, int[] lastWidth) {
    long x = old.xCm();
    long y = old.yCm();
    long z = old.zCm();
    if (in.readBit()) {
      int w = in.readBit() ? lastWidth[0] : (int) in.read(POSITION_WIDTH_BITS);
      lastWidth[0] = w;
      x += unzigzag(in.read(w));
      y += unzigzag(in.read(w));
      z += unzigzag(in.read(w));
      if (x != (int) x || y != (int) y || z != (int) z) {
        throw malformed("moves entity " + old.entityId() + " out of the coordinate range");
      }
    }
    int heading = old.heading();
    if (in.readBit()) {
      int h = (int) in.read(HEADING_WIDTH_BITS);
      heading = (int) ((heading + unzigzag(in.read(h))) & 0xFFFF);
    }
    return new EntityState(old.entityId(), (int) x, (int) y, (int) z, heading);
  }

  private static int positionWidth(EntityState old, EntityState now) {
    long bits =
        zigzag((long) now.xCm() - old.xCm())
            | zigzag((long) now.yCm() - old.yCm())
            | zigzag((long) now.zCm() - old.zCm());
    return bitLength(bits);
  }

  private static int checkIndex(long index, SnapshotState baseline) {
    if (index < 0 || index >= baseline.size()) {
      throw malformed("refers to baseline index " + index + " of " + baseline.size());
    }
    return (int) index;
  }

  private static ProtocolException malformed(String what) {
    return new ProtocolException(Error.Code.CODE_MALFORMED_FRAME, "snapshot payload " + what);
  }

  static long zigzag(long v) {
    return (v << 1) ^ (v >> 63);
  }

  private static long unzigzag(long v) {
    return (v >>> 1) ^ -(v & 1);
  }

  static int bitLength(long v) {
    return 64 - Long.numberOfLeadingZeros(v);
  }
}
