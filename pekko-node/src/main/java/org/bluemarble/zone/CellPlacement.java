package org.bluemarble.zone;

import com.google.common.geometry.S2CellId;
import org.apache.pekko.cluster.sharding.ShardCoordinator.ShardAllocationStrategy;
import org.apache.pekko.cluster.sharding.typed.ShardingEnvelope;
import org.apache.pekko.cluster.sharding.typed.ShardingMessageExtractor;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;

/**
 * Which shard a zone cell belongs to, and so which node hosts it. {@link #byParent} groups a cell
 * with its neighbours under their common S2 parent at a coarse level, so most ghosts and handoffs
 * stay inside one JVM; {@link #hashed} spreads cells by a hash of their id (Pekko's default), kept
 * for comparison. All nodes of a cluster must use the same placement.
 */
public final class CellPlacement {
  /** Shards of the hashed placement (Pekko's default number-of-shards). */
  public static final int HASHED_SHARDS = 1000;

  /**
   * Default shard level: on Earth a level-10 cell is a ~9 km block of 64 level-13 zone cells, which
   * keeps ~90% of cell-to-cell messages on one node without putting a whole town on one node; see
   * {@code bluemarble.zone.shard-level} for the measured trade-off.
   */
  public static final int DEFAULT_LEVEL = 10;

  private final int parentLevel;
  private final ShardAllocationStrategy allocation;

  private CellPlacement(int parentLevel, ShardAllocationStrategy allocation) {
    this.parentLevel = parentLevel;
    this.allocation = allocation;
  }

  /**
   * Shard = the S2 parent of the cell at {@code level}, 0..30 (a level at or finer than the zone
   * level makes every cell its own shard, placed by the allocation strategy).
   */
  public static CellPlacement byParent(int level) {
    if (level < 0 || level > S2CellId.MAX_LEVEL) {
      throw new InvalidZoneSettingsException("shardLevel", level, "must be within [0, 30]");
    }
    return new CellPlacement(level, null);
  }

  /** {@link #DEFAULT_LEVEL}, or the zone level itself on a planet whose zone level is coarser. */
  public static CellPlacement byDefault(int zoneLevel) {
    return byParent(Math.min(DEFAULT_LEVEL, zoneLevel));
  }

  /** Shard = hash of the cell id modulo {@link #HASHED_SHARDS}. */
  public static CellPlacement hashed() {
    return new CellPlacement(-1, null);
  }

  /** The shard id of cell {@code cell}. */
  public String shardOf(S2CellId cell) {
    if (parentLevel < 0) {
      return Integer.toString(Math.floorMod(CellIds.entityId(cell).hashCode(), HASHED_SHARDS));
    }
    return cell.level() <= parentLevel ? cell.toToken() : cell.parent(parentLevel).toToken();
  }

  /** The shard id of the cell with entity id (S2 token) {@code entityId}. */
  public String shardOf(String entityId) {
    S2CellId cell = S2CellId.fromToken(entityId);
    // Cells reject an invalid id on creation; its shard only has to be stable.
    return cell.isValid() ? shardOf(cell) : "invalid";
  }

  /**
   * A copy whose shards are allocated to nodes by {@code strategy} instead of Pekko's default
   * (least shards); tests use it to put neighbouring cells on chosen nodes.
   */
  public CellPlacement withAllocation(ShardAllocationStrategy strategy) {
    return new CellPlacement(parentLevel, strategy);
  }

  /** {@code entity} with this placement's extractor and, if set, allocation strategy. */
  public <E> Entity<ZoneCell.Command, ShardingEnvelope<ZoneCell.Command>> applyTo(
      Entity<ZoneCell.Command, E> entity) {
    Entity<ZoneCell.Command, ShardingEnvelope<ZoneCell.Command>> placed =
        entity.withMessageExtractor(extractor());
    return allocation == null ? placed : placed.withAllocationStrategy(allocation);
  }

  /** The extractor Cluster Sharding uses for {@link ZoneCell} with this placement. */
  public ShardingMessageExtractor<ShardingEnvelope<ZoneCell.Command>, ZoneCell.Command>
      extractor() {
    return new ShardingMessageExtractor<>() {
      @Override
      public String entityId(ShardingEnvelope<ZoneCell.Command> envelope) {
        return envelope.entityId();
      }

      @Override
      public String shardId(String entityId) {
        return shardOf(entityId);
      }

      @Override
      public ZoneCell.Command unwrapMessage(ShardingEnvelope<ZoneCell.Command> envelope) {
        return envelope.message();
      }
    };
  }

  @Override
  public String toString() {
    return parentLevel < 0 ? "hashed" : "S2 parent at level " + parentLevel;
  }
}
