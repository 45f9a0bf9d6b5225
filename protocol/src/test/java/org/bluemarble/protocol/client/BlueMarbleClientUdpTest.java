package org.bluemarble.protocol.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.bluemarble.protocol.ProtocolException;
import org.bluemarble.protocol.movement.MovementIntent;
import org.bluemarble.protocol.movement.MovementState;
import org.bluemarble.protocol.snapshot.SnapshotState;
import org.bluemarble.protocol.udp.ConnectToken;
import org.bluemarble.protocol.udp.UdpWire;
import org.bluemarble.protocol.v1.Error;
import org.bluemarble.protocol.v1.InputAck;
import org.bluemarble.protocol.v1.Snapshot;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BlueMarbleClientUdpTest {

  @ParameterizedTest(name = "loss {0}")
  @ValueSource(doubles = {0.0, 0.1})
  void entersTheWorldMovesAndConvergesWithTheServerOverRealUdp(double loss) throws Exception {
    try (TinyUdpServer server = new TinyUdpServer(loss);
        ClientIoLoop loop = new ClientIoLoop("test-io")) {
      ConnectToken token =
          server.issuer.issue("p1", server.address(), System.currentTimeMillis(), 30_000, 10_000);
      UdpClientTransport transport =
          UdpClientTransport.open(token, "p1", System.currentTimeMillis());
      AtomicInteger lastAcked = new AtomicInteger();
      CompletableFuture<SnapshotState> sawNpc = new CompletableFuture<>();
      CompletableFuture<Void> allAcked = new CompletableFuture<>();
      int inputs = 20;
      ClientListener listener =
          new ClientListener() {
            @Override
            public void onInputAck(InputAck ack, MovementState predicted) {
              lastAcked.set(ack.getSequence());
              if (ack.getSequence() == inputs) {
                allAcked.complete(null);
              }
            }

            @Override
            public void onSnapshot(Snapshot snapshot, SnapshotState state) {
              if (state.find(2) != null) {
                sawNpc.complete(state);
              }
            }
          };
      BlueMarbleClient client = new BlueMarbleClient(transport, listener);
      loop.register(transport);
      transport.connected().get(10, TimeUnit.SECONDS);

      client.hello("test").get(10, TimeUnit.SECONDS);
      assertThatThrownBy(() -> client.authenticate("wrong").get(10, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .cause()
          .isInstanceOfSatisfying(
              ProtocolException.class,
              e -> assertThat(e.code()).isEqualTo(Error.Code.CODE_UNAUTHENTICATED));
      assertThat(
              client.authenticate(FakeGame.DEV_TOKEN).get(10, TimeUnit.SECONDS).getPlayerIdsList())
          .containsExactly("p1");
      client.enterWorld("p1").get(10, TimeUnit.SECONDS);
      for (int i = 0; i < inputs; i++) {
        client.sendInput(new MovementIntent.Heading(45, 5));
      }
      allAcked.get(20, TimeUnit.SECONDS);
      assertThat(sawNpc.get(20, TimeUnit.SECONDS).find(2)).isNotNull();

      MovementState predicted = client.predicted();
      MovementState authoritative = server.onlyGame().state();
      assertThat(client.unacknowledgedInputs()).isZero();
      assertThat(predicted.latDeg()).isCloseTo(authoritative.latDeg(), within(1e-12));
      assertThat(predicted.lngDeg()).isCloseTo(authoritative.lngDeg(), within(1e-12));
      assertThat(predicted.latDeg()).isGreaterThan(FakeGame.SPAWN.latDeg());
      assertThat(client.ping().get(10, TimeUnit.SECONDS).getClientTimeMs()).isPositive();
      assertThat(transport.bytesSent()).isGreaterThan(UdpWire.REQUEST_BYTES);
      assertThat(transport.bytesReceived()).isPositive();
      client.close();
    }
  }
}
