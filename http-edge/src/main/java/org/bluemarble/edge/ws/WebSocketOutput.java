package org.bluemarble.edge.ws;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.bluemarble.edge.session.SessionOutput;
import org.bluemarble.protocol.Delivery;
import org.bluemarble.protocol.ProtocolCodec;
import org.bluemarble.protocol.v1.Disconnect;
import org.bluemarble.protocol.v1.Envelope;

/**
 * The bounded outbound queue of one WebSocket connection, with this policy: a snapshot still queued
 * when a newer one is queued is superseded (skipped when the stage takes from the queue, counted),
 * so a connection that falls behind gets the newest snapshot next rather than a backlog of stale
 * ones; unreliable messages (snapshots, pongs) are queued only while the queue is less than half
 * full, so under pressure the stale ones are dropped first and the room left goes to reliable
 * messages; a reliable message that finds the queue full (but for one slot) ends the connection
 * with Disconnect REASON_TOO_SLOW in that last slot. Snapshots are deltas against what the client
 * acknowledged, so a dropped or skipped one costs nothing but freshness (as on UDP, {@code
 * UdpOutbound}).
 *
 * <p>Envelopes are encoded by the sending thread; the connection's stream stage ({@link
 * WebSocketSessionStage}) takes the bytes with {@link #poll} when the socket can take more, and is
 * woken once per batch (only the send that finds no wake-up pending calls it).
 */
final class WebSocketOutput implements SessionOutput {
  /** What {@link #poll} returns once the connection is to be closed after what was queued. */
  static final Object CLOSE = new Object();

  /** A queued snapshot: its bytes and its number among this connection's queued snapshots. */
  private record QueuedSnapshot(byte[] bytes, long serial) {}

  private final ConcurrentLinkedQueue<Object> queue = new ConcurrentLinkedQueue<>();
  private final AtomicInteger queued = new AtomicInteger();
  private final AtomicBoolean wakePending = new AtomicBoolean();
  private final int capacity;
  private final ProtocolCodec codec;
  private final WebSocketStats stats;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final LongAdder droppedUnreliable = new LongAdder();
  private final LongAdder supersededSnapshots = new LongAdder();
  // Serial of the newest snapshot queued; older ones still queued are skipped.
  private final AtomicLong newestSnapshot = new AtomicLong();
  private volatile Runnable wake = () -> {};

  WebSocketOutput(int capacity, ProtocolCodec codec, WebSocketStats stats) {
    this.capacity = capacity;
    this.codec = codec;
    this.stats = stats;
  }

  /** Called (from any thread) when the queue was empty and something arrived. */
  void onAvailable(Runnable wake) {
    this.wake = wake;
  }

  @Override
  public void send(Envelope envelope) {
    if (closed.get()) {
      return;
    }
    boolean unreliable = Delivery.isUnreliable(envelope.getMessageCase());
    int waiting = queued.get();
    if (unreliable && waiting >= capacity / 2) {
      droppedUnreliable.increment();
      stats.droppedSnapshots.increment();
      return;
    }
    if (!unreliable && waiting >= capacity - 1) {
      if (closed.compareAndSet(false, true)) {
        stats.tooSlow.increment();
        enqueue(
            codec.encode(
                Envelope.newBuilder()
                    .setDisconnect(
                        Disconnect.newBuilder()
                            .setReason(Disconnect.Reason.REASON_TOO_SLOW)
                            .setDetail(
                                "the client did not read " + capacity + " queued messages in time"))
                    .build()));
        enqueue(CLOSE);
      }
      return;
    }
    if (envelope.getMessageCase() == Envelope.MessageCase.SNAPSHOT) {
      enqueue(new QueuedSnapshot(codec.encode(envelope), newestSnapshot.incrementAndGet()));
    } else {
      enqueue(codec.encode(envelope));
    }
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      enqueue(CLOSE);
    }
  }

  /**
   * The next queued item (the encoded envelope as {@code byte[]}, or {@link #CLOSE}), skipping
   * superseded snapshots, or null when the queue is empty; then the next send wakes the stage
   * again. Called by the stage only.
   */
  Object poll() {
    while (true) {
      Object next = queue.poll();
      if (next == null) {
        wakePending.set(false);
        // A send between the failed poll and the reset found the wake-up still pending: re-check.
        next = queue.poll();
        if (next == null) {
          return null;
        }
        wakePending.set(true);
      }
      queued.decrementAndGet();
      if (!(next instanceof QueuedSnapshot snapshot)) {
        return next;
      }
      if (snapshot.serial() == newestSnapshot.get()) {
        return snapshot.bytes();
      }
      supersededSnapshots.increment();
      stats.supersededSnapshots.increment();
    }
  }

  /** Messages waiting. */
  int queued() {
    return queued.get();
  }

  long droppedUnreliable() {
    return droppedUnreliable.sum();
  }

  /** Snapshots skipped because a newer one was queued behind them. */
  long supersededSnapshots() {
    return supersededSnapshots.sum();
  }

  private void enqueue(Object item) {
    queued.incrementAndGet();
    queue.add(item);
    if (wakePending.compareAndSet(false, true)) {
      wake.run();
    }
  }
}
