package org.bluemarble.zone;

import java.util.Arrays;

/**
 * What one observer currently sees, diffed snapshot by snapshot: {@link #update} takes the new AOI
 * result and returns the entities that entered and left since the previous one, so the session
 * receives explicit enter/leave notices plus the visible list (in the AOI result's order: ascending
 * id on the snapshot path). The sets are kept as ascending id arrays and diffed by one merge pass:
 * no hashing, and on the snapshot path (results already in id order) no sorting either; a result in
 * another order costs one primitive sort of its ids.
 */
public final class InterestSet {
  private static final long[] NONE = new long[0];

  /**
   * What is visible now, ascending (shared with the last Diff when it came sorted; never written).
   */
  private long[] sorted = NONE;

  /** Scratch for the ids that entered and left in one update (reused, copied out). */
  private long[] entered = new long[16];

  private long[] left = new long[16];

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
    // A fresh array per update that is never written again, so the Diff may share it.
    long[] visible = now.ids();
    long[] next = ascending(visible) ? visible : sortedCopy(visible);
    long[] before = sorted;
    int n = next.length;
    int m = before.length;
    if (entered.length < n) {
      entered = new long[Math.max(n, entered.length * 2)];
    }
    if (left.length < m) {
      left = new long[Math.max(m, left.length * 2)];
    }
    int ne = 0;
    int nl = 0;
    int i = 0;
    int j = 0;
    while (i < n && j < m) {
      long a = next[i];
      long b = before[j];
      if (a == b) {
        i++;
        j++;
      } else if (a < b) {
        entered[ne++] = a;
        i++;
      } else {
        left[nl++] = b;
        j++;
      }
    }
    while (i < n) {
      entered[ne++] = next[i++];
    }
    while (j < m) {
      left[nl++] = before[j++];
    }
    sorted = next;
    long[] e = ne == 0 ? NONE : Arrays.copyOf(entered, ne);
    long[] l = nl == 0 ? NONE : Arrays.copyOf(left, nl);
    return new Diff(e, l, visible, now.slots());
  }

  /** Whether {@code id} was visible at the last update. */
  public boolean sees(long id) {
    return Arrays.binarySearch(sorted, id) >= 0;
  }

  /** Forgets everything (the observer left): the next update reports all as entered. */
  public void clear() {
    sorted = NONE;
  }

  /** Strictly ascending (an AOI result holds each id once). */
  private static boolean ascending(long[] ids) {
    for (int i = 1; i < ids.length; i++) {
      if (ids[i] <= ids[i - 1]) {
        return false;
      }
    }
    return true;
  }

  private static long[] sortedCopy(long[] ids) {
    long[] copy = ids.clone();
    Arrays.sort(copy);
    return copy;
  }
}
