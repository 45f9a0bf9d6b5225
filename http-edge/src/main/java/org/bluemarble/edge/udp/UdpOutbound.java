package org.bluemarble.edge.udp;

import java.net.InetSocketAddress;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.bluemarble.edge.session.SessionOutput;
import org.bluemarble.protocol.v1.Disconnect;
import org.bluemarble.protocol.v1.Envelope;

/**
 * The hand-off from the sessions (any thread) to the UDP I/O thread, bounded per connection with
 * this overflow policy:
 *
 * <ul>
 *   <li>a snapshot still queued when a newer one for the same connection is queued is superseded:
 *       the I/O thread skips it (the oldest snapshot is dropped first; snapshots are deltas against
 *       what the client acknowledged, so a skipped one costs only freshness);
 *   <li>at most {@code limit} messages wait per connection; snapshots and other unreliable messages
 *       are queued only while fewer than half of them wait (dropped and counted otherwise);
 *   <li>a reliable message that finds the queue full (but for one slot) is never dropped silently:
 *       the connection gets Disconnect REASON_TOO_SLOW in that slot and is closed (counted).
 * </ul>
 *
 * The I/O thread is woken once per batch: only the send that finds no wake-up pending calls {@code
 * wake}; the I/O thread re-arms it before each {@link #drain}.
 */
final class UdpOutbound {

  /** Messages queued per connection by default. */
  static final int DEFAULT_LIMIT = 256;

  /** Where {@link #drain} hands the messages, on the I/O thread. */
  interface Sink {
    /** Sends an envelope to a connection. */
    void send(InetSocketAddress to, Envelope envelope);

    /** Closes a connection after what was sent to it. */
    void close(InetSocketAddress to);
  }

  private record Item(Connection connection, Envelope envelope, long snapshot) {}

  private final ConcurrentLinkedQueue<Item> queue = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean wakePending = new AtomicBoolean();
  private final Runnable wake;
  private final int limit;
  private final LongAdder droppedSnapshots = new LongAdder();
  private final LongAdder supersededSnapshots = new LongAdder();
  private final LongAdder tooSlow = new LongAdder();

  /**
   * A hand-off that calls {@code wake} to wake the I/O thread.
   *
   * @param limit messages queued per connection at most (at least 4)
   */
  UdpOutbound(int limit, Runnable wake) {
    if (limit < 4) {
      throw new IllegalArgumentException("limit must be at least 4, was " + limit);
    }
    this.limit = limit;
    this.wake = wake;
  }

  /** The output of the connection at {@code address}. */
  Connection connection(InetSocketAddress address) {
    return new Connection(address);
  }

  /**
   * Hands every queued message to {@code sink} in queue order, skipping superseded snapshots; I/O
   * thread only.
   */
  void drain(Sink sink) {
    wakePending.set(false);
    for (Item i; (i = queue.poll()) != null; ) {
      Connection c = i.connection();
      c.queued.decrementAndGet();
      if (i.envelope() == null) {
        sink.close(c.address);
      } else if (i.snapshot() != 0 && i.snapshot() != c.newestSnapshot.get()) {
        supersededSnapshots.increment();
      } else {
        sink.send(c.address, i.envelope());
      }
    }
  }

  /** Unreliable messages dropped because their connection's queue was half full or more. */
  long droppedSnapshots() {
    return droppedSnapshots.sum();
  }

  /** Snapshots skipped because a newer one for the same connection was queued behind them. */
  long supersededSnapshots() {
    return supersededSnapshots.sum();
  }

  /** Connections closed because a reliable message found their queue full. */
  long tooSlow() {
    return tooSlow.sum();
  }

  private void enqueue(Connection c, Envelope envelope, long snapshot) {
    c.queued.incrementAndGet();
    queue.add(new Item(c, envelope, snapshot));
    if (wakePending.compareAndSet(false, true)) {
      wake.run();
    }
  }

  /** One connection's {@link SessionOutput}: thread-safe, never blocks. */
  final class Connection implements SessionOutput {
    private final InetSocketAddress address;
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicLong newestSnapshot = new AtomicLong();
    private final AtomicBoolean closed = new AtomicBoolean();

    private Connection(InetSocketAddress address) {
      this.address = address;
    }

    @Override
    public void send(Envelope envelope) {
      if (closed.get()) {
        return;
      }
      boolean unreliable = org.bluemarble.protocol.Delivery.isUnreliable(envelope.getMessageCase());
      int waiting = queued.get();
      if (unreliable && waiting >= limit / 2) {
        droppedSnapshots.increment();
        return;
      }
      if (!unreliable && waiting >= limit - 1) {
        if (closed.compareAndSet(false, true)) {
          tooSlow.increment();
          enqueue(
              this,
              Envelope.newBuilder()
                  .setDisconnect(
                      Disconnect.newBuilder()
                          .setReason(Disconnect.Reason.REASON_TOO_SLOW)
                          .setDetail(
                              "the client did not take " + limit + " queued messages in time"))
                  .build(),
              0);
          enqueue(this, null, 0);
        }
        return;
      }
      long snapshot = 0;
      if (envelope.getMessageCase() == Envelope.MessageCase.SNAPSHOT) {
        snapshot = newestSnapshot.incrementAndGet();
      }
      enqueue(this, envelope, snapshot);
    }

    @Override
    public void close() {
      if (closed.compareAndSet(false, true)) {
        enqueue(this, null, 0);
      }
    }

    /** Messages waiting for the I/O thread. */
    int queued() {
      return queued.get();
    }
  }
}
