package org.bluemarble.node;

import java.time.Instant;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Extension;
import org.apache.pekko.actor.typed.ExtensionId;
import org.apache.pekko.actor.typed.pubsub.Topic;

/**
 * Orders from admins to the players' sessions on every node (kick, system announcement), over one
 * cluster-wide pub-sub topic. Admin code publishes; every session on every node subscribes. One
 * topic actor per node, reached through {@code SessionControl.get(system).topic()}.
 */
public final class SessionControl implements Extension {
  /** The topic's cluster-wide name. */
  public static final String TOPIC_NAME = "bluemarble-session-control";

  /** What travels on the topic. */
  public sealed interface Notice extends CborSerializable permits Kick, Broadcast {}

  /** End every session of account {@code accountId} with {@code reason} (ban, admin kick). */
  public record Kick(String accountId, String reason, Instant at) implements Notice {}

  /** A system announcement for everyone online. */
  public record Broadcast(String message, String from, Instant at) implements Notice {}

  private final ActorRef<Topic.Command<Notice>> topic;

  private SessionControl(ActorSystem<?> system) {
    this.topic =
        system.systemActorOf(
            Topic.create(Notice.class, TOPIC_NAME),
            "session-control",
            org.apache.pekko.actor.typed.Props.empty());
  }

  /** The node's topic actor: send it {@code Topic.publish(...)} or {@code Topic.subscribe(...)}. */
  public ActorRef<Topic.Command<Notice>> topic() {
    return topic;
  }

  /** This node's instance. */
  public static SessionControl get(ActorSystem<?> system) {
    return Id.INSTANCE.apply(system);
  }

  private static final class Id extends ExtensionId<SessionControl> {
    static final Id INSTANCE = new Id();

    @Override
    public SessionControl createExtension(ActorSystem<?> system) {
      return new SessionControl(system);
    }
  }
}
