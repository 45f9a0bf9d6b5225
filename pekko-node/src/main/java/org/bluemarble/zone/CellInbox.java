package org.bluemarble.zone;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The movement inputs waiting for one {@link ZoneCell} hosted on this node, put here by the edge's
 * threads ({@link CellInboxes}) instead of a sharded message, and taken by the cell at the start of
 * its tick. Lock-free for any number of producers and one consumer; bounded: an offer beyond the
 * capacity, or after the cell closed it, is refused and the caller sends the input the sharded way
 * instead. Order is kept per producer thread (one session's inputs come from one thread at a time).
 */
public final class CellInbox {
  private final Queue<ZoneCell.SubmitInput> queue = new ConcurrentLinkedQueue<>();
  private final AtomicInteger size = new AtomicInteger();
  private final AtomicLong refused = new AtomicLong();
  private final int capacity;
  private volatile boolean closed;

  /**
   * An empty inbox holding at most {@code capacity} inputs.
   *
   * @throws IllegalArgumentException if {@code capacity} is not positive
   */
  public CellInbox(int capacity) {
    if (capacity <= 0) {
      throw new IllegalArgumentException("inbox capacity must be > 0, was " + capacity);
    }
    this.capacity = capacity;
  }

  /**
   * Queues {@code input} for the cell's next tick; false (nothing queued, counted as refused) when
   * the inbox is full or closed.
   */
  public boolean offer(ZoneCell.SubmitInput input) {
    if (closed) {
      refused.incrementAndGet();
      return false;
    }
    if (size.incrementAndGet() > capacity) {
      size.decrementAndGet();
      refused.incrementAndGet();
      return false;
    }
    queue.add(input);
    return true;
  }

  /**
   * Hands every queued input to {@code to} in arrival order (the cell's thread only); returns how
   * many. Inputs offered while it drains are taken too or wait for the next drain.
   */
  int drainTo(Consumer<ZoneCell.SubmitInput> to) {
    int n = 0;
    for (ZoneCell.SubmitInput input; (input = queue.poll()) != null; ) {
      size.decrementAndGet();
      to.accept(input);
      n++;
    }
    return n;
  }

  /**
   * The cell stops: later offers are refused, and the inputs still queued are dropped (inputs are
   * unreliable by protocol; the client's next input supersedes them). Returns how many were
   * dropped.
   */
  int close() {
    closed = true;
    return drainTo(input -> {});
  }

  /** Whether the cell closed it. */
  public boolean isClosed() {
    return closed;
  }

  /** Inputs queued now. */
  public int size() {
    return size.get();
  }

  /** Offers refused because the inbox was full or closed, since it was made. */
  public long refused() {
    return refused.get();
  }
}
