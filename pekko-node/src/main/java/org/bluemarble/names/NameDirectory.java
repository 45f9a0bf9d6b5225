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
import org.apache.pekko.cluster.ddata.Key;
import org.apache.pekko.cluster.ddata.LWWMap;
import org.apache.pekko.cluster.ddata.LWWMapKey;
import org.apache.pekko.cluster.ddata.SelfUniqueAddress;
import org.apache.pekko.cluster.ddata.typed.javadsl.DistributedData;
import org.apache.pekko.cluster.ddata.typed.javadsl.Replicator;
import org.apache.pekko.cluster.ddata.typed.javadsl.ReplicatorMessageAdapter;

/**
 * The cluster-wide directory of display names of the players in the world (entity id → character
 * name), so that a session can name a player it sees even when that player entered on another node.
 * A last-writer-wins map in Pekko Distributed Data: a presence publishes its character's name when
 * it enters (written straight to a majority, not left to gossip, so it normally reaches every node
 * before anyone sees the character) and withdraws it when the character leaves the world. Each
 * node's subscriber keeps a copy that {@link #displayName} reads without asking anyone; {@link
 * #lookup} asks a majority for a name this node has not seen yet. One per node: {@link #get}.
 */
public final class NameDirectory implements Extension {
  static final Key<LWWMap<Long, String>> KEY = LWWMapKey.create("bluemarble-entity-names");

  /** How long a majority write or read may take before it falls back to the local replica. */
  private static final Duration TIMEOUT = Duration.ofSeconds(3);

  private final ActorSystem<?> system;
  private final ActorRef<Replicator.Command> replicator;
  private final SelfUniqueAddress self;
  private final Map<Long, String> known = new ConcurrentHashMap<>();

  private NameDirectory(ActorSystem<?> system) {
    this.system = system;
    DistributedData ddata = DistributedData.get(system);
    this.replicator = ddata.replicator();
    this.self = ddata.selfUniqueAddress();
    system.systemActorOf(subscriber(known), "entity-names", Props.empty());
  }

  /** This node's directory. */
  public static NameDirectory get(ActorSystem<?> system) {
    return Id.INSTANCE.apply(system);
  }

  /** {@code entityId} is called {@code name} from now on (on this node at once). */
  public void publish(long entityId, String name) {
    known.put(entityId, name);
    replicator.tell(
        new Replicator.Update<>(
            KEY,
            LWWMap.<Long, String>create(),
            new Replicator.WriteMajority(TIMEOUT),
            system.ignoreRef(),
            map -> map.put(self, entityId, name)));
  }

  /** {@code entityId} left the world. */
  public void withdraw(long entityId) {
    known.remove(entityId);
    replicator.tell(
        new Replicator.Update<>(
            KEY,
            LWWMap.<Long, String>create(),
            new Replicator.WriteMajority(TIMEOUT),
            system.ignoreRef(),
            map -> map.remove(self, entityId)));
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
    CompletionStage<Replicator.GetResponse<LWWMap<Long, String>>> answer =
        AskPattern.ask(
            replicator,
            replyTo -> new Replicator.Get<>(KEY, new Replicator.ReadMajority(TIMEOUT), replyTo),
            TIMEOUT.multipliedBy(2),
            system.scheduler());
    return answer.handle(
        (reply, failure) ->
            reply instanceof Replicator.GetSuccess<LWWMap<Long, String>> ok
                ? Optional.ofNullable(ok.get(KEY).getEntries().get(entityId))
                : Optional.empty());
  }

  /** Keeps {@code known} equal to the replicated map as this node's replica changes. */
  private static Behavior<Changed> subscriber(Map<Long, String> known) {
    return Behaviors.setup(
        ctx ->
            DistributedData.withReplicatorMessageAdapter(
                (ReplicatorMessageAdapter<Changed, LWWMap<Long, String>> adapter) -> {
                  adapter.subscribe(
                      KEY,
                      changed ->
                          new Changed(
                              changed instanceof Replicator.Changed<LWWMap<Long, String>> c
                                  ? c.get(KEY).getEntries()
                                  : Map.of()));
                  return Behaviors.receive(Changed.class)
                      .onMessage(
                          Changed.class,
                          c -> {
                            known.keySet().retainAll(c.entries().keySet());
                            known.putAll(c.entries());
                            return Behaviors.same();
                          })
                      .build();
                }));
  }

  private record Changed(Map<Long, String> entries) {}

  private static final class Id extends ExtensionId<NameDirectory> {
    static final Id INSTANCE = new Id();

    @Override
    public NameDirectory createExtension(ActorSystem<?> system) {
      return new NameDirectory(system);
    }
  }
}
