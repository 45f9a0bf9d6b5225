package org.bluemarble.protocol.snapshot;

/**
 * The shared part of an entity's in-baseline update: the bits {@link DeltaCodec} writes for one
 * entity moving from a baseline state to its current state, after the per-observer prefix (baseline
 * index gap, position-changed and same-width flags, width). They depend only on the two states, so
 * every observer whose baseline holds the same state instance of that entity (observers that
 * acknowledged snapshots of the same tick) copies the same bits instead of computing them.
 *
 * <p>A two-way set-associative cache per thread, keyed by the identity of both states: a cell's
 * observers are encoded one after the other on the cell's thread, so the first observer of a round
 * computes a piece and the others find it; a collision or another cell's round on the same thread
 * only costs a recomputation. A piece longer than 64 bits (a jump of more than 2^20 cm on an axis
 * with a heading change) is not cached; the codec then writes the fields one by one. Not
 * thread-safe: use {@link #local()}.
 *
 * <p>The piece's layout, most-significant bit first: {@code zigzag(dx), zigzag(dy), zigzag(dz)} in
 * {@code w} bits each (none when {@code w} is 0), then the heading part as in {@link DeltaCodec}.
 */
final class DeltaPieces {

  /** No piece: the update is written field by field. */
  static final int NONE = -1;

  private static final int SLOT_BITS = 12;
  // Two ways per set, the set chosen by the entity id alone: an entity's pieces against two
  // baselines (observers that acknowledged different ticks) live side by side, and which entities
  // share a set does not depend on identity hash codes, so a round's sharing is reproducible.
  private static final int WAYS = 2;
  private static final int SET_BITS = SLOT_BITS - 1;
  private static final ThreadLocal<DeltaPieces> LOCAL = ThreadLocal.withInitial(DeltaPieces::new);

  private final EntityState[] olds = new EntityState[1 << SLOT_BITS];
  private final EntityState[] nows = new EntityState[1 << SLOT_BITS];
  private final long[] tails = new long[1 << SLOT_BITS];
  private final int[] metas = new int[1 << SLOT_BITS];
  private final byte[] victims = new byte[1 << SET_BITS];
  private long computed;

  /** This thread's cache. */
  static DeltaPieces local() {
    return LOCAL.get();
  }

  /**
   * The slot holding the piece of {@code old → now} (computed on a miss): read {@link #meta} and
   * {@link #tail} before the next call, which may reuse the slot.
   */
  int slot(EntityState old, EntityState now) {
    int set = (int) ((now.entityId() * 0x9E3779B97F4A7C15L) >>> (64 - SET_BITS));
    int first = set << 1;
    for (int slot = first; slot < first + WAYS; slot++) {
      if (olds[slot] == old && nows[slot] == now) {
        return slot;
      }
    }
    int slot = first + victims[set];
    victims[set] = (byte) ((victims[set] + 1) % WAYS);
    olds[slot] = old;
    nows[slot] = now;
    computed++;
    metas[slot] = compute(old, now, tails, slot);
    return slot;
  }

  /** The piece's width {@code w} (low 8 bits) and length in bits (above), or {@link #NONE}. */
  int meta(int slot) {
    return metas[slot];
  }

  long tail(int slot) {
    return tails[slot];
  }

  /** Pieces computed on this thread so far (tests: the sharing works). */
  long computed() {
    return computed;
  }

  static int width(int meta) {
    return meta & 0xFF;
  }

  static int length(int meta) {
    return meta >>> 8;
  }

  /**
   * The bits of the update as {@link DeltaCodec#updateBits} counts them: in-baseline, changed and
   * width flags plus the piece (an upper bound, as there: the width field counted).
   */
  static int updateBits(int meta) {
    return 2 + (width(meta) > 0 ? 1 + DeltaCodec.POSITION_WIDTH_BITS : 0) + length(meta);
  }

  private static int compute(EntityState old, EntityState now, long[] tails, int slot) {
    long zx = DeltaCodec.zigzag((long) now.xCm() - old.xCm());
    long zy = DeltaCodec.zigzag((long) now.yCm() - old.yCm());
    long zz = DeltaCodec.zigzag((long) now.zCm() - old.zCm());
    int w = DeltaCodec.bitLength(zx | zy | zz);
    long dh = DeltaCodec.zigzag((short) (now.heading() - old.heading()));
    int h = DeltaCodec.bitLength(dh);
    int length = 3 * w + 1 + (h > 0 ? DeltaCodec.HEADING_WIDTH_BITS + h : 0);
    if (length > 64) {
      return NONE;
    }
    long t = 0;
    if (w > 0) {
      t = ((zx << w | zy) << w) | zz;
    }
    t = t << 1 | (h > 0 ? 1 : 0);
    if (h > 0) {
      t = (t << DeltaCodec.HEADING_WIDTH_BITS | h) << h | dh;
    }
    tails[slot] = t;
    return length << 8 | w;
  }
}
