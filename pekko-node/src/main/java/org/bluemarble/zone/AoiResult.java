package org.bluemarble.zone;

import java.util.Arrays;

/**
 * A reusable buffer for one area-of-interest query: the ids of the entities found and their
 * great-circle distances in metres, nearest first (snapshot priority). Reuse one per observer or
 * per tick to avoid allocating.
 */
public final class AoiResult {
  /** Distances are sorted at this resolution in metres (ties keep the order found). */
  private static final double SORT_RESOLUTION_METERS = 0.001;

  private long[] ids = new long[32];
  private double[] distances = new double[32];
  private long[] keys = new long[32];
  private long[] idsSorted = new long[32];
  private double[] distancesSorted = new double[32];
  private int size;

  void clear() {
    size = 0;
  }

  void add(long id, double distanceMeters) {
    if (size == ids.length) {
      int n = size * 2;
      ids = Arrays.copyOf(ids, n);
      distances = Arrays.copyOf(distances, n);
      keys = new long[n];
      idsSorted = new long[n];
      distancesSorted = new double[n];
    }
    ids[size] = id;
    distances[size] = distanceMeters;
    size++;
  }

  /**
   * Sorts by distance: each entry becomes one long (millimetres in the high bits, its index in the
   * low 24), so a primitive sort does the work without comparators or boxing.
   */
  void sortByDistance() {
    keepNearest(Integer.MAX_VALUE);
  }

  /**
   * Keeps only the {@code limit} nearest entries, sorted nearest first: a linear-time selection
   * first when there are more, so a crowd costs O(found) rather than O(found log found).
   */
  void keepNearest(int limit) {
    if (size < 2) {
      size = Math.min(size, limit);
      return;
    }
    for (int i = 0; i < size; i++) {
      long mm = (long) (distances[i] / SORT_RESOLUTION_METERS);
      keys[i] = (mm << 24) | i;
    }
    if (size > limit) {
      select(keys, 0, size - 1, limit);
      size = limit;
    }
    Arrays.sort(keys, 0, size);
    for (int i = 0; i < size; i++) {
      int from = (int) (keys[i] & 0xFFFFFF);
      idsSorted[i] = ids[from];
      distancesSorted[i] = distances[from];
    }
    long[] t = ids;
    ids = idsSorted;
    idsSorted = t;
    double[] d = distances;
    distances = distancesSorted;
    distancesSorted = d;
  }

  /** How many entities were found. */
  public int size() {
    return size;
  }

  /** The id of the {@code i}-th nearest entity. */
  public long id(int i) {
    return ids[i];
  }

  /** The distance in metres of the {@code i}-th nearest entity. */
  public double distanceMeters(int i) {
    return distances[i];
  }

  /** A copy of the ids, nearest first. */
  public long[] ids() {
    return Arrays.copyOf(ids, size);
  }

  /** Rearranges a[lo..hi] so that its {@code k} smallest values come first (Hoare quickselect). */
  private static void select(long[] a, int lo, int hi, int k) {
    while (lo < hi) {
      long pivot = a[(lo + hi) >>> 1];
      int i = lo;
      int j = hi;
      while (i <= j) {
        while (a[i] < pivot) {
          i++;
        }
        while (a[j] > pivot) {
          j--;
        }
        if (i <= j) {
          long t = a[i];
          a[i] = a[j];
          a[j] = t;
          i++;
          j--;
        }
      }
      if (k - 1 <= j) {
        hi = j;
      } else if (k - 1 >= i) {
        lo = i;
      } else {
        return;
      }
    }
  }
}
