package org.bluemarble.zone;

import java.util.Arrays;

/**
 * A reusable buffer for one area-of-interest query: the ids of the entities found and their
 * great-circle distances in metres, nearest first or (for the snapshot path) by ascending id. Reuse
 * one per observer or per tick to avoid allocating.
 *
 * <p>Candidates are ranked by their squared chord between unit vectors, which is monotonic in the
 * great-circle distance, so the arc length (a square root and a series) is computed only for the
 * entries kept. With a limit, the first {@code limit} candidates are kept as they come; once there
 * are that many they become a max-heap, which then keeps the {@code limit} nearest while the query
 * runs: a candidate farther than the current worst kept one costs one comparison. A query that
 * finds fewer than its limit (a snapshot's usual case) never orders anything until {@link #finish}.
 */
public final class AoiResult {
  /** Low bits of a sort key that hold the entry's index (the rest is the chord's bit pattern). */
  private static final int INDEX_BITS = 24;

  private static final long INDEX_MASK = (1L << INDEX_BITS) - 1;

  /** Ids below this pack with an entry index into one sort key ({@link #finishInIdOrder}). */
  private static final long PACKABLE_ID = 1L << (63 - INDEX_BITS);

  private long[] ids = new long[32];
  private int[] slots = new int[32];
  private int[] slotsSorted = new int[32];
  private double[] chords = new double[32];
  private double[] distances = new double[32];
  private long[] keys = new long[32];
  private long[] idsSorted = new long[32];
  private int size;
  private int limit = Integer.MAX_VALUE;

