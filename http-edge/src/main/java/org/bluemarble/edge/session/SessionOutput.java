package org.bluemarble.edge.session;

import org.bluemarble.protocol.v1.Envelope;

/**
 * Where a {@link GameSession} writes: the transport of one connection. Both methods may be called
 * from any thread and must not block.
 */
public interface SessionOutput {

  /**
   * Queues an envelope for the client. The transport applies its policy: unreliable messages
   * (snapshots) may be dropped under pressure; a client that cannot keep up with reliable ones is
   * disconnected.
   */
  void send(Envelope envelope);

  /** Closes the connection after what was queued (idempotent). */
  void close();
}
