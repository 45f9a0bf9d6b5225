package org.bluemarble.protocol.udp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Handshake budgets and stale tokens of {@link UdpServerEndpoint} (issue 16 items 5 and 24). */
class UdpHandshakeLimitsTest {

  private static final long PROTOCOL_ID = UdpTestRig.PROTOCOL_ID;
  private static final String ADDRESS = UdpTestRig.SERVER_ADDRESS;
  private static final InetSocketAddress SERVER = UdpTestRig.SERVER;

  private final byte[] key = ConnectTokenIssuer.generateKey();
  private final ConnectTokenIssuer issuer = new ConnectTokenIssuer(PROTOCOL_ID, key);
  private final UdpOutput serverOut = new UdpOutput();
  private final long now = 1_000_000;
  // Server datagrams for other addresses than the handshake being run.
  private final List<UdpOutput.Datagram> parked = new ArrayList<>();

  private UdpServerEndpoint server(ConnectTokenIssuer tokens, int maxConnections, int maxPending) {
    return new UdpServerEndpoint(
        new UdpServerEndpoint.Settings(
            tokens, ADDRESS, maxConnections, maxPending, new SecureRandom()));
  }

  private static InetSocketAddress from(int port) {
    return new InetSocketAddress("127.0.0.1", port);
  }

  /** Sends the connection request of {@code token} from {@code address}; nothing answers. */
  private UdpClientEndpoint request(
      UdpServerEndpoint server, ConnectToken token, InetSocketAddress address) {
    UdpClientEndpoint client = new UdpClientEndpoint(token, SERVER, "c");
    UdpOutput clientOut = new UdpOutput();
    client.connect(now, clientOut);
    for (UdpOutput.Datagram d : clientOut.drainDatagrams()) {
      server.receive(d.bytes(), d.bytes().length, address, now, serverOut);
    }
    return client;
  }

  /** Runs a whole handshake from {@code address}; true when the server reports it connected. */
  private boolean handshake(
      UdpServerEndpoint server, UdpClientEndpoint client, InetSocketAddress address) {
    UdpOutput clientOut = new UdpOutput();
    for (int round = 0; round < 5; round++) {
      parked.addAll(serverOut.drainDatagrams());
      for (Iterator<UdpOutput.Datagram> it = parked.iterator(); it.hasNext(); ) {
        UdpOutput.Datagram d = it.next();
        if (d.to().equals(address)) {
          it.remove();
          client.receive(d.bytes(), d.bytes().length, now, clientOut);
        }
      }
      for (UdpOutput.Datagram d : clientOut.drainDatagrams()) {
        server.receive(d.bytes(), d.bytes().length, address, now, serverOut);
      }
    }
    List<UdpEvent> events = serverOut.drainEvents();
    return events.stream()
        .anyMatch(e -> e instanceof UdpEvent.Connected c && c.address().equals(address));
  }

  private ConnectToken token(String player) {
    return issuer.issue(player, ADDRESS, now, 30_000, 10_000);
  }

  @Test
  void pendingHandshakesHaveTheirOwnBudgetAndNeverTakeAPlayersSlot() {
    UdpServerEndpoint server = server(issuer, 2, 3);
    for (int i = 0; i < 3; i++) {
      request(server, token("idle-" + i), from(40_000 + i));
    }
    assertThat(server.pendingCount()).isEqualTo(3);
    request(server, token("idle-3"), from(40_003));
    assertThat(server.dropped(DropReason.HANDSHAKES_FULL)).isEqualTo(1);
    assertThat(server.pendingCount()).isEqualTo(3);
    serverOut.drainDatagrams();
    parked.clear();

    // Three pending handshakes, and still both connection slots are free for players.
    UdpServerEndpoint roomy = server(issuer, 2, 10);
    for (int i = 0; i < 3; i++) {
      request(roomy, token("idle-" + i), from(40_000 + i));
    }
    serverOut.drainDatagrams();
    assertThat(handshake(roomy, request(roomy, token("p1"), from(50_001)), from(50_001))).isTrue();
    assertThat(handshake(roomy, request(roomy, token("p2"), from(50_002)), from(50_002))).isTrue();
    assertThat(roomy.connectedCount()).isEqualTo(2);
    assertThat(roomy.dropped(DropReason.SERVER_FULL)).isZero();
    parked.clear();
    request(roomy, token("p3"), from(50_003));
    assertThat(roomy.dropped(DropReason.SERVER_FULL)).isEqualTo(1);
  }

  @Test
  void aNewHandshakeOfAPlayerReplacesItsPendingOne() {
    UdpServerEndpoint server = server(issuer, 10, 10);
    UdpClientEndpoint older = request(server, token("p1"), from(41_000));
    UdpClientEndpoint newer = request(server, token("p1"), from(41_001));
    assertThat(server.pendingCount()).isEqualTo(1);
    assertThat(handshake(server, older, from(41_000))).isFalse();
    assertThat(server.dropped(DropReason.NOT_CONNECTED)).isPositive();
    assertThat(handshake(server, newer, from(41_001))).isTrue();
    assertThat(server.pendingCount()).isZero();
    assertThat(server.connectedCount()).isEqualTo(1);
  }

  @Test
  void aHandshakeThatNeverCompletesEndsAfterTheHandshakeTimeout() {
    UdpServerEndpoint server = server(issuer, 10, 10);
    request(server, token("p1"), from(42_000));
    server.update(now + UdpServerEndpoint.HANDSHAKE_TIMEOUT_MS, serverOut);
    assertThat(server.pendingCount()).isEqualTo(1);
    server.update(now + UdpServerEndpoint.HANDSHAKE_TIMEOUT_MS + 1, serverOut);
    assertThat(server.pendingCount()).isZero();
  }

  @Test
  void aRequestCapturedBeforeARestartOpensNoConnectionAfterIt() {
    UdpServerEndpoint before = server(issuer, 10, 10);
    ConnectToken token = token("p1");
    assertThat(handshake(before, request(before, token, from(43_000)), from(43_000))).isTrue();
    byte[] captured = UdpWire.request(token);

    // The node restarts: same server key, a new issuer and endpoint, an empty spent-token memory.
    ConnectTokenIssuer restarted = new ConnectTokenIssuer(PROTOCOL_ID, key);
    UdpServerEndpoint after = server(restarted, 10, 10);
    after.receive(captured, captured.length, from(43_001), now, serverOut);
    assertThat(serverOut.drainDatagrams()).isEmpty();
    assertThat(after.dropped(DropReason.TOKEN_STALE)).isEqualTo(1);
    assertThat(after.pendingCount()).isZero();

    parked.clear();
    ConnectToken fresh = restarted.issue("p1", ADDRESS, now, 30_000, 10_000);
    assertThat(handshake(after, request(after, fresh, from(43_002)), from(43_002))).isTrue();
  }
}
