package org.bluemarble.zone;

import java.util.Arrays;
import org.bluemarble.zone.internal.LongIntMap;

/**
 * What one observer currently sees, diffed snapshot by snapshot: {@link #update} takes the new AOI
 * result and returns the entities that entered and left since the previous one, so the session
 * receives explicit enter/leave notices plus the visible list (in the AOI result's order: ascending
 * id on the snapshot path). Costs O(visible) hash operations per update, no sorting of the whole
 * set.
 */
public final class InterestSet {
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
  public record Diff(long[] entered, long[] left, long[] visible, int[] visibleSlots) {

    /** A diff without population slots. */
    public Diff(long[] entered, long[] left, long[] visible) {
      this(entered, left, visible, null);
    }
  }

  /** Replaces the visible set with {@code now} and returns what changed. */
  public Diff update(AoiResult now) {
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
  public boolean sees(long id) {
    return seen.get(id) != LongIntMap.MISSING;
  }

  /** Forgets everything (the observer left): the next update reports all as entered. */
  public void clear() {
    seen.clear();
    visible = NONE;
  }
}
