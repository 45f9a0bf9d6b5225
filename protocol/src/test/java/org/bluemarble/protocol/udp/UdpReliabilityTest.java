package org.bluemarble.protocol.udp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bluemarble.protocol.ProtocolCodec;
import org.bluemarble.protocol.v1.Disconnect;
import org.bluemarble.protocol.v1.Envelope;
import org.bluemarble.protocol.v1.MovementInput;
import org.bluemarble.protocol.v1.ServerNotice;
import org.bluemarble.protocol.v1.Snapshot;
import org.junit.jupiter.api.Test;

/**
 * The server's UDP sessions and a client over a seeded link with 10 % loss and 20-80 ms latency (so
 * datagrams overtake each other), on a simulated clock: a game's traffic of one reliable message
 * and one snapshot per 50 ms tick each way. Counts ticks, never wall-clock time.
 */
class UdpReliabilityTest {
  private static final long STEP_MS = 5;
  private static final long TICK_MS = 50;
  private static final int TICKS = 400;

  /** The server side and one client, wired through two lossy links. */
  private static final class Game {
    final UdpTestRig rig = new UdpTestRig();
    final ProtocolCodec codec = new ProtocolCodec();
    final UdpServerSessions server = new UdpServerSessions(rig.server, codec);
    final UdpClientEndpoint client = rig.client(rig.token("p1"));
    final ReliableChannel clientReliable = new ReliableChannel();
    final Random random = new Random(42);
    final SimulatedLink up = new SimulatedLink(random, 0.10);
    final SimulatedLink down = new SimulatedLink(random, 0.10);
    final List<Envelope> clientGot = new ArrayList<>();
    final List<Envelope> serverGot = new ArrayList<>();
    boolean clientDisconnected;
    long now = rig.now;

    void step() {
      now += STEP_MS;
      for (byte[] d : up.arrivals(now)) {
        server.receive(d, d.length, UdpTestRig.CLIENT, now);
      }
      server.drainReceived().forEach(r -> serverGot.add(r.envelope()));
      server.update(now);
      for (UdpOutput.Datagram d : server.drainDatagrams()) {
        down.send(d.bytes(), now);
      }
      for (byte[] d : down.arrivals(now)) {
        client.receive(d, d.length, now, rig.clientOut);
      }
      for (UdpEvent e : rig.clientOut.drainEvents()) {
        if (e instanceof UdpEvent.Payload p) {
          onClientPayload(p.data());
        } else if (e instanceof UdpEvent.Disconnected) {
          clientDisconnected = true;
        }
      }
      if (client.state() == UdpClientEndpoint.State.CONNECTED) {
        for (byte[] packet : clientReliable.pollPackets(now)) {
          client.send(packet, now, rig.clientOut);
        }
      }
      client.update(now, rig.clientOut);
      for (UdpOutput.Datagram d : rig.clientOut.drainDatagrams()) {
        up.send(d.bytes(), now);
      }
    }

    private void onClientPayload(byte[] payload) {
      byte channel = Channels.channelOf(payload);
      if (channel == Channels.RELIABLE) {
        clientReliable.onPacket(payload, 0, payload.length, now);
        clientReliable.pollReceived().forEach(m -> clientGot.add(codec.decode(m)));
      } else if (channel == Channels.ACKED_UNRELIABLE) {
        clientGot.add(codec.decode(clientReliable.onAckedUnreliable(payload, now)));
      } else {
        clientGot.add(codec.decode(Channels.unreliableMessage(payload)));
      }
    }

    void connect() {
      client.connect(now, rig.clientOut);
      for (int i = 0; i < 400 && server.endpoint().connectedCount() == 0; i++) {
        for (UdpOutput.Datagram d : rig.clientOut.drainDatagrams()) {
          up.send(d.bytes(), now);
        }
        step();
      }
      assertThat(server.drainEvents()).hasSize(1);
    }

    void clientSends(Envelope e) {
      byte[] bytes = codec.encode(e);
      if (e.hasSnapshot()) {
        client.send(clientReliable.unreliable(bytes), now, rig.clientOut);
      } else {
        clientReliable.send(bytes);
      }
    }
  }

  private static Envelope notice(int n) {
    return Envelope.newBuilder()
        .setServerNotice(ServerNotice.newBuilder().setText("n" + n))
        .build();
  }

  private static Envelope snapshot(int tick) {
    return Envelope.newBuilder()
        .setSnapshot(Snapshot.newBuilder().setSnapshotId(tick).setServerTick(tick))
        .build();
  }

