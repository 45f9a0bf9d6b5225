package org.bluemarble.protocol;

import org.bluemarble.protocol.v1.Envelope;

/**
 * Which messages may be lost on UDP: the one table both sides use to pick the unreliable or the
 * reliable channel. Snapshots, snapshot acks, pings and party mates' positions are unreliable (a
 * newer one supersedes a lost one); everything else, including inputs, goes reliable and ordered.
 */
public final class Delivery {

  private Delivery() {}

  /** Whether this message travels on the unreliable channel. */
  public static boolean isUnreliable(Envelope.MessageCase message) {
    return switch (message) {
      case SNAPSHOT, SNAPSHOT_ACK, PING, PONG, PARTY_UPDATE -> true;
      default -> false;
    };
  }
}
