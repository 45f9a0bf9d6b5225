package org.bluemarble.zone;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;

/**
 * The zone-cell shards hosted on this node, as far as the node knows: a shard is added when one of
 * its cells starts here and the whole set is replaced from the shard region's state every few
 * seconds (so a shard that moved away drops out). Read by every cell of the node on each message to
 * a neighbour, hence lock-free. A shard not known here counts as remote, unless the cluster has a
 * single member (then everything is local).
 */
final class LocalShards {
  private final CellPlacement placement;
  private final IntSupplier members;
  private volatile Set<String> shards = ConcurrentHashMap.newKeySet();

  /** Shards of {@code placement}; {@code members} counts the cluster's current members. */
  LocalShards(CellPlacement placement, IntSupplier members) {
    this.placement = placement;
    this.members = members;
  }

  /** Cell {@code cellId} (S2 token) started on this node, so its shard is hosted here. */
  void started(String cellId) {
    shards.add(placement.shardOf(cellId));
  }

  /** Replaces the hosted shards with what the shard region reported. */
  void replace(Set<String> hosted) {
    Set<String> next = ConcurrentHashMap.newKeySet();
    next.addAll(hosted);
    shards = next;
  }

  /** Whether the cell with entity id {@code cellId} lives on this node. */
  boolean hosts(String cellId) {
    return shards.contains(placement.shardOf(cellId)) || members.getAsInt() <= 1;
  }
}
