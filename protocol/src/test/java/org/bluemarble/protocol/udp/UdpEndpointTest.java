package org.bluemarble.protocol.udp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class UdpEndpointTest {

  @Test
  void handshakeConnectsBothSidesAndCarriesPayloadsBothWays() {
    UdpTestRig rig = new UdpTestRig();
    UdpClientEndpoint client = rig.connected("p1");
    assertThat(client.state()).isEqualTo(UdpClientEndpoint.State.CONNECTED);
    assertThat(rig.serverEvents).containsExactly(new UdpEvent.Connected(UdpTestRig.CLIENT, "p1"));
    assertThat(rig.clientEvents).hasSize(1).first().isInstanceOf(UdpEvent.Connected.class);

    client.send("up".getBytes(StandardCharsets.UTF_8), rig.now, rig.clientOut);
    rig.server.send(
        UdpTestRig.CLIENT, "down".getBytes(StandardCharsets.UTF_8), rig.now, rig.serverOut);
    rig.pump(client);
    assertThat(payloads(rig.serverEvents)).containsExactly("up");
    assertThat(payloads(rig.clientEvents)).containsExactly("down");
    assertThat(rig.server.drops()).isEmpty();
  }

  @Test
  void tokenRoundTripsThroughItsBytes() {
    UdpTestRig rig = new UdpTestRig();
    ConnectToken token = rig.token("player-7");
    ConnectToken parsed = ConnectToken.fromBytes(token.toBytes());
    assertThat(parsed.toBytes()).isEqualTo(token.toBytes());
    assertThat(parsed.serverAddress()).isEqualTo(UdpTestRig.SERVER_ADDRESS);
  }

  @Test
  void modifiedPacketIsDroppedAndCounted() {
    UdpTestRig rig = new UdpTestRig();
    UdpClientEndpoint client = rig.connected("p1");
    client.send(new byte[] {1, 2, 3}, rig.now, rig.clientOut);
    byte[] packet = rig.clientOut.drainDatagrams().get(0).bytes();
    for (int i = 0; i < packet.length; i++) {
      byte[] forged = packet.clone();
      forged[i] ^= 0x10;
      rig.server.receive(forged, forged.length, UdpTestRig.CLIENT, rig.now, rig.serverOut);
    }
    assertThat(payloads(rig.serverOut.drainEvents())).isEmpty();
    assertThat(
            rig.server.dropped(DropReason.AUTH_FAILED)
                + rig.server.dropped(DropReason.UNKNOWN_TYPE)
                + rig.server.dropped(DropReason.REPLAYED)
                + rig.server.dropped(DropReason.NOT_CONNECTED))
        .isEqualTo(packet.length);
    rig.server.receive(packet, packet.length, UdpTestRig.CLIENT, rig.now, rig.serverOut);
    assertThat(payloads(rig.serverOut.drainEvents())).hasSize(1);
  }

  @Test
  void replayedPacketIsDropped() {
    UdpTestRig rig = new UdpTestRig();
    UdpClientEndpoint client = rig.connected("p1");
    client.send(new byte[] {9}, rig.now, rig.clientOut);
    byte[] packet = rig.clientOut.drainDatagrams().get(0).bytes();
    rig.server.receive(packet, packet.length, UdpTestRig.CLIENT, rig.now, rig.serverOut);
    rig.server.receive(packet, packet.length, UdpTestRig.CLIENT, rig.now, rig.serverOut);
    assertThat(payloads(rig.serverOut.drainEvents())).hasSize(1);
    assertThat(rig.server.dropped(DropReason.REPLAYED)).isEqualTo(1);
  }

  @Test
  void expiredTokenIsRejected() {
    UdpTestRig rig = new UdpTestRig();
    UdpClientEndpoint client = rig.client(rig.token("p1"));
    rig.now += 31_000;
    client.connect(rig.now, rig.clientOut);
    rig.pump(client);
    assertThat(client.state()).isEqualTo(UdpClientEndpoint.State.REQUESTING);
    assertThat(rig.server.dropped(DropReason.TOKEN_EXPIRED)).isEqualTo(1);
    assertThat(rig.serverToClientLog).isEmpty();
    client.update(rig.now + 1, rig.clientOut);
    assertThat(client.state()).isEqualTo(UdpClientEndpoint.State.DISCONNECTED);
    assertThat(client.disconnectReason()).isEqualTo(UdpEvent.Reason.TOKEN_EXPIRED);
  }

  @Test
  void tokenForAnotherServerIsRejected() {
    UdpTestRig rig = new UdpTestRig();
    ConnectToken other = rig.issuer.issue("p1", "10.0.0.9:7777", rig.now, 30_000, 5_000);
    UdpClientEndpoint client = rig.client(other);
    client.connect(rig.now, rig.clientOut);
    rig.pump(client);
    assertThat(rig.server.dropped(DropReason.WRONG_SERVER)).isEqualTo(1);
    assertThat(rig.server.connectedCount()).isZero();
  }

  @Test
  void tokenSealedWithAnotherKeyIsRejected() {
    UdpTestRig rig = new UdpTestRig();
    ConnectTokenIssuer stranger =
        new ConnectTokenIssuer(UdpTestRig.PROTOCOL_ID, ConnectTokenIssuer.generateKey());
    UdpClientEndpoint client =
        rig.client(stranger.issue("p1", UdpTestRig.SERVER_ADDRESS, rig.now, 30_000, 5_000));
    client.connect(rig.now, rig.clientOut);
    rig.pump(client);
    assertThat(rig.server.dropped(DropReason.TOKEN_INVALID)).isEqualTo(1);
  }

  @Test
  void silentClientTimesOutOnTheServer() {
    UdpTestRig rig = new UdpTestRig();
    rig.connected("p1");
    rig.server.update(rig.now + 5_001, rig.serverOut);
    assertThat(rig.serverOut.drainEvents())
        .containsExactly(
            new UdpEvent.Disconnected(UdpTestRig.CLIENT, "p1", UdpEvent.Reason.TIMED_OUT));
    assertThat(rig.server.connectedCount()).isZero();
  }

  @Test
  void clientDisconnectReachesTheServer() {
    UdpTestRig rig = new UdpTestRig();
    UdpClientEndpoint client = rig.connected("p1");
    client.disconnect(rig.now, rig.clientOut);
    rig.pump(client);
    assertThat(rig.serverEvents)
        .contains(
            new UdpEvent.Disconnected(UdpTestRig.CLIENT, "p1", UdpEvent.Reason.PEER_DISCONNECTED));
  }

  @Test
  void aTokenOpensOnlyOneConnectionEvenAfterItEnded() {
    UdpTestRig rig = new UdpTestRig();
    ConnectToken token = rig.token("p1");
    UdpClientEndpoint first = rig.client(token);
    first.connect(rig.now, rig.clientOut);
    rig.pump(first);
    first.disconnect(rig.now, rig.clientOut);
    rig.pump(first);
    byte[] replayedRequest = UdpWire.request(token);
    rig.server.receive(
        replayedRequest, replayedRequest.length, UdpTestRig.CLIENT, rig.now, rig.serverOut);
    assertThat(rig.serverOut.drainDatagrams()).isEmpty();
    assertThat(rig.server.dropped(DropReason.TOKEN_REUSED)).isEqualTo(1);
    assertThat(rig.connected("p1").state()).isEqualTo(UdpClientEndpoint.State.CONNECTED);
  }

  @Test
  void replayWindowRejectsDuplicatesAndSequencesOlderThanTheWindow() {
    ReplayWindow window = new ReplayWindow();
    window.markReceived(1000);
    assertThat(window.isAcceptable(1000)).isFalse();
    assertThat(window.isAcceptable(999)).isTrue();
    assertThat(window.isAcceptable(1000 - ReplayWindow.SIZE)).isFalse();
    assertThat(window.isAcceptable(1000 - ReplayWindow.SIZE + 1)).isTrue();
    assertThat(window.isAcceptable(5000)).isTrue();
  }

  private static List<String> payloads(List<UdpEvent> events) {
    return events.stream()
        .filter(UdpEvent.Payload.class::isInstance)
        .map(e -> new String(((UdpEvent.Payload) e).data(), StandardCharsets.UTF_8))
        .toList();
  }
}
