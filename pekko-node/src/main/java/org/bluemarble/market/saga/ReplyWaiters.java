package org.bluemarble.market.saga;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * The requesters a saga entity answers once the holdings answered its escrow leg, by key (an order,
 * auction or bid id): the first request, and repeats that arrived while it was under way. Lives in
 * the actor (not persisted): after a restart nobody waits, and a repeat is answered from the state.
 */
public final class ReplyWaiters<R> {
  private final Map<String, List<ActorRef<R>>> waiting = new HashMap<>();

  /** {@code replyTo} (null: nobody) waits for the answer under {@code key}. */
  public void await(String key, ActorRef<R> replyTo) {
    if (replyTo != null) {
      waiting.computeIfAbsent(key, k -> new ArrayList<>(1)).add(replyTo);
    }
  }

  /** Tells {@code reply} to everyone waiting under {@code key} and forgets them. */
  public void answer(String key, R reply) {
    List<ActorRef<R>> replyTos = waiting.remove(key);
    if (replyTos != null) {
      replyTos.forEach(r -> r.tell(reply));
    }
  }
}
