package org.bluemarble.zone;

import com.google.common.geometry.S2CellId;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.typed.Cluster;
import org.bluemarble.player.Player;
import org.bluemarble.spatial.GeoPosition;

/**
 * The {@link CellOutbox} of a cluster node: cells and players are reached through Cluster Sharding,
 * so a neighbour may live on any node; whether it lives on this one comes from the node's {@link
 * LocalShards}, and started cells register with the node's {@link CellDirectory}. Checkpoint
 * replies go to the ignore ref.
 */
final class ShardedOutbox implements CellOutbox {
  private final ClusterSharding sharding;
  private final ActorRef<Player.Reply> ignore;
  private final LocalShards shards;
  private final ActorRef<CellDirectory.Command> directory;
  private final ActorSystem<?> system;

  /** The outbox of {@code system}; both entity types must be initialised there. */
  ShardedOutbox(
      ActorSystem<?> system, LocalShards shards, ActorRef<CellDirectory.Command> directory) {
    this.sharding = ClusterSharding.get(system);
    this.ignore = system.ignoreRef();
    this.shards = shards;
    this.directory = directory;
    this.system = system;
  }

  @Override
  public void toCell(S2CellId cell, ZoneCell.Command command) {
    sharding.entityRefFor(ZoneCell.ENTITY_KEY, CellIds.entityId(cell)).tell(command);
  }

  @Override
  public void checkpoint(String playerId, GeoPosition p) {
    sharding
        .entityRefFor(Player.ENTITY_KEY, playerId)
        .tell(
            new Player.CheckpointPosition(
                p.latitudeDeg(), p.longitudeDeg(), p.altitudeMeters(), ignore));
  }

  @Override
  public void grantExperience(String playerId, long amount, String source, String grantId) {
    sharding
        .entityRefFor(Player.ENTITY_KEY, playerId)
        .tell(new Player.GainExperience(amount, source, grantId, ignore));
  }

  @Override
  public java.util.concurrent.CompletionStage<org.bluemarble.market.holdings.LegReply> postLoot(
      String playerId, org.bluemarble.market.holdings.Leg leg) {
    return sharding
        .entityRefFor(org.bluemarble.market.holdings.Holdings.ENTITY_KEY, playerId)
        .ask(
            r -> new org.bluemarble.market.holdings.Holdings.Post(leg, r),
            java.time.Duration.ofSeconds(5));
  }

  @Override
  public boolean sameNode(S2CellId cell) {
    return shards.hosts(CellIds.entityId(cell));
  }

  @Override
  public void live(S2CellId cell, ActorRef<ZoneCell.Command> self) {
    directory.tell(new CellDirectory.CellStarted(CellIds.entityId(cell), self));
  }

  @Override
  public boolean nextIncarnationReachable() {
    return CoordinatedShutdown.get(system).getShutdownReason().isEmpty()
        || ClusterMembers.anotherUp(Cluster.get(system).state(), system.address());
  }
}
