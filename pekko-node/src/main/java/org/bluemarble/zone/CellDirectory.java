package org.bluemarble.zone;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.apache.pekko.actor.typed.receptionist.ServiceKey;
import org.apache.pekko.cluster.sharding.ShardRegion;
import org.apache.pekko.cluster.sharding.typed.GetShardRegionState;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.bluemarble.node.CborSerializable;

/**
 * One per node, started by {@link ZoneCell#init}: the {@link ZoneCell}s live on this node. Each
 * cell registers when it starts and drops out when it stops (the directory watches it), so listing
 * asks only running cells, directly and not through sharding, and never wakes a passivated one.
 * Registered with the receptionist under {@link #SERVICE_KEY} so that an admin query can ask every
 * node and merge the answers. Also keeps the node's {@link LocalShards} current.
 */
public final class CellDirectory {
  /** The key every node's directory is registered under. */
  public static final ServiceKey<Command> SERVICE_KEY =
      ServiceKey.create(Command.class, "zone-cell-directory");

  /** How long a live cell may take to answer for its summary (missing ones are left out). */
  private static final Duration CELL_TIMEOUT = Duration.ofSeconds(3);

  /** How often the hosted shards are read from the local shard region. */
  private static final Duration REFRESH = Duration.ofSeconds(2);

  private CellDirectory() {}

  /** What a directory accepts. */
  public interface Command {}

  /** Asks for the summaries of the zone cells running on this node. */
  public record ListCells(ActorRef<LocalCells> replyTo) implements Command, CborSerializable {}

  /** The summaries of the cells running on node {@code node} (its address). */
  public record LocalCells(String node, List<ZoneCell.CellSummary> cells)
      implements CborSerializable {}

  /** Cell {@code cellId} started on this node (node-local, from the cell itself). */
  record CellStarted(String cellId, ActorRef<ZoneCell.Command> cell) implements Command {}

  private record CellStopped(String cellId, ActorRef<ZoneCell.Command> cell) implements Command {}

  private enum Refresh implements Command {
    INSTANCE
  }

  private record RegionState(ShardRegion.CurrentShardRegionState state) implements Command {}

  /** The directory of the node it is spawned on, keeping {@code shards} current. */
  static Behavior<Command> create(LocalShards shards) {
    return Behaviors.setup(
        ctx ->
            Behaviors.withTimers(
                timers -> {
                  ctx.getSystem()
                      .receptionist()
                      .tell(Receptionist.register(SERVICE_KEY, ctx.getSelf()));
                  timers.startTimerWithFixedDelay(Refresh.INSTANCE, REFRESH);
                  return running(ctx, shards, new HashMap<>());
                }));
  }

  private static Behavior<Command> running(
      ActorContext<Command> ctx, LocalShards shards, Map<String, ActorRef<ZoneCell.Command>> live) {
    String node = ctx.getSystem().address().toString();
    return Behaviors.receive(Command.class)
        .onMessage(
            CellStarted.class,
            s -> {
              live.put(s.cellId(), s.cell());
              shards.started(s.cellId());
              ctx.watchWith(s.cell(), new CellStopped(s.cellId(), s.cell()));
              return Behaviors.same();
            })
        .onMessage(
            CellStopped.class,
            s -> {
              live.remove(s.cellId(), s.cell());
              return Behaviors.same();
            })
        .onMessage(
            ListCells.class,
            list -> {
              summaries(ctx, List.copyOf(live.values()))
                  .thenAccept(cells -> list.replyTo().tell(new LocalCells(node, cells)));
              return Behaviors.same();
            })
        .onMessageEquals(
            Refresh.INSTANCE,
            () -> {
              ctx.pipeToSelf(
                  AskPattern.ask(
                      ClusterSharding.get(ctx.getSystem()).shardState(),
                      (ActorRef<ShardRegion.CurrentShardRegionState> ref) ->
                          new GetShardRegionState(ZoneCell.ENTITY_KEY, ref),
                      CELL_TIMEOUT,
                      ctx.getSystem().scheduler()),
                  (state, failure) -> new RegionState(state));
              return Behaviors.same();
            })
        .onMessage(
            RegionState.class,
            r -> {
              if (r.state() != null) {
                Set<String> hosted = new HashSet<>();
                r.state().getShards().forEach(s -> hosted.add(s.shardId()));
                shards.replace(hosted);
                // Cells that started since the region answered keep their shard.
                live.keySet().forEach(shards::started);
              }
              return Behaviors.same();
            })
        .build();
  }

  /** Asks each live cell directly; a cell that stops meanwhile is left out. */
  private static CompletableFuture<List<ZoneCell.CellSummary>> summaries(
      ActorContext<Command> ctx, List<ActorRef<ZoneCell.Command>> cells) {
    List<CompletableFuture<ZoneCell.Reply>> asks = new ArrayList<>(cells.size());
    for (ActorRef<ZoneCell.Command> cell : cells) {
      asks.add(
          AskPattern.<ZoneCell.Command, ZoneCell.Reply>ask(
                  cell, ZoneCell.GetCellSummary::new, CELL_TIMEOUT, ctx.getSystem().scheduler())
              .toCompletableFuture()
              .exceptionally(e -> null));
    }
    return CompletableFuture.allOf(asks.toArray(CompletableFuture[]::new))
        .thenApply(
            done -> {
              List<ZoneCell.CellSummary> out = new ArrayList<>(asks.size());
              for (CompletableFuture<ZoneCell.Reply> a : asks) {
                if (a.join() instanceof ZoneCell.CellSummary s) {
                  out.add(s);
                }
              }
              return out;
            });
  }
}
