package org.bluemarble.zone;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The ghost batches that neighbour cells on this node put straight into one {@link ZoneCell} during
 * the step phase of a beat, taken by the cell when it composes that beat's snapshots, so its
 * observers see the neighbours' entities of the same tick. Lock-free for any number of producers
 * and one consumer; bounded (a batch beyond the capacity or after the cell closed it is refused,
 * and the neighbour sends it as a {@link ZoneCell.Ghosts} message instead). Order is kept per
 * neighbour (each neighbour's cell is one producer at a time).
 */
final class GhostInbox {
  /**
   * Batches held between two composes: a cell has at most eight neighbours at its level, each
   * sending one batch per tick, so only a cell that stopped composing fills it.
   */
  static final int CAPACITY = 64;

  private final Queue<TickReport.GhostBatch> queue = new ConcurrentLinkedQueue<>();
  private final AtomicInteger size = new AtomicInteger();
  private volatile boolean closed;

  /** Queues {@code batch} for the cell's next compose; false when full or closed. */
  boolean offer(TickReport.GhostBatch batch) {
    if (closed) {
      return false;
    }
    if (size.incrementAndGet() > CAPACITY) {
      size.decrementAndGet();
      return false;
    }
    queue.add(batch);
    return true;
  }

  /** Hands every queued batch to {@code to} in arrival order (the cell's thread only). */
  int drainTo(Consumer<TickReport.GhostBatch> to) {
    int n = 0;
    for (TickReport.GhostBatch b; (b = queue.poll()) != null; ) {
      size.decrementAndGet();
      to.accept(b);
      n++;
    }
    return n;
  }

  /** The cell stops: later offers are refused and what is queued is dropped (ghosts are views). */
  void close() {
    closed = true;
    drainTo(b -> {});
  }

  /** Batches queued now. */
  int size() {
    return size.get();
  }
}
