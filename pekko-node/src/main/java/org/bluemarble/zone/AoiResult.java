package org.bluemarble.zone;

import java.util.Arrays;

/**
 * A reusable buffer for one area-of-interest query: the ids of the entities found and their
 * great-circle distances in metres, nearest first (snapshot priority). Reuse one per observer or
 * per tick to avoid allocating.
 */
public final class AoiResult {
  private long[] ids = new long[32];
  private double[] distances = new double[32];
  private int size;

  void clear() {
    size = 0;
  }

  void add(long id, double distanceMeters) {
    if (size == ids.length) {
      ids = Arrays.copyOf(ids, size * 2);
      distances = Arrays.copyOf(distances, size * 2);
    }
    ids[size] = id;
    distances[size] = distanceMeters;
    size++;
  }

  /**
   * Sorts by distance, then id, so equal distances have a stable order (insertion sort: small n).
   */
  void sortByDistance() {
    for (int i = 1; i < size; i++) {
      long id = ids[i];
      double d = distances[i];
      int j = i - 1;
      while (j >= 0 && (distances[j] > d || (distances[j] == d && ids[j] > id))) {
        ids[j + 1] = ids[j];
        distances[j + 1] = distances[j];
        j--;
      }
      ids[j + 1] = id;
      distances[j + 1] = d;
    }
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
}
