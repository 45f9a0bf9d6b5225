package org.bluemarble.edge.udp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.bluemarble.protocol.v1.Disconnect;
import org.bluemarble.protocol.v1.Envelope;
import org.bluemarble.protocol.v1.InputAck;
import org.bluemarble.protocol.v1.Snapshot;
import org.junit.jupiter.api.Test;

class UdpOutboundTest {
  private static final InetSocketAddress A = new InetSocketAddress("127.0.0.1", 40001);
  private static final InetSocketAddress B = new InetSocketAddress("127.0.0.1", 40002);

  private final AtomicInteger wakes = new AtomicInteger();
  private final UdpOutbound outbound = new UdpOutbound(16, wakes::incrementAndGet);
  private final List<String> sent = new ArrayList<>();
  private final UdpOutbound.Sink sink =
      new UdpOutbound.Sink() {
        @Override
        public void send(InetSocketAddress to, Envelope e) {
          sent.add(
              to.getPort()
                  + ":"
                  + switch (e.getMessageCase()) {
                    case SNAPSHOT -> "snap" + e.getSnapshot().getSnapshotId();
                    case INPUT_ACK -> "ack" + e.getInputAck().getSequence();
                    case DISCONNECT -> e.getDisconnect().getReason().name();
                    default -> e.getMessageCase().name();
                  });
        }

        @Override
        public void close(InetSocketAddress to) {
          sent.add(to.getPort() + ":close");
        }
      };

  private static Envelope snapshot(int id) {
    return Envelope.newBuilder().setSnapshot(Snapshot.newBuilder().setSnapshotId(id)).build();
  }

  private static Envelope ack(int sequence) {
    return Envelope.newBuilder().setInputAck(InputAck.newBuilder().setSequence(sequence)).build();
  }

  @Test
  void onlyTheNewestQueuedSnapshotOfAConnectionGoesOutAndReliableOnesKeepTheirOrder() {
    UdpOutbound.Connection a = outbound.connection(A);
    UdpOutbound.Connection b = outbound.connection(B);
    a.send(snapshot(1));
    a.send(ack(1));
    b.send(snapshot(7));
    a.send(snapshot(2));
    a.send(ack(2));
    a.send(snapshot(3));
    outbound.drain(sink);
    assertThat(sent).containsExactly("40001:ack1", "40002:snap7", "40001:ack2", "40001:snap3");
    assertThat(outbound.supersededSnapshots()).isEqualTo(2);
    assertThat(a.queued()).isZero();
    a.send(snapshot(4));
    outbound.drain(sink);
    assertThat(sent).endsWith("40001:snap4");
  }

  @Test
  void aSlowConnectionLosesSnapshotsCountedAndIsClosedRatherThanLoseAReliableMessage() {
    UdpOutbound.Connection a = outbound.connection(A);
    for (int i = 1; i <= 8; i++) {
      a.send(ack(i));
    }
    // Half of the 16 slots wait: snapshots are dropped and counted, reliable messages still queue.
    a.send(snapshot(1));
    a.send(snapshot(2));
    assertThat(outbound.droppedSnapshots()).isEqualTo(2);
    for (int i = 9; i <= 15; i++) {
      a.send(ack(i));
    }
    assertThat(a.queued()).isEqualTo(15);
    // The 16th reliable message finds the queue full but for one slot: Disconnect, then close.
    a.send(ack(16));
    a.send(ack(17));
    assertThat(outbound.tooSlow()).isEqualTo(1);
    outbound.drain(sink);
    assertThat(sent).hasSize(17);
    assertThat(sent.subList(0, 15)).allMatch(s -> s.startsWith("40001:ack"));
    assertThat(sent.get(15)).isEqualTo("40001:" + Disconnect.Reason.REASON_TOO_SLOW.name());
    assertThat(sent.get(16)).isEqualTo("40001:close");
    assertThat(sent).doesNotContain("40001:ack16", "40001:ack17");
  }

  @Test
  void wakesTheIoThreadOncePerBatch() {
    UdpOutbound.Connection a = outbound.connection(A);
    a.send(ack(1));
    a.send(ack(2));
    a.send(snapshot(1));
    assertThat(wakes).hasValue(1);
    outbound.drain(sink);
    a.send(ack(3));
    assertThat(wakes).hasValue(2);
    a.close();
    a.close();
    a.send(ack(4));
    outbound.drain(sink);
    assertThat(sent).endsWith("40001:ack3", "40001:close");
  }
}
