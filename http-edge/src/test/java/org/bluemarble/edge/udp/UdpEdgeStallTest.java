package org.bluemarble.edge.udp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.netty.channel.epoll.Epoll;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.bluemarble.edge.port.PlayPort;
import org.bluemarble.edge.port.Presence;
import org.bluemarble.edge.port.WorldListener;
import org.bluemarble.edge.session.SessionDeps;
import org.bluemarble.edge.session.UdpTokens;
import org.bluemarble.protocol.udp.ConnectTokenIssuer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The UDP edge keeps reading after a stall that filled its socket's receive queue. */
class UdpEdgeStallTest {

  private final PlayPort play =
      new PlayPort() {
        @Override
        public CompletableFuture<List<String>> characters(String accountId) {
          return CompletableFuture.completedFuture(List.of());
        }

        @Override
        public CompletableFuture<Presence> enter(
            String accountId, String playerId, WorldListener listener) {
          return new CompletableFuture<>();
        }
      };

  @ParameterizedTest(name = "epoll {0}")
  @ValueSource(booleans = {true, false})
  void readsOnAfterAStallThatFilledTheReceiveQueue(boolean epoll) throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(!epoll || Epoll.isAvailable());
    int port;
    try (DatagramSocket s = new DatagramSocket(0)) {
      port = s.getLocalPort();
    }
    ConnectTokenIssuer issuer = new ConnectTokenIssuer(7, ConnectTokenIssuer.generateKey());
    UdpTokens tokens = new UdpTokens(issuer, "127.0.0.1:" + port, 30_000, 10_000);
    SessionDeps deps = new SessionDeps(token -> token, play, tokens, "stall-test", 1_000, 3);
    try (UdpEdge edge = UdpEdge.start("127.0.0.1", port, 10, deps, epoll);
        DatagramChannel client = DatagramChannel.open()) {
      InetSocketAddress server = new InetSocketAddress("127.0.0.1", port);
      CountDownLatch release = new CountDownLatch(1);
      edge.runOnLoop(
          () -> {
            try {
              release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          });
      // Far more than the 4 MiB receive buffer holds: the kernel drops the rest.
      byte[] junk = new byte[1_100];
      junk[0] = (byte) 0x7f;
      for (int i = 0; i < 20_000; i++) {
        client.send(ByteBuffer.wrap(junk), server);
      }
      release.countDown();
      await().atMost(Duration.ofSeconds(10)).until(() -> edge.datagramsIn() > 100);
      long afterBacklog = edge.datagramsIn();
      // New datagrams after the backlog are read too.
      for (int round = 0; round < 50; round++) {
        for (int i = 0; i < 10; i++) {
          client.send(ByteBuffer.wrap(junk), server);
        }
        Thread.onSpinWait();
      }
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(() -> assertThat(edge.datagramsIn()).isGreaterThan(afterBacklog + 400));
    }
  }
}
