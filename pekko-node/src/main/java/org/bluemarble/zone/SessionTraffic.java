package org.bluemarble.zone;

import kamon.Kamon;
import kamon.metric.Counter;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * Counts what zone cells push to player sessions (input acknowledgements, corrections, snapshots)
 * as same-node or cross-node traffic, by where the session's actor lives: the Kamon counter {@code
 * bluemarble.zone.session.messages{link=same-node|cross-node}}. With players connected to every
 * node's edge and cells sharded over the nodes, this is most of a cluster's node-to-node traffic
 * (the other way, inputs, has about the rate of the acknowledgements); {@code
 * load-tests/scale-1v3.sh} reports it per player-second.
 */
final class SessionTraffic {
  private static final String HELP =
      "Messages zone cells push to player sessions (acks, corrections, snapshots), by link";
  private static final Counter SAME_NODE =
      Kamon.counter("bluemarble.zone.session.messages", HELP).withTag("link", "same-node");
  private static final Counter CROSS_NODE =
      Kamon.counter("bluemarble.zone.session.messages", HELP).withTag("link", "cross-node");

  private SessionTraffic() {}

  /** Counts one push to {@code session}: a reference with a host address is on another node. */
  static void count(ActorRef<?> session) {
    if (session.path().address().hasGlobalScope()) {
      CROSS_NODE.increment();
    } else {
      SAME_NODE.increment();
    }
  }
}
