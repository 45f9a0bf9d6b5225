package org.bluemarble.zone;

import com.google.common.geometry.S2CellId;
import org.apache.pekko.actor.typed.ActorRef;
import org.bluemarble.spatial.GeoPosition;

/**
 * Where a {@link ZoneCell} sends messages to other entities: neighbour cells (handoffs, ghosts,
 * forwarded inputs) and Player entities (position checkpoints). {@link ShardedOutbox} is the real
 * one; tests of a single cell may record instead.
 */
public interface CellOutbox {

  /** Tells the zone cell {@code cell} a command (fire and forget). */
  void toCell(S2CellId cell, ZoneCell.Command command);

  /** Checkpoints a player's position to its Player entity; the reply is ignored. */
  void checkpoint(String playerId, GeoPosition position);

  /**
   * Whether a message to {@code cell} stays on this node (its shard is hosted here); counted per
   * cell as same-node or cross-node traffic. Without a cluster everything is on one node.
   */
  default boolean sameNode(S2CellId cell) {
    return true;
  }

  /**
   * Cell {@code cell} runs on this node now (as {@code self}): its node lists it among the live
   * cells until it stops. Without a cluster nobody lists cells.
   */
  default void live(S2CellId cell, ActorRef<ZoneCell.Command> self) {}

  /**
   * Experience earned by {@code playerId} in this cell (a kill), told to its {@code Player} entity;
   * {@code grantId} lets the entity ignore a repeat. Fire and forget.
   */
  default void grantExperience(String playerId, long amount, String source, String grantId) {}

  /**
   * Posts loot leg {@code leg} to the holdings of {@code playerId}; the stage completes with the
   * holdings' answer (the holdings apply a key once, so a re-post is safe). Without a cluster the
   * stage completes with null: not answered, the cell posts it again later.
   */
  default java.util.concurrent.CompletionStage<org.bluemarble.market.holdings.LegReply> postLoot(
      String playerId, org.bluemarble.market.holdings.Leg leg) {
    return java.util.concurrent.CompletableFuture.completedFuture(null);
  }

  /**
   * Whether the players of a cell that stops can be re-entered into its next incarnation. False
   * once this node shuts down with no other member up to host that incarnation: the re-entry would
   * wait in this node's stopping shard region, which then waits out its whole shutdown phase.
   * Without a cluster the next incarnation starts here.
   */
  default boolean nextIncarnationReachable() {
    return true;
  }
}
