package org.bluemarble.protocol.snapshot;

import com.google.protobuf.ByteString;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

  private final SnapshotState[] sent = new SnapshotState[HISTORY];
  private final int[] sentIds = new int[HISTORY];
  private final Map<Long, Integer> upToDateSince = new HashMap<>();
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
    Set<Long> visibleIds = new HashSet<>();
    for (EntityState e : visible) {
      if (!visibleIds.add(e.entityId())) {
        throw new IllegalArgumentException("duplicate entity id " + e.entityId() + " in visible");
      }
    }
    long[] removed = removals(baseline, visibleIds);
    upToDateSince.keySet().retainAll(visibleIds);

    List<Candidate> candidates = new ArrayList<>();
    for (EntityState e : visible) {
      EntityState old = baseline.find(e.entityId());
      if (e.equals(old)) {
        upToDateSince.put(e.entityId(), id);
        continue;
      }
      int age = id - upToDateSince.computeIfAbsent(e.entityId(), k -> id) + 1;
      double score = Math.sqrt(viewer.distanceSquaredCm(e)) / age;
      candidates.add(new Candidate(e, DeltaCodec.updateBits(old, e), score));
    }
    candidates.sort(Comparator.comparingDouble(Candidate::score));

    long gapBits = BitWriter.gammaBits(baseline.size());
    long used = BitWriter.gammaBits(removed.length) + removed.length * gapBits;
    used += BitWriter.gammaBits(candidates.size());
    long limit = budgetBytes * 8L;
    List<EntityState> included = new ArrayList<>();
    for (Candidate c : candidates) {
      long cost = c.bits() + gapBits;
      if (used + cost <= limit) {
        used += cost;
        included.add(c.state());
        upToDateSince.put(c.state().entityId(), id);
      }
    }
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

  private static long[] removals(SnapshotState baseline, Set<Long> visibleIds) {
    long[] removed = new long[baseline.size()];
    int n = 0;
    for (int i = 0; i < baseline.size(); i++) {
      long entityId = baseline.get(i).entityId();
      if (!visibleIds.contains(entityId)) {
        removed[n++] = entityId;
      }
    }
    return Arrays.copyOf(removed, n);
  }

  private record Candidate(EntityState state, int bits, double score) {}
}
