package org.bluemarble.protocol.snapshot;

import com.google.protobuf.UnsafeByteOperations;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import org.bluemarble.protocol.v1.Snapshot;

/**
 * Builds the snapshots for one client: delta-encodes against the newest snapshot the client
 * acknowledged, and under a byte budget sends the most important changes first. Used the same way
 * by the WebSocket and the UDP edge; one instance per client, not thread-safe.
 *
 * <p>Priority: removals always go; then changed or new entities by {@code distance / (1 + age)},
 * where age counts the snapshots since the entity was last brought up to date, so nearby entities
 * are fresh every snapshot and far ones are deferred but never starved. The state the client will
 * hold after each snapshot is kept for {@link #HISTORY} snapshots as a possible baseline.
 */
public final class SnapshotEncoder {

  /** How many sent snapshots are kept as baselines (3.2 s at 20 Hz). */
  public static final int HISTORY = 64;

  /** A payload budget that fits a 1,200-byte UDP datagram with all headers. */
  public static final int DEFAULT_BUDGET_BYTES = 1_000;

  private static final Comparator<EntityState> BY_ID =
      Comparator.comparingLong(EntityState::entityId);

  private final SnapshotState[] sent = new SnapshotState[HISTORY];
  private final int[] sentIds = new int[HISTORY];
  // Sorted ids of the last visible set and, per id, the snapshot since which it is up to date
  // (the first trackedCount entries); swapped with the next* arrays after each encode.
  private long[] trackedIds = new long[0];
  private int[] trackedSince = new int[0];
  private int trackedCount;
  private int nextId = 1;
  private int ackedId;
  // Scratch space reused by every encode (one encoder per client, one encode at a time).
  private final BitWriter bits = new BitWriter();
  private int[] permutation = new int[0];
  private int[] permScratch = new int[0];
  private long[] idScratch = new long[0];
  private long[] nextIds = new long[0];
  private int[] nextSince = new int[0];
  private boolean[] take = new boolean[0];
  private int[] pieceMeta = new int[0];
  private long[] pieceTail = new long[0];
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
   * every observer's snapshot is assembled from those same instances. An entity's update against a
   * baseline state is computed once per pair of instances and thread (a {@link DeltaPieces} piece)
   * and copied into every snapshot that needs it; this client's own part (which entities, their
   * order, baseline index gaps, width flags) is written around it. The bytes are those of the
   * layout in {@link DeltaCodec}, whatever the sharing. No reference is stored into a long-lived
   * scratch array (the sort moves primitives), as each such store pays the collector's write
   * barrier.
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
    int n = count;
    ensureScratch(Math.max(n, baseline.size()));
    long[] ids = nextIds;
    int[] byId = sortById(visible, n, ids, permutation);
    // A fresh array (young, like the states): the sort moved only primitives, and reference
    // stores into a long-lived scratch array would each pay the collector's write barrier.
    EntityState[] current = new EntityState[n];
    for (int i = 0; i < n; i++) {
      current[i] = visible[byId[i]];
    }
    int[] inBaseline = baselineIndex;
    int removedCount = matchBaseline(baseline, current, n, inBaseline, removedIndexes);
    int[] since = carryOverSince(ids, n, id);

    // An in-baseline change costs one shared piece (see DeltaPieces), looked up once here.
    DeltaPieces pieces = DeltaPieces.local();
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
      long cost;
      if (old == null) {
        cost = DeltaCodec.updateBits(null, e);
        pieceMeta[i] = DeltaPieces.NONE;
      } else {
        int p = pieces.slot(old, e);
        int meta = pieces.meta(p);
        pieceMeta[i] = meta;
        if (meta == DeltaPieces.NONE) {
          cost = DeltaCodec.updateBits(old, e);
        } else {
          pieceTail[i] = pieces.tail(p);
          cost = DeltaPieces.updateBits(meta);
        }
      }
      candidates[changed] = i;
      costs[changed] = cost + gapBits;
      changedBits += costs[changed];
      changed++;
    }
    long used = BitWriter.gammaBits(removedCount) + removedCount * gapBits;
    used += BitWriter.gammaBits(changed);
    long limit = budgetBytes * 8L;
    boolean[] take = this.take;
    Arrays.fill(take, 0, n, false);
    if (used + changedBits <= limit) {
      // Everything fits: the priority order cannot change what goes in.
      for (int c = 0; c < changed; c++) {
        take[candidates[c]] = true;
        since[candidates[c]] = id;
      }
    } else {
      // Over budget: nearest and longest-stale first (scores only needed here).
      for (int c = 0; c < changed; c++) {
        int i = candidates[c];
        int age = id - since[i] + 1;
        scores[c] = Math.sqrt(viewer.distanceSquaredCm(current[i])) / age;
      }
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
    EntityState[] result = new EntityState[n];
    int kept = 0;
    for (int i = 0; i < n; i++) {
      if (take[i]
          || (inBaseline[i] >= 0 && EntityState.same(current[i], baseline.get(inBaseline[i])))) {
        result[kept++] = current[i];
      } else if (inBaseline[i] >= 0) {
        result[kept++] = baseline.get(inBaseline[i]);
      }
    }
    bits.reset();
    DeltaCodec.write(
        bits,
        baseline,
        removedIndexes,
        removedCount,
        current,
        n,
        inBaseline,
        take,
        pieceMeta,
        pieceTail);
    byte[] payload = bits.toByteArray();
    // This snapshot's ids and freshness become the tracked ones; the old arrays are next scratch.
    nextIds = trackedIds;
    nextSince = trackedSince;
    trackedIds = ids;
    trackedSince = since;
    trackedCount = n;
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
      SnapshotState baseline, EntityState[] current, int n, int[] inBaseline, int[] removed) {
    int removedCount = 0;
    int j = 0;
    int m = baseline.size();
    for (int i = 0; i < n; i++) {
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
      permutation = new int[size];
      permScratch = new int[size];
      idScratch = new long[size];
      take = new boolean[size];
      pieceMeta = new int[size];
      pieceTail = new long[size];
    }
    if (nextIds.length < n) {
      int size = Math.max(n, nextIds.length * 2);
      nextIds = new long[size];
      nextSince = new int[size];
    }
  }

  /**
   * The positions of {@code states[0..n)} in entity id order into {@code perm} (returned), their
   * ids into {@code ids}; rejects duplicate ids. Input already in strictly ascending id order (as a
   * cell sends it) costs one pass; otherwise an insertion sort of primitives (no dereference per
   * comparison, no reference store) for the small sets of an area of interest, a merge sort above
   * that.
   */
  private int[] sortById(EntityState[] states, int n, long[] ids, int[] perm) {
    // The world sends each observer's entities in id order: one pass, no moves.
    int sorted = 0;
    long last = Long.MIN_VALUE;
    while (sorted < n) {
      long id = states[sorted].entityId();
      if (sorted > 0 && id <= last) {
        break;
      }
      ids[sorted] = id;
      perm[sorted] = sorted;
      last = id;
      sorted++;
    }
    if (sorted == n) {
      return perm;
    }
    long[] scratch = idScratch;
    if (n <= 64) {
      for (int i = 0; i < n; i++) {
        long id = states[i].entityId();
        int j = i - 1;
        while (j >= 0 && ids[j] > id) {
          ids[j + 1] = ids[j];
          perm[j + 1] = perm[j];
          j--;
        }
        ids[j + 1] = id;
        perm[j + 1] = i;
      }
    } else {
      // A stable bottom-up merge sort of the positions by id; ids[] holds the keys by position.
      for (int i = 0; i < n; i++) {
        perm[i] = i;
        scratch[i] = states[i].entityId();
      }
      int[] a = perm;
      int[] b = permScratch;
      for (int width = 1; width < n; width *= 2) {
        for (int lo = 0; lo < n; lo += 2 * width) {
          int mid = Math.min(lo + width, n);
          int hi = Math.min(lo + 2 * width, n);
          int i = lo;
          int j = mid;
          int k = lo;
          while (i < mid && j < hi) {
            b[k++] = scratch[a[j]] < scratch[a[i]] ? a[j++] : a[i++];
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
      if (a != perm) {
        System.arraycopy(a, 0, perm, 0, n);
      }
      for (int i = 0; i < n; i++) {
        ids[i] = scratch[perm[i]];
      }
    }
    for (int i = 1; i < n; i++) {
      if (ids[i] == ids[i - 1]) {
        throw new IllegalArgumentException("duplicate entity id " + ids[i]);
      }
    }
    return perm;
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

  /**
   * For each current entity (ids sorted), the snapshot id since which the client has it up to date,
   * into the scratch {@code nextSince}.
   */
  private int[] carryOverSince(long[] ids, int n, int id) {
    int[] since = nextSince;
    int j = 0;
    for (int i = 0; i < n; i++) {
      long entityId = ids[i];
      while (j < trackedCount && trackedIds[j] < entityId) {
        j++;
      }
      since[i] = j < trackedCount && trackedIds[j] == entityId ? trackedSince[j] : id;
    }
    return since;
  }
}
