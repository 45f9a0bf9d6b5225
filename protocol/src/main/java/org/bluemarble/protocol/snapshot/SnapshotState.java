package org.bluemarble.protocol.snapshot;

import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * An immutable set of entity states ordered by entity id: what one client knows of the world at one
 * snapshot. Delta encoding refers to entities of a baseline by their index in this order.
 */
public final class SnapshotState {

  /** The state before any snapshot. */
  public static final SnapshotState EMPTY = new SnapshotState(new EntityState[0]);

  private final EntityState[] entities;

  private SnapshotState(EntityState[] sortedUnique) {
    this.entities = sortedUnique;
  }

  /** A state of the given entities; ids must be unique. */
  public static SnapshotState of(Collection<EntityState> entities) {
    EntityState[] sorted = entities.toArray(new EntityState[0]);
    Arrays.sort(sorted, Comparator.comparingLong(EntityState::entityId));
    for (int i = 1; i < sorted.length; i++) {
      if (sorted[i].entityId() == sorted[i - 1].entityId()) {
        throw new IllegalArgumentException("duplicate entity id " + sorted[i].entityId());
      }
    }
    return new SnapshotState(sorted);
  }

  /** A state of an array already sorted by id with unique ids (not copied: never change it). */
  static SnapshotState ofSortedUnique(EntityState[] sortedUnique) {
    return new SnapshotState(sortedUnique);
  }

  /** Number of entities. */
  public int size() {
    return entities.length;
  }

  /** The entity at {@code index} in id order. */
  public EntityState get(int index) {
    return entities[index];
  }

  /** Index of an entity id, or a negative value when absent (as {@link Arrays#binarySearch}). */
  public int indexOf(long entityId) {
    int lo = 0;
    int hi = entities.length - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      long id = entities[mid].entityId();
      if (id < entityId) {
        lo = mid + 1;
      } else if (id > entityId) {
        hi = mid - 1;
      } else {
        return mid;
      }
    }
    return -(lo + 1);
  }

  /** The entity with this id, or null. */
  public EntityState find(long entityId) {
    int i = indexOf(entityId);
    return i >= 0 ? entities[i] : null;
  }

  /** The entities in id order (a copy). */
  public List<EntityState> entities() {
    return List.of(entities);
  }

  /**
   * This state with {@code removedIds} dropped and {@code updates} put in (both any order; an id in
   * both is updated).
   */
  SnapshotState apply(long[] removedIds, List<EntityState> updates) {
    long[] removed = removedIds.clone();
    Arrays.sort(removed);
    EntityState[] sortedUpdates = updates.toArray(new EntityState[0]);
    Arrays.sort(sortedUpdates, Comparator.comparingLong(EntityState::entityId));
    EntityState[] result = new EntityState[entities.length + sortedUpdates.length];
    int n = 0;
    int u = 0;
    for (EntityState e : entities) {
      while (u < sortedUpdates.length && sortedUpdates[u].entityId() < e.entityId()) {
        n = append(result, n, sortedUpdates[u++]);
      }
      if (u < sortedUpdates.length && sortedUpdates[u].entityId() == e.entityId()) {
        n = append(result, n, sortedUpdates[u++]);
      } else if (Arrays.binarySearch(removed, e.entityId()) < 0) {
        result[n++] = e;
      }
    }
    while (u < sortedUpdates.length) {
      n = append(result, n, sortedUpdates[u++]);
    }
    return new SnapshotState(Arrays.copyOf(result, n));
  }

  private static int append(EntityState[] out, int n, EntityState e) {
    if (n > 0 && out[n - 1].entityId() == e.entityId()) {
      throw new IllegalArgumentException("duplicate entity id " + e.entityId());
    }
    out[n] = e;
    return n + 1;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SnapshotState other && Arrays.equals(entities, other.entities);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(entities);
  }

  @Override
  public String toString() {
    return "SnapshotState" + Arrays.toString(entities);
  }
}
