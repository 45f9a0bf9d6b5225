package org.bluemarble.zone;

import com.google.common.geometry.S2CellId;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * The players a {@link ZoneCell} simulates, as the actor side sees them: simulation id to Player
 * entity id and session. Also remembers recent handoffs for a few ticks so that inputs a session
 * sent before it learnt of the handoff are forwarded to the new cell instead of lost, and keeps
 * each handoff until the neighbour answers so that a refused one can be undone.
 */
final class CellRoster {

  /** A player's Player entity id and the session to push to. */
  record Link(String playerId, ActorRef<SessionEvent> session) {}

  /** A handoff sent and not yet answered. */
  record Pending(TickReport.Handoff handoff, Link link) {}

  private record Forward(S2CellId cell, long untilTick) {}

  private final Map<Long, Link> links = new HashMap<>();
  private final Map<Long, Forward> forwards = new HashMap<>();
  private final Map<Long, Pending> pending = new HashMap<>();

  void add(long id, Link link) {
    links.put(id, link);
    forwards.remove(id);
    pending.remove(id);
  }

  Link get(long id) {
    return links.get(id);
  }

  Link remove(long id) {
    return links.remove(id);
  }

  /**
   * Records that {@code id} now lives in {@code cell}; inputs are forwarded until {@code until}.
   */
  void handedOff(long id, S2CellId cell, long untilTick, Pending awaiting) {
    forwards.put(id, new Forward(cell, untilTick));
    pending.put(id, awaiting);
  }

  /** The unanswered handoff of {@code id}, now answered (removed), or null. */
  Pending answered(long id) {
    return pending.remove(id);
  }

  /** Where inputs for a recently handed-off player go, or null. */
  S2CellId forwardOf(long id) {
    Forward f = forwards.get(id);
    return f == null ? null : f.cell();
  }

  /** Forgets handoffs whose forwarding window ended before {@code tick}. */
  void expire(long tick) {
    for (Iterator<Forward> it = forwards.values().iterator(); it.hasNext(); ) {
      if (it.next().untilTick() < tick) {
        it.remove();
      }
    }
  }

  int size() {
    return links.size();
  }
}
