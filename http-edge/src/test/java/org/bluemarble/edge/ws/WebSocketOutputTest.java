package org.bluemarble.edge.ws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.bluemarble.protocol.ProtocolCodec;
import org.bluemarble.protocol.v1.Disconnect;
import org.bluemarble.protocol.v1.Envelope;
import org.bluemarble.protocol.v1.InputAck;
import org.bluemarble.protocol.v1.Snapshot;
import org.junit.jupiter.api.Test;

class WebSocketOutputTest {

  private static Envelope ack(int seq) {
    return Envelope.newBuilder().setInputAck(InputAck.newBuilder().setSequence(seq)).build();
  }

  private static Envelope snapshot(int id) {
    return Envelope.newBuilder().setSnapshot(Snapshot.newBuilder().setSnapshotId(id)).build();
  }

  @Test
  void snapshotsAreDroppedFirstAndAClientTooSlowForReliableMessagesIsDisconnected()
      throws Exception {
    int capacity = 8;
    // Nothing is taken until the end: the queue fills exactly as with a stalled client.
    WebSocketStats stats = new WebSocketStats();
    WebSocketOutput out = new WebSocketOutput(capacity, new ProtocolCodec(), stats);
    out.send(snapshot(1));
    for (int i = 1; i <= 5; i++) {
      out.send(ack(i));
    }
    out.send(snapshot(2)); // more than half full: the snapshot gives way
    for (int i = 6; i <= 40; i++) {
      out.send(ack(i)); // when one slot is left the Disconnect takes it and nothing follows
    }
    List<Envelope> sent = new ArrayList<>();
    Object item;
    while ((item = out.poll()) instanceof byte[] bytes) {
      sent.add(Envelope.parseFrom(bytes));
    }
    assertThat(item).isSameAs(WebSocketOutput.CLOSE);
    assertThat(out.poll()).isNull();
    assertThat(sent).hasSize(capacity);
    assertThat(sent.get(0).getSnapshot().getSnapshotId()).isEqualTo(1);
    assertThat(sent).noneMatch(e -> e.getSnapshot().getSnapshotId() == 2);
    List<Envelope> acks = sent.subList(1, sent.size() - 1);
    for (int i = 0; i < acks.size(); i++) {
      assertThat(acks.get(i).getInputAck().getSequence()).isEqualTo(i + 1);
    }
    assertThat(sent.get(sent.size() - 1).getDisconnect().getReason())
        .isEqualTo(Disconnect.Reason.REASON_TOO_SLOW);
    assertThat(stats.droppedSnapshots()).isEqualTo(1);
    assertThat(stats.tooSlow()).isEqualTo(1);
  }

  @Test
  void aSnapshotStillQueuedWhenANewerOneIsQueuedIsSkippedAndReliableOnesKeepTheirOrder()
      throws Exception {
    WebSocketStats stats = new WebSocketStats();
    WebSocketOutput out = new WebSocketOutput(64, new ProtocolCodec(), stats);
    out.send(snapshot(1));
    out.send(ack(1));
    out.send(snapshot(2));
    out.send(ack(2));
    out.send(snapshot(3));
    List<Envelope> sent = new ArrayList<>();
    Object item;
    while ((item = out.poll()) instanceof byte[] bytes) {
      sent.add(Envelope.parseFrom(bytes));
    }
    assertThat(item).isNull();
    assertThat(sent)
        .extracting(Envelope::getMessageCase)
        .containsExactly(
            Envelope.MessageCase.INPUT_ACK,
            Envelope.MessageCase.INPUT_ACK,
            Envelope.MessageCase.SNAPSHOT);
    assertThat(sent.get(0).getInputAck().getSequence()).isEqualTo(1);
    assertThat(sent.get(1).getInputAck().getSequence()).isEqualTo(2);
    assertThat(sent.get(2).getSnapshot().getSnapshotId()).isEqualTo(3);
    assertThat(stats.supersededSnapshots()).isEqualTo(2);
    assertThat(stats.droppedSnapshots()).as("superseded ones count as dropped").isEqualTo(2);
    assertThat(out.queued()).isZero();

    // Taken before the next one is queued: nothing is skipped.
    out.send(snapshot(4));
    assertThat(Envelope.parseFrom((byte[]) out.poll()).getSnapshot().getSnapshotId()).isEqualTo(4);
    out.send(snapshot(5));
    assertThat(Envelope.parseFrom((byte[]) out.poll()).getSnapshot().getSnapshotId()).isEqualTo(5);
    assertThat(stats.supersededSnapshots()).isEqualTo(2);
  }

  @Test
  void wakesTheStageOnlyWhenItFoundTheQueueEmpty() {
    AtomicInteger wakes = new AtomicInteger();
    WebSocketOutput out = new WebSocketOutput(64, new ProtocolCodec(), new WebSocketStats());
    out.onAvailable(wakes::incrementAndGet);
    out.send(ack(1));
    out.send(ack(2));
    assertThat(wakes).hasValue(1);
    assertThat(out.poll()).isInstanceOf(byte[].class);
    out.send(ack(3)); // the stage is still draining: no wake-up needed
    assertThat(wakes).hasValue(1);
    assertThat(out.poll()).isInstanceOf(byte[].class);
    assertThat(out.poll()).isInstanceOf(byte[].class);
    assertThat(out.poll()).isNull();
    out.send(ack(4));
    assertThat(wakes).hasValue(2);
    assertThat(out.queued()).isEqualTo(1);
  }
}
