package org.bluemarble.names;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.Extension;
import org.apache.pekko.actor.typed.ExtensionId;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.ClusterEvent;
import org.apache.pekko.cluster.UniqueAddress;
import org.apache.pekko.cluster.ddata.Key;
import org.apache.pekko.cluster.ddata.LWWMap;
import org.apache.pekko.cluster.ddata.LWWMapKey;
import org.apache.pekko.cluster.ddata.SelfUniqueAddress;
import org.apache.pekko.cluster.ddata.typed.javadsl.DistributedData;
import org.apache.pekko.cluster.ddata.typed.javadsl.Replicator;
import org.apache.pekko.cluster.ddata.typed.javadsl.ReplicatorMessageAdapter;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Subscribe;
import org.bluemarble.node.CborSerializable;

/**
 * The cluster-wide directory of display names of the players in the world (entity id → character
 * name), so that a session can name a player it sees even when that player entered on another node.
 * A last-writer-wins map in Pekko Distributed Data: a presence publishes its character's name when
 * it enters (written straight to a majority, not left to gossip, so it normally reaches every node
 * before anyone sees the character) and withdraws it when the character leaves the world. Each
 * node's subscriber keeps a copy that {@link #displayName} reads without asking anyone; {@link
 * #lookup} asks a majority for a name this node has not seen yet. Each entry carries the node that
 * published it: when a node leaves the cluster without withdrawing its names (it crashed and was
 * downed), every surviving node removes that node's entries on {@code MemberRemoved} ({@link
 * #prune}), so a crashed node's players do not keep their names forever. One per node: {@link
 * #get}.
 */
public final class NameDirectory implements Extension {
  static final Key<LWWMap<Long, Named>> KEY = LWWMapKey.create("bluemarble-entity-names-v2");

  /** A directory entry: the character's name and the node (unique address) that published it. */
  public record Named(String name, String node) implements CborSerializable {}

  /** How long a majority write or read may take before it falls back to the local replica. */
  private static final Duration TIMEOUT = Duration.ofSeconds(3);

  private final ActorSystem<?> system;
  private final ActorRef<Replicator.Command> replicator;
  private final SelfUniqueAddress self;
  private final String selfNode;
  private final Map<Long, String> known = new ConcurrentHashMap<>();

  /** This node's copy of the replicated entries, with their publishing nodes. */
  private final Map<Long, Named> entries = new ConcurrentHashMap<>();

  private NameDirectory(ActorSystem<?> system) {
    this.system = system;
    DistributedData ddata = DistributedData.get(system);
    this.replicator = ddata.replicator();
    this.self = ddata.selfUniqueAddress();
    this.selfNode = nodeId(self.uniqueAddress());
    system.systemActorOf(subscriber(known, this), "entity-names", Props.empty());
  }

  /** How entries name a node: its address and incarnation (a restarted node is another node). */
  static String nodeId(UniqueAddress address) {
    return address.address() + "#" + address.longUid();
  }

  /** This node's directory. */
  public static NameDirectory get(ActorSystem<?> system) {
    return Id.INSTANCE.apply(system);
  }

  /** {@code entityId} is called {@code name} from now on (on this node at once). */
  public void publish(long entityId, String name) {
    publishAs(entityId, name, selfNode);
  }

  /** As {@link #publish}, recorded as published by {@code node} (tests stand in for a node). */
  void publishAs(long entityId, String name, String node) {
    known.put(entityId, name);
    replicator.tell(
        new Replicator.Update<>(
            KEY,
            LWWMap.<Long, Named>create(),
            new Replicator.WriteMajority(TIMEOUT),
            system.ignoreRef(),
            map -> map.put(self, entityId, new Named(name, node))));
  }

  /** {@code entityId} left the world. */
  public void withdraw(long entityId) {
    known.remove(entityId);
    replicator.tell(
        new Replicator.Update<>(
            KEY,
            LWWMap.<Long, Named>create(),
            new Replicator.WriteMajority(TIMEOUT),
            system.ignoreRef(),
            map -> map.remove(self, entityId)));
  }

