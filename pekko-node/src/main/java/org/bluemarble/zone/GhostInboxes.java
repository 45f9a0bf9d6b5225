package org.bluemarble.zone;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Extension;
import org.apache.pekko.actor.typed.ExtensionId;

/**
 * The node-local path of ghost batches: every {@link ZoneCell} running on this node registers its
 * {@link GhostInbox} under its entity id, and a neighbour on the same node puts its batch straight
 * into it in the step phase of a beat ({@link #offer}), so the batch is shown in the snapshots
 * composed in that same beat (the {@link CellClock} composes after every local cell stepped). A
 * cell on another node, one not started yet, or a full inbox: {@link #offer} says no and the
 * neighbour sends the batch as a message, shown from the receiver's next compose. One per actor
 * system: {@link #get}.
 */
final class GhostInboxes implements Extension {
  private final Map<String, GhostInbox> inboxes = new ConcurrentHashMap<>();

  /** This actor system's registry. */
  static GhostInboxes get(ActorSystem<?> system) {
    return Id.INSTANCE.apply(system);
  }

  /** Puts {@code batch} into the inbox of cell {@code cellId} if it runs here and has room. */
  boolean offer(String cellId, TickReport.GhostBatch batch) {
    GhostInbox inbox = inboxes.get(cellId);
    return inbox != null && inbox.offer(batch);
  }

  /** Cell {@code cellId} runs here and takes its local ghosts from {@code inbox} from now on. */
  void register(String cellId, GhostInbox inbox) {
    inboxes.put(cellId, inbox);
  }

  /** Undoes {@link #register} (the cell stopped); a newer incarnation's inbox stays. */
  void remove(String cellId, GhostInbox inbox) {
    inboxes.remove(cellId, inbox);
  }

  private static final class Id extends ExtensionId<GhostInboxes> {
    static final Id INSTANCE = new Id();

    @Override
    public GhostInboxes createExtension(ActorSystem<?> system) {
      return new GhostInboxes();
    }
  }
}
