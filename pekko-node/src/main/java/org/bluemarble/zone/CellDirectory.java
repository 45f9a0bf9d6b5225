package org.bluemarble.zone;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.apache.pekko.actor.typed.receptionist.ServiceKey;
import org.apache.pekko.cluster.sharding.ShardRegion;
import org.apache.pekko.cluster.sharding.typed.GetShardRegionState;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.bluemarble.node.CborSerializable;

/**
 * One per node: answers which {@link ZoneCell}s run on this node, read from the local shard region.
 * Registered with the receptionist under {@link #SERVICE_KEY} so that an admin query can ask every
 * node and merge the answers into the list of active cells of the whole cluster.
 */
public final class CellDirectory {
  /** The key every node's directory is registered under. */
  public static final ServiceKey<Command> SERVICE_KEY =
      ServiceKey.create(Command.class, "zone-cell-directory");

  private static final Duration LOCAL_TIMEOUT = Duration.ofSeconds(3);

  private CellDirectory() {}

  /** What a directory accepts. */
  public interface Command {}

  /** Asks for the zone cells running on this node. */
  public record ListCells(ActorRef<LocalCells> replyTo) implements Command, CborSerializable {}

  /** The cells (S2 tokens) running on node {@code node} (its address). */
  public record LocalCells(String node, List<String> cellIds) implements CborSerializable {}

  private record RegionState(
      ShardRegion.CurrentShardRegionState state, ActorRef<LocalCells> replyTo) implements Command {}

  /** The directory of the node it is spawned on. */
  public static Behavior<Command> create() {
    return Behaviors.setup(
        ctx -> {
          ctx.getSystem().receptionist().tell(Receptionist.register(SERVICE_KEY, ctx.getSelf()));
          String node = ctx.getSystem().address().toString();
          return Behaviors.receive(Command.class)
              .onMessage(
                  ListCells.class,
                  list -> {
                    ctx.ask(
                        ShardRegion.CurrentShardRegionState.class,
                        ClusterSharding.get(ctx.getSystem()).shardState(),
                        LOCAL_TIMEOUT,
                        ref -> new GetShardRegionState(ZoneCell.ENTITY_KEY, ref),
                        (state, failure) -> new RegionState(state, list.replyTo()));
                    return Behaviors.same();
                  })
              .onMessage(
                  RegionState.class,
                  r -> {
                    List<String> ids = new ArrayList<>();
                    if (r.state() != null) {
                      r.state().getShards().forEach(s -> ids.addAll(s.getEntityIds()));
                    }
                    r.replyTo().tell(new LocalCells(node, ids));
                    return Behaviors.same();
                  })
              .build();
        });
  }
}
