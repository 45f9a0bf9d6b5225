package org.bluemarble.admin;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.StreamSupport;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.pubsub.Topic;
import org.apache.pekko.cluster.ClusterEvent;
import org.apache.pekko.cluster.sharding.ShardRegion;
import org.apache.pekko.cluster.sharding.typed.GetClusterShardingStats;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.cluster.typed.Cluster;
import org.bluemarble.edge.port.OperationsPort;
import org.bluemarble.node.SessionControl;

/**
 * The edge's {@link OperationsPort}: cluster membership and shard placement from Cluster Sharding's
 * statistics, kick and announcements over {@link SessionControl}, maintenance mode in {@link
 * MaintenanceMode}.
 */
public final class ClusterOperations implements OperationsPort {
  private final ActorSystem<?> system;
  private final List<EntityTypeKey<?>> entityTypes;
  private final Duration timeout;
  private final AtomicReference<MaintenanceMode.State> maintenance;
  private final ActorRef<MaintenanceMode.Command> maintenanceActor;

  /** Starts this node's maintenance-mode replica. */
  public ClusterOperations(
      ActorSystem<?> system, List<EntityTypeKey<?>> entityTypes, Duration timeout) {
    this.system = system;
    this.entityTypes = List.copyOf(entityTypes);
    this.timeout = timeout;
    this.maintenance = new AtomicReference<>(MaintenanceMode.State.OFF);
    this.maintenanceActor =
        system.systemActorOf(
            MaintenanceMode.create(maintenance, timeout), "maintenance-mode", Props.empty());
  }

  @Override
  public CompletionStage<ClusterView> cluster() {
    ClusterEvent.CurrentClusterState state = Cluster.get(system).state();
    List<Member> members =
        StreamSupport.stream(state.getMembers().spliterator(), false)
            .map(
                m ->
                    new Member(
                        m.address().toString(),
                        m.status().toString(),
                        m.getRoles().stream().sorted().toList(),
                        m.dataCenter()))
            .toList();
    String leader = state.getLeader() == null ? null : state.getLeader().toString();
    Map<String, List<Region>> shards = new TreeMap<>();
    Map<String, List<String>> failed = new TreeMap<>();
    List<CompletableFuture<Void>> asks = new ArrayList<>();
    for (EntityTypeKey<?> key : entityTypes) {
      asks.add(
          AskPattern
              .<org.apache.pekko.cluster.sharding.typed.ClusterShardingQuery,
                  ShardRegion.ClusterShardingStats>
                  ask(
                      ClusterSharding.get(system).shardState(),
                      replyTo -> new GetClusterShardingStats(key, timeout, replyTo),
                      timeout.plusSeconds(1),
                      system.scheduler())
              .thenAccept(stats -> collect(key.name(), stats, shards, failed))
              .toCompletableFuture());
    }
    return CompletableFuture.allOf(asks.toArray(CompletableFuture[]::new))
        .thenApply(
            done -> new ClusterView(system.address().toString(), leader, members, shards, failed));
  }

  private static synchronized void collect(
      String type,
      ShardRegion.ClusterShardingStats stats,
      Map<String, List<Region>> shards,
      Map<String, List<String>> failed) {
    List<Region> regions = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    stats
        .getRegions()
        .forEach(
            (address, region) -> {
              Map<String, Integer> counts = new TreeMap<>();
              // The Scala Int counts arrive boxed as Object.
              region.getStats().forEach((shard, n) -> counts.put(shard, ((Number) n).intValue()));
              regions.add(new Region(address.toString(), counts));
              region.getFailed().forEach(shard -> missing.add(address + "/" + shard));
            });
    shards.put(type, regions);
    failed.put(type, missing);
  }

  @Override
  public void kick(String accountId, String reason) {
    publish(new SessionControl.Kick(accountId, reason, Instant.now()));
  }

  @Override
  public void broadcast(String message, String from) {
    publish(new SessionControl.Broadcast(message, from, Instant.now()));
  }

  private void publish(SessionControl.Notice notice) {
    SessionControl.get(system).topic().tell(Topic.publish(notice));
  }

  @Override
  public Maintenance maintenance() {
    return view(maintenance.get());
  }

  @Override
  public CompletionStage<Maintenance> setMaintenance(boolean on, String message, String by) {
    MaintenanceMode.State next =
        new MaintenanceMode.State(on, message == null ? "" : message, by, Instant.now());
    return AskPattern.<MaintenanceMode.Command, MaintenanceMode.State>ask(
            maintenanceActor,
            replyTo -> new MaintenanceMode.Switch(next, replyTo),
            timeout.plusSeconds(1),
            system.scheduler())
        .thenApply(ClusterOperations::view);
  }

  private static Maintenance view(MaintenanceMode.State s) {
    return new Maintenance(s.on(), s.message(), s.by(), s.since());
  }
}