  /**
   * Removes every entry {@code node} published (it left the cluster without withdrawing them).
   * Decided inside the update on the current map, so an entity re-published since by another node
   * keeps its name.
   */
  void prune(String node) {
    known.keySet().removeAll(staleIn(entries, node));
    replicator.tell(
        new Replicator.Update<>(
            KEY,
            LWWMap.<Long, Named>create(),
            Replicator.writeLocal(),
            system.ignoreRef(),
            map -> {
              LWWMap<Long, Named> out = map;
              for (Long id : staleIn(map.getEntries(), node)) {
                out = out.remove(self, id);
              }
              return out;
            }));
  }

  /** The entity ids of {@code entries} that {@code node} published. */
  static java.util.Set<Long> staleIn(Map<Long, Named> entries, String node) {
    java.util.Set<Long> out = new java.util.HashSet<>();
    entries.forEach(
        (id, named) -> {
          if (named.node().equals(node)) {
            out.add(id);
          }
        });
    return out;
  }

  /** The name this node knows for {@code entityId}, or null; never blocks. */
  public String displayName(long entityId) {
    return known.get(entityId);
  }

  /** The name a majority of nodes knows for {@code entityId}; empty if none (or no answer). */
  public CompletionStage<Optional<String>> lookup(long entityId) {
    String local = known.get(entityId);
    if (local != null) {
      return java.util.concurrent.CompletableFuture.completedFuture(Optional.of(local));
    }
    CompletionStage<Replicator.GetResponse<LWWMap<Long, Named>>> answer =
        AskPattern.ask(
            replicator,
            replyTo -> new Replicator.Get<>(KEY, new Replicator.ReadMajority(TIMEOUT), replyTo),
            TIMEOUT.multipliedBy(2),
            system.scheduler());
    return answer.handle(
        (reply, failure) ->
            reply instanceof Replicator.GetSuccess<LWWMap<Long, Named>> ok
                ? Optional.ofNullable(ok.get(KEY).getEntries().get(entityId)).map(Named::name)
                : Optional.empty());
  }

  /**
   * Keeps {@code known} equal to the replicated map as this node's replica changes, and prunes the
   * entries of nodes removed from the cluster.
   */
  private static Behavior<Object> subscriber(Map<Long, String> known, NameDirectory directory) {
    return Behaviors.setup(
        ctx -> {
          Cluster.get(ctx.getSystem())
              .subscriptions()
              .tell(Subscribe.create(ctx.getSelf().narrow(), ClusterEvent.MemberRemoved.class));
          return DistributedData.withReplicatorMessageAdapter(
              (ReplicatorMessageAdapter<Object, LWWMap<Long, Named>> adapter) -> {
                adapter.subscribe(
                    KEY,
                    changed ->
                        new Changed(
                            changed instanceof Replicator.Changed<LWWMap<Long, Named>> c
                                ? c.get(KEY).getEntries()
                                : Map.of()));
                return Behaviors.receive(Object.class)
                    .onMessage(
                        Changed.class,
                        c -> {
                          directory.entries.keySet().retainAll(c.entries().keySet());
                          directory.entries.putAll(c.entries());
                          known.keySet().retainAll(c.entries().keySet());
                          c.entries().forEach((id, named) -> known.put(id, named.name()));
                          return Behaviors.same();
                        })
                    .onMessage(
                        ClusterEvent.MemberRemoved.class,
                        removed -> {
                          directory.prune(nodeId(removed.member().uniqueAddress()));
                          return Behaviors.same();
                        })
                    .build();
              });
        });
  }

  private record Changed(Map<Long, Named> entries) {}

  private static final class Id extends ExtensionId<NameDirectory> {
    static final Id INSTANCE = new Id();

    @Override
    public NameDirectory createExtension(ActorSystem<?> system) {
      return new NameDirectory(system);
    }
  }
}
