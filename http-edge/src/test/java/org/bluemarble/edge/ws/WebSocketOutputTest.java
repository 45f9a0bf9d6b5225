package org.bluemarble.edge.ws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.model.ws.Message;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.BoundedSourceQueue;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.stream.testkit.TestSubscriber;
import org.apache.pekko.stream.testkit.javadsl.TestSink;
import org.bluemarble.protocol.ProtocolCodec;
import org.bluemarble.protocol.v1.Disconnect;
import org.bluemarble.protocol.v1.Envelope;
import org.bluemarble.protocol.v1.InputAck;
import org.bluemarble.protocol.v1.Snapshot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class WebSocketOutputTest {
  private static ActorTestKit testKit;
  private static ActorSystem<Void> system;

  @BeforeAll
  static void start() {
    testKit = ActorTestKit.create("ws-output-test");
    system = testKit.system();
  }

  @AfterAll
  static void stop() {
    testKit.shutdownTestKit();
  }

  private static Envelope ack(int seq) {
    return Envelope.newBuilder().setInputAck(InputAck.newBuilder().setSequence(seq)).build();
  }

  private static Envelope snapshot(int id) {
    return Envelope.newBuilder().setSnapshot(Snapshot.newBuilder().setSnapshotId(id)).build();
  }

  private static Envelope parse(Message m) throws Exception {
    return Envelope.parseFrom(m.asBinaryMessage().getStrictData().toArray());
  }

  @Test
  void snapshotsAreDroppedFirstAndAClientTooSlowForReliableMessagesIsDisconnected()
      throws Exception {
    int capacity = 8;
    // A consumer that reads nothing until asked: the queue fills exactly as with a stalled client.
    Pair<BoundedSourceQueue<Message>, TestSubscriber.Probe<Message>> q =
        Source.<Message>queue(capacity)
            .toMat(TestSink.create(system), Keep.both())
            .run(Materializer.matFromSystem(system));
    WebSocketStats stats = new WebSocketStats();
    WebSocketOutput out = new WebSocketOutput(q.first(), capacity, new ProtocolCodec(), stats);
    out.send(snapshot(1));
    for (int i = 1; i <= 5; i++) {
      out.send(ack(i));
    }
    out.send(snapshot(2)); // more than half full: the snapshot gives way
    for (int i = 6; i <= 40; i++) {
      out.send(ack(i)); // when one slot is left the Disconnect takes it and nothing follows
    }
    q.second().request(100);
    List<Envelope> sent = new ArrayList<>();
    for (int i = 0; i < capacity; i++) {
      sent.add(parse(q.second().expectNext()));
    }
    q.second().expectComplete();
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
}
