package org.bluemarble.protocol.snapshot;

import com.google.protobuf.ByteString;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.bluemarble.protocol.v1.Snapshot;

/**
 * The snapshot encoder as it was before the shared-piece encoder (kept as the reference the
 * property test compares {@link SnapshotEncoder} with, byte for byte, and as the "before" of {@link
 * CrowdSnapshotBenchmark}). Builds the snapshots for one client: delta-encodes against the newest
 * snapshot the client acknowledged, and under a byte budget sends the most important changes first.
 * Used the same way by the WebSocket and the UDP edge; one instance per client, not thread-safe.
 *
 * <p>Priority: removals always go; then changed or new entities by {@code distance / (1 + age)},
 * where age counts the snapshots since the entity was last brought up to date, so nearby entities
 * are fresh every snapshot and far ones are deferred but never starved. The state the client will
 * hold after each snapshot is kept for {@link #HISTORY} snapshots as a possible baseline.
 */
final class ReferenceSnapshotEncoder {

  /** How many sent snapshots are kept as baselines (3.2 s at 20 Hz). */
  static final int HISTORY = 64;

  /** A payload budget that fits a 1,200-byte UDP datagram with all headers. */
  static final int DEFAULT_BUDGET_BYTES = 1_000;

  private final SnapshotState[] sent = new SnapshotState[HISTORY];
  private final int[] sentIds = new int[HISTORY];
  // Sorted ids of the last visible set and, per id, the snapshot since which it is up to date.
  private long[] trackedIds = new long[0];
  private int[] trackedSince = new int[0];
  private int nextId = 1;
  private int ackedId;

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
    SnapshotState current = SnapshotState.of(visible);
    int n = current.size();
    long[] removed = removals(baseline, current);
    int[] since = carryOverSince(current, id);

    List<Candidate> candidates = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      EntityState e = current.get(i);
      EntityState old = baseline.find(e.entityId());
      if (e.equals(old)) {
        since[i] = id;
        continue;
      }
      int age = id - since[i] + 1;
      double score = Math.sqrt(viewer.distanceSquaredCm(e)) / age;
      candidates.add(new Candidate(i, DeltaCodec.updateBits(old, e), score));
    }
    candidates.sort(Comparator.comparingDouble(Candidate::score));

    long gapBits = BitWriter.gammaBits(baseline.size());
    long used = BitWriter.gammaBits(removed.length) + removed.length * gapBits;
    used += BitWriter.gammaBits(candidates.size());
    long limit = budgetBytes * 8L;
    boolean[] take = new boolean[n];
    for (Candidate c : candidates) {
      long cost = c.bits() + gapBits;
      if (used + cost <= limit) {
        used += cost;
        take[c.index()] = true;
        since[c.index()] = id;
      }
    }
    List<EntityState> included = new ArrayList<>();
    trackedIds = new long[n];
    for (int i = 0; i < n; i++) {
      trackedIds[i] = current.get(i).entityId();
      if (take[i]) {
        included.add(current.get(i));
      }
    }
    trackedSince = since;
    byte[] payload = DeltaCodec.write(baseline, removed, included);
    SnapshotState result = baseline.apply(removed, included);
    sent[id % HISTORY] = result;
    sentIds[id % HISTORY] = id;
    nextId++;
    return Snapshot.newBuilder()
        .setSnapshotId(id)
        .setBaselineId(baselineId)
        .setServerTick(serverTick)
        .setPayload(ByteString.copyFrom(payload))
        .build();
  }

  /** The state the client holds after snapshot {@code snapshotId}, or null if not kept. */
  public SnapshotState sentState(int snapshotId) {
    int slot = snapshotId % HISTORY;
    return snapshotId > 0 && sentIds[slot] == snapshotId ? sent[slot] : null;
  }

  private static long[] removals(SnapshotState baseline, SnapshotState current) {
    long[] removed = new long[baseline.size()];
    int n = 0;
    int j = 0;
    for (int i = 0; i < baseline.size(); i++) {
      long entityId = baseline.get(i).entityId();
      while (j < current.size() && current.get(j).entityId() < entityId) {
        j++;
      }
      if (j == current.size() || current.get(j).entityId() != entityId) {
        removed[n++] = entityId;
      }
    }
    return Arrays.copyOf(removed, n);
  }

  /** For each current entity, the snapshot id since which the client has it up to date. */
  private int[] carryOverSince(SnapshotState current, int id) {
    int[] since = new int[current.size()];
    int j = 0;
    for (int i = 0; i < since.length; i++) {
      long entityId = current.get(i).entityId();
      while (j < trackedIds.length && trackedIds[j] < entityId) {
        j++;
      }
      since[i] = j < trackedIds.length && trackedIds[j] == entityId ? trackedSince[j] : id;
    }
    return since;
  }

  private record Candidate(int index, int bits, double score) {}
}
