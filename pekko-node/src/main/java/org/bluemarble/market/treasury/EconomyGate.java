package org.bluemarble.market.treasury;

import java.util.concurrent.atomic.AtomicReference;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.Extension;
import org.apache.pekko.actor.typed.ExtensionId;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.pubsub.Topic;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.bluemarble.market.MarketError;
import org.bluemarble.market.MarketException;
import org.bluemarble.node.CborSerializable;

/**
 * This node's view of the economy's read-only switch, kept current from the {@link Treasury}'s
 * topic (published on every change and re-published every retry interval). Write paths call {@link
 * #requireWritable()}; reads never ask. A node that has not heard from the treasury yet treats the
 * economy as writable and asks the treasury once at start.
 */
public final class EconomyGate implements Extension {
  /** The topic's cluster-wide name. */
  public static final String TOPIC_NAME = "bluemarble-economy-switch";

  /** The switch's state as published. */
  public record Switch(boolean readOnly, String reason) implements CborSerializable {}

  private final AtomicReference<Switch> current = new AtomicReference<>(new Switch(false, ""));
  private final ActorRef<Topic.Command<Switch>> topic;

  private EconomyGate(ActorSystem<?> system) {
    this.topic =
        system.systemActorOf(
            Topic.create(Switch.class, TOPIC_NAME), "economy-switch", Props.empty());
    ActorRef<Switch> listener =
        system.systemActorOf(listener(current), "economy-switch-listener", Props.empty());
    topic.tell(Topic.subscribe(listener));
  }

  private static Behavior<Switch> listener(AtomicReference<Switch> current) {
    return Behaviors.receiveMessage(
        s -> {
          current.set(s);
          return Behaviors.same();
        });
  }

  /** Wakes the treasury so it starts publishing (call once the entity types are initialised). */
  public void wakeTreasury(ActorSystem<?> system) {
    ActorRef<TreasuryStatus> ignore = system.ignoreRef();
    ClusterSharding.get(system)
        .entityRefFor(Treasury.ENTITY_KEY, Treasury.ID)
        .tell(new Treasury.GetStatus(ignore));
  }

  /** The switch as this node last heard it. */
  public Switch current() {
    return current.get();
  }

  /** Throws {@link MarketError#ECONOMY_READ_ONLY} (with the admin's reason) when switched on. */
  public void requireWritable() {
    Switch s = current.get();
    if (s.readOnly()) {
      throw new MarketException(
          MarketError.ECONOMY_READ_ONLY, "the economy is read-only: " + s.reason());
    }
  }

  /** The node's topic actor. */
  static ActorRef<Topic.Command<Switch>> topic(ActorSystem<?> system) {
    return get(system).topic;
  }

  public static EconomyGate get(ActorSystem<?> system) {
    return Id.INSTANCE.apply(system);
  }

  private static final class Id extends ExtensionId<EconomyGate> {
    static final Id INSTANCE = new Id();

    @Override
    public EconomyGate createExtension(ActorSystem<?> system) {
      return new EconomyGate(system);
    }
  }
}
