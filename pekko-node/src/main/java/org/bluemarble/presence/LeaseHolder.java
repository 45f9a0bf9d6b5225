package org.bluemarble.presence;

import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;

/** A {@link PresenceActor}'s side of its player's {@link PresenceLease}: claim, renew, release. */
final class LeaseHolder {
  private final EntityRef<PresenceLease.Command> lease;
  private final ActorRef<PresenceActor.Command> presence;
  private boolean held;

  LeaseHolder(ClusterSharding sharding, String playerId, ActorRef<PresenceActor.Command> presence) {
    this.lease = sharding.entityRefFor(PresenceLease.ENTITY_KEY, playerId);
    this.presence = presence;
  }

  /** A new connection's claim: takes the player over from a presence on another node. */
  void claim() {
    lease.tell(new PresenceLease.Claim(presence, false));
  }

  /** Records a grant; true the first time (the presence may enter now). */
  boolean granted() {
    boolean first = !held;
    held = true;
    return first;
  }

  /** Renews a held lease (restores it after the lease entity moved); never takes over. */
  void renew() {
    if (held) {
      lease.tell(new PresenceLease.Claim(presence, true));
    }
  }

  /** Gives the lease up (the lease ignores a release from a presence that does not hold it). */
  void release() {
    lease.tell(new PresenceLease.Release(presence));
    held = false;
  }
}