  private static Envelope input(int n) {
    return Envelope.newBuilder()
        .setMovementInput(MovementInput.newBuilder().setSequence(n))
        .build();
  }

  @Test
  void reliableMessagesArriveInOrderAndAreAcknowledgedWithinAFewTicksDespiteLoss() {
    Game g = new Game();
    g.connect();
    for (int tick = 1; tick <= TICKS; tick++) {
      assertThat(g.server.send(UdpTestRig.CLIENT, notice(tick), g.now)).isTrue();
      g.server.send(UdpTestRig.CLIENT, snapshot(tick), g.now);
      g.clientSends(input(tick));
      for (long t = 0; t < TICK_MS; t += STEP_MS) {
        g.step();
      }
    }
    for (int i = 0; i < 400; i++) {
      g.step();
    }
    List<String> notices =
        g.clientGot.stream()
            .filter(Envelope::hasServerNotice)
            .map(e -> e.getServerNotice().getText())
            .toList();
    List<Integer> inputs =
        g.serverGot.stream()
            .filter(Envelope::hasMovementInput)
            .map(e -> e.getMovementInput().getSequence())
            .toList();
    assertThat(notices).hasSize(TICKS);
    assertThat(inputs).hasSize(TICKS);
    for (int i = 0; i < TICKS; i++) {
      assertThat(notices.get(i)).isEqualTo("n" + (i + 1));
      assertThat(inputs.get(i)).isEqualTo(i + 1);
    }
    assertThat(g.down.dropped).isPositive();
    assertThat(g.up.dropped).isPositive();
    ReliableChannel serverSide = g.server.reliableChannelOf(UdpTestRig.CLIENT);
    ReliableChannel clientSide = g.clientReliable;
    System.out.printf(
        "UDP 10%% loss, %d ticks: server→client ack mean %.1f ms max %d ms (%d resends),"
            + " client→server ack mean %.1f ms max %d ms;"
            + " acks piggybacked server %d / ack-only %d, client %d / ack-only %d%n",
        TICKS,
        serverSide.meanAckDelayMs(),
        serverSide.maxAckDelayMs(),
        serverSide.resends(),
        clientSide.meanAckDelayMs(),
        clientSide.maxAckDelayMs(),
        serverSide.acksPiggybacked(),
        serverSide.ackOnlyPackets(),
        clientSide.acksPiggybacked(),
        clientSide.ackOnlyPackets());
    // Round trips are 40-160 ms on this link plus up to ACK_DELAY_MS: on average an ack comes back
    // within 3 ticks, and even a fragment lost twice within 12.
    assertThat(serverSide.fragmentsAcked()).isEqualTo(TICKS);
    assertThat(serverSide.meanAckDelayMs()).isLessThan(3.0 * TICK_MS);
    assertThat(serverSide.maxAckDelayMs()).isLessThan(12 * TICK_MS);
    assertThat(clientSide.meanAckDelayMs()).isLessThan(3.0 * TICK_MS);
    assertThat(clientSide.maxAckDelayMs()).isLessThan(12 * TICK_MS);
    // Both sides send something every tick, so most acks ride along: fewer ack-only packets than
    // half the reliable messages received (before piggybacking, nearly one per message).
    assertThat(serverSide.ackOnlyPackets()).isLessThan(TICKS / 2);
    assertThat(clientSide.ackOnlyPackets()).isLessThan(TICKS / 2);
  }

  @Test
  void aClosingConnectionDeliversItsReliableDisconnectBeforeTheDisconnectPacket() {
    Game g = new Game();
    g.connect();
    Envelope bye =
        Envelope.newBuilder()
            .setDisconnect(
                Disconnect.newBuilder()
                    .setReason(Disconnect.Reason.REASON_PROTOCOL_VIOLATION)
                    .setDetail("account banned"))
            .build();
    g.server.send(UdpTestRig.CLIENT, notice(1), g.now);
    g.server.send(UdpTestRig.CLIENT, bye, g.now);
    g.server.close(UdpTestRig.CLIENT, g.now);
    assertThat(g.server.send(UdpTestRig.CLIENT, notice(2), g.now)).isFalse();
    for (int i = 0; i < 1_000 && !g.clientDisconnected; i++) {
      g.step();
    }
    assertThat(g.clientDisconnected).isTrue();
    assertThat(g.clientGot).containsExactly(notice(1), bye);
    assertThat(g.server.drainEvents())
        .containsExactly(
            new UdpEvent.Disconnected(UdpTestRig.CLIENT, "p1", UdpEvent.Reason.CLOSED_LOCALLY));
  }
}
