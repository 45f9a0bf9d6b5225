package org.bluemarble.edge.ws;

import java.util.concurrent.atomic.LongAdder;

/** Counters of the WebSocket edge (all connections of a node), for metrics and tests. */
public final class WebSocketStats {
  final LongAdder connections = new LongAdder();
  final LongAdder frames = new LongAdder();
  final LongAdder droppedSnapshots = new LongAdder();
  final LongAdder tooSlow = new LongAdder();
  final LongAdder refusedFrames = new LongAdder();

  /** Connections accepted since start. */
  public long connections() {
    return connections.sum();
  }

  /** Frames received. */
  public long frames() {
    return frames.sum();
  }

  /** Unreliable messages dropped because the outbound queue was half full or more. */
  public long droppedSnapshots() {
    return droppedSnapshots.sum();
  }

  /** Connections closed because they could not keep up with reliable messages. */
  public long tooSlow() {
    return tooSlow.sum();
  }

  /** Frames refused before decoding (text frames, too large). */
  public long refusedFrames() {
    return refusedFrames.sum();
  }
}
