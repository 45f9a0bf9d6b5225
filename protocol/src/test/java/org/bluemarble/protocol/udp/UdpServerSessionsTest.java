package org.bluemarble.protocol.udp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.bluemarble.protocol.ProtocolCodec;
import org.bluemarble.protocol.v1.Envelope;
import org.bluemarble.protocol.v1.ServerNotice;
import org.junit.jupiter.api.Test;

class UdpServerSessionsTest {

  /** Connects a client to {@code sessions} over the rig's hand-pumped network. */
  private static UdpClientEndpoint connect(UdpTestRig rig, UdpServerSessions sessions) {
    UdpClientEndpoint client = rig.client(rig.token("p1"));
    client.connect(rig.now, rig.clientOut);
    pump(rig, sessions, client);
    assertThat(sessions.drainEvents()).hasSize(1).first().isInstanceOf(UdpEvent.Connected.class);
    return client;
  }

  private static void pump(UdpTestRig rig, UdpServerSessions sessions, UdpClientEndpoint client) {
    for (int round = 0; round < 5; round++) {
      for (UdpOutput.Datagram d : rig.clientOut.drainDatagrams()) {
        sessions.receive(d.bytes(), d.bytes().length, UdpTestRig.CLIENT, rig.now);
      }
      for (UdpOutput.Datagram d : sessions.drainDatagrams()) {
        client.receive(d.bytes(), d.bytes().length, rig.now, rig.clientOut);
      }
    }
  }

  @Test
  void disconnectsAndCountsAPeerWhoseFragmentAnnouncesAnUnboundedMessage() {
    UdpTestRig rig = new UdpTestRig();
    UdpServerSessions sessions = new UdpServerSessions(rig.server, new ProtocolCodec());
    UdpClientEndpoint client = connect(rig, sessions);
    byte[] hostile =
        ReliablePacket.encode(
            0, -1, 0, List.of(new ReliablePacket.Fragment(0, 0, 65_535, new byte[1_000])));
    client.send(hostile, rig.now, rig.clientOut);
    pump(rig, sessions, client);
    assertThat(rig.server.dropped(DropReason.BAD_RELIABLE_PACKET)).isEqualTo(1);
    assertThat(sessions.protocolErrors()).isEqualTo(1);
    assertThat(sessions.drainEvents())
        .containsExactly(
            new UdpEvent.Disconnected(UdpTestRig.CLIENT, "p1", UdpEvent.Reason.CLOSED_LOCALLY));
  }

  @Test
  void disconnectsAClientThatCannotKeepUpWithReliableMessages() {
    UdpTestRig rig = new UdpTestRig();
    UdpServerSessions sessions = new UdpServerSessions(rig.server, new ProtocolCodec());
    connect(rig, sessions);
    Envelope notice =
        Envelope.newBuilder()
            .setServerNotice(ServerNotice.newBuilder().setText("x".repeat(900)))
            .build();
    boolean accepted = true;
    int sent = 0;
    while (accepted && sent < 10_000) {
      accepted = sessions.send(UdpTestRig.CLIENT, notice, rig.now);
      sent++;
    }
    assertThat(accepted).isFalse();
    assertThat(sent).isGreaterThan(UdpServerSessions.MAX_QUEUED_FRAGMENTS);
    assertThat(sessions.tooSlow()).isEqualTo(1);
    assertThat(sessions.drainEvents())
        .containsExactly(
            new UdpEvent.Disconnected(UdpTestRig.CLIENT, "p1", UdpEvent.Reason.CLOSED_LOCALLY));
  }
}