  /** Starts a query that keeps at most {@code limit} entries (the nearest ones). */
  void begin(int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must be >= 0, was " + limit);
    }
    this.size = 0;
    this.limit = limit;
  }

  /** Forgets the entries (an empty result). */
  void clear() {
    begin(Integer.MAX_VALUE);
  }

  /**
   * Offers one candidate at squared chord {@code chord2} (between unit vectors); kept if there is
   * room or it is nearer than the farthest kept one, which it then replaces.
   */
  void offer(long id, double chord2) {
    offer(id, chord2, -1);
  }

  /** As {@link #offer(long, double)}, remembering the entity's population slot ({@link #slots}). */
  void offer(long id, double chord2, int slot) {
    if (size < limit) {
      if (size == ids.length) {
        grow();
      }
      int i = size++;
      ids[i] = id;
      chords[i] = chord2;
      slots[i] = slot;
      if (size == limit) {
        // The entries come in unordered until the limit is reached (a query that finds fewer
        // never orders them); from then on they form a max-heap on the chord.
        heapify();
      }
    } else if (size > 0 && chord2 < chords[0]) {
      siftDown(id, chord2, slot);
    }
  }

  /** Whether the query holds its limit of entries (never for an unlimited one). */
  boolean full() {
    return size > 0 && size >= limit;
  }

  /** The squared chord of the farthest entry kept while a limited query runs (the heap's root). */
  double worstChord2() {
    return chords[0];
  }

  /** Orders the entries into a max-heap on the chord (bottom-up, linear in the size). */
  private void heapify() {
    for (int i = (size >>> 1) - 1; i >= 0; i--) {
      sink(i, ids[i], chords[i], slots[i]);
    }
  }

  /** Replaces the heap's root (the farthest kept) with a nearer candidate. */
  private void siftDown(long id, double chord2, int slot) {
    sink(0, id, chord2, slot);
  }

  /**
   * Puts the entry {@code (id, chord2, slot)} at {@code at} and moves it down below every child
   * farther than it, the children moving up into the places it leaves.
   */
  private void sink(int at, long id, double chord2, int slot) {
    int i = at;
    while (true) {
      int child = 2 * i + 1;
      if (child >= size) {
        break;
      }
      if (child + 1 < size && chords[child + 1] > chords[child]) {
        child++;
      }
      if (chords[child] <= chord2) {
        break;
      }
      ids[i] = ids[child];
      chords[i] = chords[child];
      slots[i] = slots[child];
      i = child;
    }
    ids[i] = id;
    chords[i] = chord2;
    slots[i] = slot;
  }

  private void grow() {
    int n = ids.length * 2;
    ids = Arrays.copyOf(ids, n);
    chords = Arrays.copyOf(chords, n);
    slots = Arrays.copyOf(slots, n);
    slotsSorted = new int[n];
    distances = new double[n];
    keys = new long[n];
    idsSorted = new long[n];
  }

  /**
   * Sorts the kept entries nearest first and converts their chords to metres on a sphere of {@code
   * sphereRadius}. Each entry becomes one long (the chord's bits, which order like the non-negative
   * double, with the index in the low bits), so a primitive sort does the work; ties keep the order
   * found.
   */
  void finish(double sphereRadius) {
    for (int i = 0; i < size; i++) {
      keys[i] = (Double.doubleToRawLongBits(chords[i]) & ~INDEX_MASK) | i;
    }
    Arrays.sort(keys, 0, size);
    for (int i = 0; i < size; i++) {
      int from = (int) (keys[i] & INDEX_MASK);
      idsSorted[i] = ids[from];
      slotsSorted[i] = slots[from];
      distances[i] = arcMeters(chords[from], sphereRadius);
    }
    long[] t = ids;
    ids = idsSorted;
    idsSorted = t;
    int[] u = slots;
    slots = slotsSorted;
    slotsSorted = u;
  }

  /**
   * Sorts the kept entries by ascending entity id (instead of nearest first) and converts their
   * chords to metres, as {@link #finish}. For the snapshot path: the encoders merge an observer's
   * entities against its baseline in id order, so a result already in id order spares each of them
   * a sort. Ids in 0..2^39 pack with the index into one long (a primitive sort), others sort
   * through an index array.
   */
  void finishInIdOrder(double sphereRadius) {
    boolean packable = true;
    for (int i = 0; i < size; i++) {
      long id = ids[i];
      if (id < 0 || id >= PACKABLE_ID) {
        packable = false;
        break;
      }
      keys[i] = (id << INDEX_BITS) | i;
    }
    if (packable) {
      Arrays.sort(keys, 0, size);
    } else {
      sortIndexesById();
    }
    for (int i = 0; i < size; i++) {
      int from = (int) (keys[i] & INDEX_MASK);
      idsSorted[i] = ids[from];
      slotsSorted[i] = slots[from];
      distances[i] = arcMeters(chords[from], sphereRadius);
    }
    long[] t = ids;
    ids = idsSorted;
    idsSorted = t;
    int[] u = slots;
    slots = slotsSorted;
    slotsSorted = u;
  }

  /** Entry indexes into {@link #keys} by ascending id (an insertion sort: rare, large ids). */
  private void sortIndexesById() {
    for (int i = 0; i < size; i++) {
      long id = ids[i];
      int j = i - 1;
      while (j >= 0 && ids[(int) keys[j]] > id) {
        keys[j + 1] = keys[j];
        j--;
      }
      keys[j + 1] = i;
    }
  }

  /** Great-circle metres of a squared chord {@code chord2} between unit vectors. */
  static double arcMeters(double chord2, double sphereRadius) {
    double half = Math.sqrt(chord2) * 0.5;
    if (half < 0.01) {
      // asin series to x^5: the next term is below 1e-15 relative for x < 0.01 (64 km on Earth).
      double h2 = half * half;
      return 2.0 * half * (1.0 + h2 * (1.0 / 6.0 + h2 * (3.0 / 40.0))) * sphereRadius;
    }
    return 2.0 * Math.asin(Math.min(1.0, half)) * sphereRadius;
  }

  /** How many entities were found. */
  public int size() {
    return size;
  }

  /** The id of the {@code i}-th entity (nearest first, or by id after an id-order query). */
  public long id(int i) {
    return ids[i];
  }

  /** The distance in metres of the {@code i}-th entity. */
  public double distanceMeters(int i) {
    return distances[i];
  }

  /**
   * A copy of the entities' population slots, in the result's order, as the query found them (-1
   * where the offer gave none): valid until the population changes, so a reader checks the id in
   * the slot.
   */
  public int[] slots() {
    return Arrays.copyOf(slots, size);
  }

  /** A copy of the ids, in the result's order. */
  public long[] ids() {
    return Arrays.copyOf(ids, size);
  }
}
