package org.bluemarble.zone;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Extension;
import org.apache.pekko.actor.typed.ExtensionId;

/**
 * The node-local shortcut for movement inputs: every {@link ZoneCell} running on this node
 * registers its {@link CellInbox} under its entity id while it runs, and a session on the same node
 * puts an input for that cell straight into the inbox ({@link #offer}) instead of telling the cell
 * through sharding (shard region, shard, cell mailbox: three hops and actor schedulings per input).
 * A cell on another node, one not started yet, or a full inbox: {@link #offer} says no and the
 * caller tells the cell the sharded way, as before. One per actor system: {@link #get}.
 */
public final class CellInboxes implements Extension {
  /**
   * Inputs one cell's inbox holds between two ticks; far above what a cell gets per tick (1,000
   * players sending 10 inputs a second is 170 per 60 Hz tick), so only a flood fills it, and what
   * overflows still reaches the cell through sharding (where the per-player limit drops it).
   */
  public static final int CAPACITY = 4096;

  private final Map<String, CellInbox> inboxes = new ConcurrentHashMap<>();

  /** This actor system's registry. */
  public static CellInboxes get(ActorSystem<?> system) {
    return Id.INSTANCE.apply(system);
  }

  /**
   * Puts {@code input} into the inbox of cell {@code cellId} if that cell runs on this node and has
   * room; false otherwise (send it through sharding).
   */
  public boolean offer(String cellId, ZoneCell.SubmitInput input) {
    CellInbox inbox = inboxes.get(cellId);
    return inbox != null && inbox.offer(input);
  }

  /** Cell {@code cellId} runs here and takes its inputs from {@code inbox} from now on. */
  void register(String cellId, CellInbox inbox) {
    inboxes.put(cellId, inbox);
  }

  /** Undoes {@link #register} (the cell stopped); a newer incarnation's inbox stays. */
  void remove(String cellId, CellInbox inbox) {
    inboxes.remove(cellId, inbox);
  }

  /** The inbox registered for {@code cellId}, or null. */
  CellInbox find(String cellId) {
    return inboxes.get(cellId);
  }

  private static final class Id extends ExtensionId<CellInboxes> {
    static final Id INSTANCE = new Id();

    @Override
    public CellInboxes createExtension(ActorSystem<?> system) {
      return new CellInboxes();
    }
  }
}
