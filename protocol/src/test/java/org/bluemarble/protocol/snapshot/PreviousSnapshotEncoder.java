package org.bluemarble.protocol.snapshot;

import com.google.protobuf.UnsafeByteOperations;
import java.util.Arrays;
import java.util.Collection;
import org.bluemarble.protocol.v1.Snapshot;

/**
 * The encoder of main d4949a2, before the shared pieces ({@link DeltaPieces}): the "previous"
 * variant of {@link CrowdSnapshotBenchmark}'s CPU comparison, writing through today's codec with no
 * pieces (field by field, as it did). Builds the snapshots for one client: delta-encodes against
 * the newest snapshot the client acknowledged, and under a byte budget sends the most important
 * changes first. Used the same way by the WebSocket and the UDP edge; one instance per client, not
 * thread-safe.
 *
 * <p>Priority: removals always go; then changed or new entities by {@code distance / (1 + age)},
 * where age counts the snapshots since the entity was last brought up to date, so nearby entities
 * are fresh every snapshot and far ones are deferred but never starved. The state the client will
 * hold after each snapshot is kept for {@link #HISTORY} snapshots as a possible baseline.
 */
final class PreviousSnapshotEncoder {

  /** How many sent snapshots are kept as baselines (3.2 s at 20 Hz). */
  public static final int HISTORY = 64;

  /** A payload budget that fits a 1,200-byte UDP datagram with all headers. */
  public static final int DEFAULT_BUDGET_BYTES = 1_000;

  private final SnapshotState[] sent = new SnapshotState[HISTORY];
  private final int[] sentIds = new int[HISTORY];
  // Sorted ids of the last visible set and, per id, the snapshot since which it is up to date.
  private long[] trackedIds = new long[0];
  private int[] trackedSince = new int[0];
  private int nextId = 1;
  private int ackedId;
  // Scratch space reused by every encode (one encoder per client, one encode at a time).
  private final BitWriter bits = new BitWriter();
  private int[] none = new int[0];
  private long[] noTail = new long[0];
  private int[] baselineIndex = new int[0];
  private int[] removedIndexes = new int[0];
  private int[] candidates = new int[0];
  private double[] scores = new double[0];
  private long[] costs = new long[0];
  private int[] order = new int[0];
  private int[] orderScratch = new int[0];

  /** The client decoded snapshot {@code snapshotId}; later snapshots may use it as baseline. */
  public void acknowledge(int snapshotId) {
    if (snapshotId > ackedId && snapshotId < nextId) {
      ackedId = snapshotId;
    }
  }

  /** The id the next snapshot will carry. */
  public int nextSnapshotId() {
    return nextId;
  }

  /**
   * Encodes the visible entities for this client.
   *
   * @param viewer the client's own position (priority is by distance from it)
   * @param visible every entity in the client's area of interest, ids unique
   * @param serverTick the simulation tick of this state
   * @param budgetBytes maximum payload size in bytes (at least 16)
   */
  public Snapshot encode(
      EntityState viewer, Collection<EntityState> visible, long serverTick, int budgetBytes) {
    EntityState[] states = visible.toArray(new EntityState[0]);
    return encode(viewer, states, states.length, serverTick, budgetBytes);
  }

  /**
   * Encodes the first {@code count} entities of {@code visible} (any order, ids unique; the array
   * is not changed). The states may be shared with other clients' encoders (they are immutable and
   * kept, not copied, as this client's baselines): a cell quantises each entity once per tick and
   * every observer's snapshot is assembled from those same instances. The bytes are those of the
   * layout in {@link DeltaCodec}, whatever the sharing.
   */
  public Snapshot encode(
      EntityState viewer, EntityState[] visible, int count, long serverTick, int budgetBytes) {
    if (budgetBytes < 16) {
      throw new IllegalArgumentException("budgetBytes must be at least 16, was " + budgetBytes);
    }
    int id = nextId;
    int baselineId = 0;
    SnapshotState baseline = SnapshotState.EMPTY;
    int slot = ackedId % HISTORY;
    if (ackedId != 0 && sentIds[slot] == ackedId) {
      baselineId = ackedId;
      baseline = sent[slot];
    }
    EntityState[] current = Arrays.copyOf(visible, count);
    sortById(current);
    int n = current.length;
    ensureScratch(Math.max(n, baseline.size()));
    int[] inBaseline = baselineIndex;
    int removedCount = matchBaseline(baseline, current, inBaseline, removedIndexes);
    int[] since = carryOverSince(current, id);

    long gapBits = BitWriter.gammaBits(baseline.size());
    int changed = 0;
    long changedBits = 0;
    for (int i = 0; i < n; i++) {
      EntityState e = current[i];
      EntityState old = inBaseline[i] >= 0 ? baseline.get(inBaseline[i]) : null;
      if (EntityState.same(e, old)) {
        since[i] = id;
        continue;
      }
      int age = id - since[i] + 1;
      candidates[changed] = i;
      scores[changed] = Math.sqrt(viewer.distanceSquaredCm(e)) / age;
      costs[changed] = DeltaCodec.updateBits(old, e) + gapBits;
      changedBits += costs[changed];
      changed++;
    }
    long used = BitWriter.gammaBits(removedCount) + removedCount * gapBits;
    used += BitWriter.gammaBits(changed);
    long limit = budgetBytes * 8L;
    boolean[] take = new boolean[n];
    if (used + changedBits <= limit) {
      // Everything fits: the priority order cannot change what goes in.
      for (int c = 0; c < changed; c++) {
        take[candidates[c]] = true;
        since[candidates[c]] = id;
      }
    } else {
      sortByScore(changed);
      for (int c = 0; c < changed; c++) {
        int k = order[c];
        if (used + costs[k] <= limit) {
          used += costs[k];
          take[candidates[k]] = true;
          since[candidates[k]] = id;
        }
      }
    }
    long[] ids = new long[n];
    EntityState[] result = new EntityState[n];
    int kept = 0;
    for (int i = 0; i < n; i++) {
      ids[i] = current[i].entityId();
      if (take[i]
          || (inBaseline[i] >= 0 && EntityState.same(current[i], baseline.get(inBaseline[i])))) {
        result[kept++] = current[i];
      } else if (inBaseline[i] >= 0) {
        result[kept++] = baseline.get(inBaseline[i]);
      }
    }
    trackedIds = ids;
    trackedSince = since;
    bits.reset();
    if (none.length < n) {
      none = new int[Math.max(n, 2 * none.length)];
      Arrays.fill(none, DeltaPieces.NONE);
      noTail = new long[none.length];
    }
    DeltaCodec.write(
        bits, baseline, removedIndexes, removedCount, current, n, inBaseline, take, none, noTail);
    byte[] payload = bits.toByteArray();
    sent[id % HISTORY] =
        SnapshotState.ofSortedUnique(kept == n ? result : Arrays.copyOf(result, kept));
    sentIds[id % HISTORY] = id;
    nextId++;
    return Snapshot.newBuilder()
        .setSnapshotId(id)
        .setBaselineId(baselineId)
        .setServerTick(serverTick)
        .setPayload(UnsafeByteOperations.unsafeWrap(payload))
        .build();
  }

