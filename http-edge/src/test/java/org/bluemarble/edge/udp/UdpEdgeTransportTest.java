package org.bluemarble.edge.udp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.netty.channel.epoll.Epoll;
import java.io.IOException;
import java.net.DatagramSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.bluemarble.edge.port.PlayPort;
import org.bluemarble.edge.port.Presence;
import org.bluemarble.edge.port.WorldListener;
import org.bluemarble.edge.session.SessionDeps;
import org.bluemarble.edge.session.UdpTokens;
import org.bluemarble.protocol.client.BlueMarbleClient;
import org.bluemarble.protocol.client.ClientIoLoop;
import org.bluemarble.protocol.client.ClientListener;
import org.bluemarble.protocol.client.UdpClientTransport;
import org.bluemarble.protocol.udp.ConnectToken;
import org.bluemarble.protocol.udp.ConnectTokenIssuer;
import org.bluemarble.protocol.v1.Pong;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The UDP edge on both of its datagram transports (native epoll with recvmmsg/sendmmsg, and the NIO
 * fallback): a client completes the handshake and a session, and a burst of requests from many
 * clients at once is answered in full (the batched reads and writes lose nothing).
 */
class UdpEdgeTransportTest {

  private static final long PROTOCOL_ID = 0x424d_5445_5354L;
  private static final int CLIENTS = 20;
  private static final int PINGS = 25;

  private final PlayPort play =
      new PlayPort() {
        @Override
        public CompletableFuture<List<String>> characters(String accountId) {
          return CompletableFuture.completedFuture(List.of("p-" + accountId));
        }

        @Override
        public CompletableFuture<Presence> enter(
            String accountId, String playerId, WorldListener listener) {
          return new CompletableFuture<>();
        }
      };

  @Test
  void epollAnswersABurstFromManyClients() throws Exception {
    Assumptions.assumeTrue(Epoll.isAvailable(), "native epoll is not available here");
    burst(true, UdpEdge.Transport.EPOLL);
  }

  @Test
  void theNioFallbackAnswersABurstFromManyClients() throws Exception {
    burst(false, UdpEdge.Transport.NIO);
  }

  private void burst(boolean epoll, UdpEdge.Transport expected) throws Exception {
    int port = freeUdpPort();
    String address = "127.0.0.1:" + port;
    ConnectTokenIssuer issuer =
        new ConnectTokenIssuer(PROTOCOL_ID, ConnectTokenIssuer.generateKey());
    UdpTokens tokens = new UdpTokens(issuer, address, 30_000, 10_000);
    SessionDeps deps = new SessionDeps(token -> token, play, tokens, "udp-test", 1_000, 3);
    List<BlueMarbleClient> clients = new ArrayList<>();
    try (UdpEdge edge = UdpEdge.start("127.0.0.1", port, CLIENTS, deps, epoll);
        ClientIoLoop loop = new ClientIoLoop("udp-edge-test")) {
      assertThat(edge.transport()).isEqualTo(expected);
      assertThat(edge.port()).isEqualTo(port);
      for (int i = 0; i < CLIENTS; i++) {
        String account = "acc" + i;
        ConnectToken token = tokens.issue(account, "p-" + account, System.currentTimeMillis());
        UdpClientTransport t =
            UdpClientTransport.open(token, "p-" + account, System.currentTimeMillis());
        loop.register(t);
        t.connected().get(20, TimeUnit.SECONDS);
        BlueMarbleClient c = new BlueMarbleClient(t, new ClientListener() {});
        clients.add(c);
        c.hello("udp-edge-test/1").get(20, TimeUnit.SECONDS);
        assertThat(c.authenticate(account).get(20, TimeUnit.SECONDS).getAccountId())
            .isEqualTo(account);
      }
      await().atMost(Duration.ofSeconds(20)).until(() -> edge.connections() == CLIENTS);
      List<CompletableFuture<Pong>> pongs = new ArrayList<>();
      for (int k = 0; k < PINGS; k++) {
        for (BlueMarbleClient c : clients) {
          pongs.add(c.ping());
        }
      }
      CompletableFuture.allOf(pongs.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
      assertThat(pongs).allMatch(p -> p.isDone() && !p.isCompletedExceptionally());
      assertThat(edge.datagramsIn()).isGreaterThanOrEqualTo((long) CLIENTS * PINGS);
      assertThat(edge.datagramsOut()).isGreaterThanOrEqualTo((long) CLIENTS * PINGS);
      assertThat(edge.flushes()).isPositive().isLessThanOrEqualTo(edge.datagramsOut());
    } finally {
      clients.forEach(BlueMarbleClient::close);
    }
  }

  private static int freeUdpPort() throws IOException {
    try (DatagramSocket s = new DatagramSocket(0)) {
      return s.getLocalPort();
    }
  }
}
