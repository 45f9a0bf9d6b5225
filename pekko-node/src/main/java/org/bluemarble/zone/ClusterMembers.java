package org.bluemarble.zone;

import org.apache.pekko.actor.Address;
import org.apache.pekko.cluster.ClusterEvent;
import org.apache.pekko.cluster.Member;
import org.apache.pekko.cluster.MemberStatus;

/** Questions about the cluster's membership a stopping cell asks. */
final class ClusterMembers {
  private ClusterMembers() {}

  /**
   * Whether a member other than {@code self} is up (Up or WeaklyUp) and reachable: one that can
   * host shards this node hands off.
   */
  static boolean anotherUp(ClusterEvent.CurrentClusterState state, Address self) {
    for (Member m : state.getMembers()) {
      MemberStatus s = m.status();
      if (!m.address().equals(self)
          && (s == MemberStatus.up() || s == MemberStatus.weaklyUp())
          && !state.getUnreachable().contains(m)) {
        return true;
      }
    }
    return false;
  }
}
