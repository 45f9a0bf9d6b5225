package org.bluemarble.edge.ws;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.http.javadsl.model.ws.BinaryMessage;
import org.apache.pekko.http.javadsl.model.ws.Message;
import org.apache.pekko.stream.BoundedSourceQueue;
import org.apache.pekko.stream.QueueOfferResult;
import org.apache.pekko.util.ByteString;
import org.bluemarble.edge.session.SessionOutput;
import org.bluemarble.protocol.Delivery;
import org.bluemarble.protocol.ProtocolCodec;
import org.bluemarble.protocol.v1.Disconnect;
import org.bluemarble.protocol.v1.Envelope;

/**
 * The bounded outbound queue of one WebSocket connection, with this policy: unreliable messages
 * (snapshots, pongs) are queued only while the queue is less than half full, so under pressure the
 * stale ones are dropped first and the room left goes to reliable messages; a reliable message that
 * finds the queue full (but for one slot) ends the connection with Disconnect REASON_TOO_SLOW in
 * that last slot. Snapshots are deltas against what the client acknowledged, so a dropped one costs
 * nothing but freshness.
 */
final class WebSocketOutput implements SessionOutput {
  private final BoundedSourceQueue<Message> queue;
  private final int capacity;
  private final ProtocolCodec codec;
  private final WebSocketStats stats;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final AtomicLong droppedUnreliable = new AtomicLong();

  WebSocketOutput(
      BoundedSourceQueue<Message> queue, int capacity, ProtocolCodec codec, WebSocketStats stats) {
    this.queue = queue;
    this.capacity = capacity;
    this.codec = codec;
    this.stats = stats;
  }

  @Override
  public void send(Envelope envelope) {
    if (closed.get()) {
      return;
    }
    boolean unreliable = Delivery.isUnreliable(envelope.getMessageCase());
    int queued = queue.size();
    if (unreliable && queued >= capacity / 2) {
      droppedUnreliable.incrementAndGet();
      stats.droppedSnapshots.increment();
      return;
    }
    if (!unreliable && queued >= capacity - 1) {
      stats.tooSlow.increment();
      offer(
          Envelope.newBuilder()
              .setDisconnect(
                  Disconnect.newBuilder()
                      .setReason(Disconnect.Reason.REASON_TOO_SLOW)
                      .setDetail(
                          "the client did not read " + capacity + " queued messages in time"))
              .build());
      close();
      return;
    }
    offer(envelope);
  }

  private void offer(Envelope envelope) {
    QueueOfferResult result =
        queue.offer(BinaryMessage.create(ByteString.fromArrayUnsafe(codec.encode(envelope))));
    if (result != QueueOfferResult.enqueued()) {
      stats.droppedSnapshots.increment();
    }
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      queue.complete();
    }
  }

  long droppedUnreliable() {
    return droppedUnreliable.get();
  }
}
