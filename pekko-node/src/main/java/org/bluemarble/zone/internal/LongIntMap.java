package org.bluemarble.zone.internal;

import java.util.Arrays;

/**
 * An open-addressing hash map from long keys to int values without boxing (linear probing,
 * backward-shift deletion). Not thread-safe. {@link #MISSING} is returned for absent keys.
 */
public final class LongIntMap {
  /** The value {@link #get} returns for an absent key. */
  public static final int MISSING = -1;

  private long[] keys;
  private int[] values;
  private boolean[] used;
  private int size;
  private int mask;

  /** A map sized for about {@code expected} entries before it grows. */
  public LongIntMap(int expected) {
    int capacity = Integer.highestOneBit(Math.max(4, expected * 2 - 1)) << 1;
    allocate(capacity);
  }

  private void allocate(int capacity) {
    keys = new long[capacity];
    values = new int[capacity];
    used = new boolean[capacity];
    mask = capacity - 1;
    size = 0;
  }

  private static int hash(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }

  /** The value of {@code key}, or {@link #MISSING}. */
  public int get(long key) {
    for (int i = hash(key) & mask; used[i]; i = (i + 1) & mask) {
      if (keys[i] == key) {
        return values[i];
      }
    }
    return MISSING;
  }

  /**
   * Sets {@code key} to {@code value} (which must not be {@link #MISSING}); returns the previous
   * value, or {@link #MISSING} if the key was absent (one probe for "add and tell if new").
   */
  public int put(long key, int value) {
    if ((size + 1) * 2 > keys.length) {
      grow();
    }
    int i = hash(key) & mask;
    while (used[i]) {
      if (keys[i] == key) {
        int old = values[i];
        values[i] = value;
        return old;
      }
      i = (i + 1) & mask;
    }
    used[i] = true;
    keys[i] = key;
    values[i] = value;
    size++;
    return MISSING;
  }

  /** Removes {@code key}; returns its value or {@link #MISSING}. */
  public int remove(long key) {
    int i = hash(key) & mask;
    while (used[i]) {
      if (keys[i] == key) {
        int old = values[i];
        shiftBack(i);
        size--;
        return old;
      }
      i = (i + 1) & mask;
    }
    return MISSING;
  }

  private void shiftBack(int hole) {
    int i = hole;
    while (true) {
      used[hole] = false;
      int j = i;
      while (true) {
        j = (j + 1) & mask;
        if (!used[j]) {
          return;
        }
        int home = hash(keys[j]) & mask;
        // Move keys[j] into the hole unless its home lies cyclically in (hole, j].
        boolean stays = hole <= j ? (hole < home && home <= j) : (hole < home || home <= j);
        if (!stays) {
          break;
        }
      }
      keys[hole] = keys[j];
      values[hole] = values[j];
      used[hole] = true;
      hole = j;
      i = j;
    }
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldValues = values;
    boolean[] oldUsed = used;
    allocate(oldKeys.length * 2);
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldUsed[i]) {
        put(oldKeys[i], oldValues[i]);
      }
    }
  }

  /** The number of entries. */
  public int size() {
    return size;
  }

  /** Removes every entry, keeping the capacity. */
  public void clear() {
    Arrays.fill(used, false);
    size = 0;
  }
}