  /** The state the client holds after snapshot {@code snapshotId}, or null if not kept. */
  public SnapshotState sentState(int snapshotId) {
    int slot = snapshotId % HISTORY;
    return snapshotId > 0 && sentIds[slot] == snapshotId ? sent[slot] : null;
  }

  /**
   * For each current entity its index in the baseline (or -1) into {@code inBaseline}; the
   * ascending baseline indexes of entities no longer visible into {@code removed}; returns their
   * count. Both arrays are sorted by id, so one merge pass does it.
   */
  private static int matchBaseline(
      SnapshotState baseline, EntityState[] current, int[] inBaseline, int[] removed) {
    int removedCount = 0;
    int j = 0;
    int m = baseline.size();
    for (int i = 0; i < current.length; i++) {
      long entityId = current[i].entityId();
      while (j < m && baseline.get(j).entityId() < entityId) {
        removed[removedCount++] = j++;
      }
      if (j < m && baseline.get(j).entityId() == entityId) {
        inBaseline[i] = j++;
      } else {
        inBaseline[i] = -1;
      }
    }
    while (j < m) {
      removed[removedCount++] = j++;
    }
    return removedCount;
  }

  private void ensureScratch(int n) {
    if (baselineIndex.length < n) {
      int size = Math.max(n, baselineIndex.length * 2);
      baselineIndex = new int[size];
      removedIndexes = new int[size];
      candidates = new int[size];
      scores = new double[size];
      costs = new long[size];
      order = new int[size];
      orderScratch = new int[size];
    }
  }

  /**
   * Candidate positions 0..count-1 into {@link #order}, by ascending score, ties in id order (a
   * stable merge sort, as the list sort this replaced), so the same changes fit the budget.
   */
  private void sortByScore(int count) {
    for (int c = 0; c < count; c++) {
      order[c] = c;
    }
    int[] a = order;
    int[] b = orderScratch;
    for (int width = 1; width < count; width *= 2) {
      for (int lo = 0; lo < count; lo += 2 * width) {
        int mid = Math.min(lo + width, count);
        int hi = Math.min(lo + 2 * width, count);
        int i = lo;
        int j = mid;
        int k = lo;
        while (i < mid && j < hi) {
          b[k++] = Double.compare(scores[a[j]], scores[a[i]]) < 0 ? a[j++] : a[i++];
        }
        while (i < mid) {
          b[k++] = a[i++];
        }
        while (j < hi) {
          b[k++] = a[j++];
        }
      }
      int[] t = a;
      a = b;
      b = t;
    }
    if (a != order) {
      System.arraycopy(a, 0, order, 0, count);
    }
  }

  /** For each current entity, the snapshot id since which the client has it up to date. */
  private int[] carryOverSince(EntityState[] current, int id) {
    int[] since = new int[current.length];
    int j = 0;
    for (int i = 0; i < since.length; i++) {
      long entityId = current[i].entityId();
      while (j < trackedIds.length && trackedIds[j] < entityId) {
        j++;
      }
      since[i] = j < trackedIds.length && trackedIds[j] == entityId ? trackedSince[j] : id;
    }
    return since;
  }

  private static void sortById(EntityState[] states) {
    if (states.length <= 64) {
      for (int i = 1; i < states.length; i++) {
        EntityState e = states[i];
        long id = e.entityId();
        int j = i - 1;
        while (j >= 0 && states[j].entityId() > id) {
          states[j + 1] = states[j];
          j--;
        }
        states[j + 1] = e;
      }
    } else {
      Arrays.sort(states, java.util.Comparator.comparingLong(EntityState::entityId));
    }
  }
}
