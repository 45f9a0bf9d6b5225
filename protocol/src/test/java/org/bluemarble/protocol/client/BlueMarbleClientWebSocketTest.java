package org.bluemarble.protocol.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.bluemarble.protocol.movement.MovementIntent;
import org.bluemarble.protocol.movement.MovementState;
import org.bluemarble.protocol.snapshot.SnapshotState;
import org.bluemarble.protocol.v1.InputAck;
import org.bluemarble.protocol.v1.Snapshot;
import org.junit.jupiter.api.Test;

class BlueMarbleClientWebSocketTest {

  @Test
  void playsASessionOverWebSocketBinaryFrames() throws Exception {
    playsASession(false);
  }

  @Test
  void reassemblesMessagesSentAsSeveralFrames() throws Exception {
    playsASession(true);
  }

  private void playsASession(boolean fragmented) throws Exception {
    try (TinyWebSocketServer server = new TinyWebSocketServer()) {
      server.fragmentAnswers = fragmented;
      CompletableFuture<Void> acked = new CompletableFuture<>();
      CompletableFuture<SnapshotState> snapshot = new CompletableFuture<>();
      int inputs = 10;
      ClientListener listener =
          new ClientListener() {
            @Override
            public void onInputAck(InputAck ack, MovementState predicted) {
              if (ack.getSequence() == inputs) {
                acked.complete(null);
              }
            }

            @Override
            public void onSnapshot(Snapshot s, SnapshotState state) {
              snapshot.complete(state);
            }
          };
      WebSocketClientTransport transport =
          WebSocketClientTransport.connect(
                  HttpClient.newHttpClient(),
                  URI.create("ws://127.0.0.1:" + server.port() + "/ws"),
                  e -> {},
                  t -> {})
              .get(10, TimeUnit.SECONDS);
      BlueMarbleClient client = new BlueMarbleClient(transport, listener);
      client.hello("ws-test").get(10, TimeUnit.SECONDS);
      client.authenticate(FakeGame.DEV_TOKEN).get(10, TimeUnit.SECONDS);
      client.enterWorld("p1").get(10, TimeUnit.SECONDS);
      for (int i = 0; i < inputs; i++) {
        client.sendInput(new MovementIntent.Target(48.01, 11.01, 5));
      }
      acked.get(10, TimeUnit.SECONDS);
      assertThat(snapshot.get(10, TimeUnit.SECONDS).find(1)).isNotNull();
      assertThat(client.unacknowledgedInputs()).isZero();
      assertThat(client.predicted().latDeg())
          .isCloseTo(server.game.state().latDeg(), within(1e-12));
      assertThat(server.framesReceived).isGreaterThanOrEqualTo(3 + inputs);
      assertThat(transport.bytesReceived()).isPositive();
      client.close();
    }
  }
}
