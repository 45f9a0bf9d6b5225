package org.bluemarble.edge.ws;

import java.util.concurrent.atomic.LongAdder;

/** Counters of the WebSocket edge (all connections of a node), for metrics and tests. */
public final class WebSocketStats {
  final LongAdder connections = new LongAdder();
  final LongAdder frames = new LongAdder();
  final LongAdder droppedSnapshots = new LongAdder();
  final LongAdder supersededSnapshots = new LongAdder();
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

  /**
   * Snapshots not sent: unreliable messages dropped because the outbound queue was half full or
   * more, plus snapshots superseded by a newer one queued behind them (as the UDP edge counts).
   */
  public long droppedSnapshots() {
    return droppedSnapshots.sum() + supersededSnapshots.sum();
  }

  /** Snapshots skipped because a newer one for the same connection was queued behind them. */
  public long supersededSnapshots() {
    return supersededSnapshots.sum();
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
