package org.bluemarble.zone.bench;

import java.util.Arrays;
import org.bluemarble.zone.AoiResult;
import org.bluemarble.zone.internal.LongIntMap;

/**
 * {@link org.bluemarble.zone.InterestSet} as main 4e84ed7 had it (a hash map of what is seen,
 * entered and left sorted afterwards), for {@link SnapshotViewCpu}'s before/after comparison.
 */
final class PreviousInterestSet {
  /** id → the update stamp at which it was last seen. */
  private final LongIntMap seen = new LongIntMap(64);

  private static final long[] NONE = new long[0];

  private long[] visible = NONE;

  /** Scratch for the ids that entered and left in one update (reused, copied out). */
  private long[] entered = new long[16];

  private long[] left = new long[16];
  private int stamp;

  /**
   * The change between two snapshots of one observer.
   *
   * @param entered ids newly visible, ascending
   * @param left ids no longer visible, ascending
   * @param visible everything visible now, in the order of the AOI result (the cell's snapshot
   *     views ask for ascending id, the order the encoders merge in)
   * @param visibleSlots per visible entity its population slot when the AOI query found it (-1:
   *     unknown), or null: saves the push an id lookup per observer and entity; check the id
   */
  record Diff(long[] entered, long[] left, long[] visible, int[] visibleSlots) {

    /** A diff without population slots. */
    Diff(long[] entered, long[] left, long[] visible) {
      this(entered, left, visible, null);
    }
  }

  /** Replaces the visible set with {@code now} and returns what changed. */
  Diff update(AoiResult now) {
    stamp++;
    int n = now.size();
    if (entered.length < n) {
      entered = new long[Math.max(n, entered.length * 2)];
    }
    int ne = 0;
    for (int i = 0; i < n; i++) {
      long id = now.id(i);
      if (seen.put(id, stamp) == LongIntMap.MISSING) {
        entered[ne++] = id;
      }
    }
    if (left.length < visible.length) {
      left = new long[Math.max(visible.length, left.length * 2)];
    }
    int nl = 0;
    for (long id : visible) {
      if (seen.get(id) != stamp) {
        left[nl++] = id;
        seen.remove(id);
      }
    }
    // A fresh array per update that is never written again, so the Diff may share it.
    visible = now.ids();
    long[] e = ne == 0 ? NONE : Arrays.copyOf(entered, ne);
    long[] l = nl == 0 ? NONE : Arrays.copyOf(left, nl);
    Arrays.sort(e);
    Arrays.sort(l);
    return new Diff(e, l, visible, now.slots());
  }

  /** Whether {@code id} was visible at the last update. */
  boolean sees(long id) {
    return seen.get(id) != LongIntMap.MISSING;
  }

  /** Forgets everything (the observer left): the next update reports all as entered. */
  void clear() {
    seen.clear();
    visible = NONE;
  }
}
