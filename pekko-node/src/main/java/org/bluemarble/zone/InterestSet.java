package org.bluemarble.zone;

import java.util.Arrays;

/**
 * What one observer currently sees, diffed snapshot by snapshot: {@link #update} takes the new AOI
 * result and returns the entities that entered and left since the previous one, so the session
 * receives explicit enter/leave notices plus the visible list (nearest first).
 */
public final class InterestSet {
  private long[] visible = new long[0];

  /** The change between two snapshots of one observer. */
  public record Diff(long[] entered, long[] left, long[] visibleNearestFirst) {}

  /** Replaces the visible set with {@code now} and returns what changed (ids sorted ascending). */
  public Diff update(AoiResult now) {
    long[] nearestFirst = now.ids();
    long[] sorted = nearestFirst.clone();
    Arrays.sort(sorted);
    long[] entered = new long[sorted.length];
    long[] left = new long[visible.length];
    int ne = 0;
    int nl = 0;
    int i = 0;
    int j = 0;
    while (i < visible.length || j < sorted.length) {
      if (j == sorted.length || (i < visible.length && visible[i] < sorted[j])) {
        left[nl++] = visible[i++];
      } else if (i == visible.length || sorted[j] < visible[i]) {
        entered[ne++] = sorted[j++];
      } else {
        i++;
        j++;
      }
    }
    visible = sorted;
    return new Diff(Arrays.copyOf(entered, ne), Arrays.copyOf(left, nl), nearestFirst);
  }

  /** Whether {@code id} was visible at the last update. */
  public boolean sees(long id) {
    return Arrays.binarySearch(visible, id) >= 0;
  }

  /** Forgets everything (the observer left): the next update reports all as entered. */
  public void clear() {
    visible = new long[0];
  }
}
