package org.bluemarble.zone;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Extension;
import org.apache.pekko.actor.typed.ExtensionId;

/**
 * The node-local shortcut for a cell's per-tick pushes: a presence registers a thread-safe {@link
 * Sink} under the session reference it hands to its cell, and a cell on the same node calls that
 * sink directly ({@link SessionPush}) instead of telling the presence actor, so a snapshot costs no
 * mailbox hop, no message adapter and no actor scheduling on its way to the edge's encoder. A cell
 * on another node (the reference came over the wire and is not registered in that node's {@link
 * SessionSinks}) and every other event (handoffs, chat, combat, dropped inputs) still go through
 * the actor. One per actor system: {@link #get}.
 */
public final class SessionSinks implements Extension {

  /**
   * Receives a player's hot {@link SessionEvent}s (acknowledgements, corrections, enter/leave
   * notices, snapshots) on the cell's thread. Implementations deliver one event at a time (cells of
   * a handoff may call at once) and never block.
   */
  public interface Sink {
    void deliver(SessionEvent event);
  }

  private final Map<ActorRef<SessionEvent>, Sink> sinks = new ConcurrentHashMap<>();

  /** This actor system's registry. */
  public static SessionSinks get(ActorSystem<?> system) {
    return Id.INSTANCE.apply(system);
  }

  /** Cells on this node push {@code session}'s hot events to {@code sink} from now on. */
  public void register(ActorRef<SessionEvent> session, Sink sink) {
    sinks.put(session, sink);
  }

  /** Undoes {@link #register} (the presence stopped); later events go to the actor (dead). */
  public void remove(ActorRef<SessionEvent> session, Sink sink) {
    sinks.remove(session, sink);
  }

  /** The sink registered for {@code session} on this node, or null. */
  Sink find(ActorRef<SessionEvent> session) {
    return sinks.get(session);
  }

  private static final class Id extends ExtensionId<SessionSinks> {
    static final Id INSTANCE = new Id();

    @Override
    public SessionSinks createExtension(ActorSystem<?> system) {
      return new SessionSinks();
    }
  }
}
