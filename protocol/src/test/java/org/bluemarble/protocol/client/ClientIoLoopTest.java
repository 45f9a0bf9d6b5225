package org.bluemarble.protocol.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.bluemarble.protocol.movement.MovementIntent;
import org.bluemarble.protocol.movement.MovementState;
import org.bluemarble.protocol.udp.ConnectToken;
import org.bluemarble.protocol.v1.InputAck;
import org.junit.jupiter.api.Test;

class ClientIoLoopTest {

  @Test
  void oneLoopThreadDrivesFiftyClientsThroughAWholeSession() throws Exception {
    int clients = 50;
    int inputs = 5;
    try (TinyUdpServer server = new TinyUdpServer(0.0);
        ClientIoLoop loop = new ClientIoLoop("bots-io")) {
      List<CompletableFuture<Void>> done = new ArrayList<>();
      List<BlueMarbleClient> sessions = new ArrayList<>();
      for (int i = 0; i < clients; i++) {
        String player = "bot-" + i;
        long now = System.currentTimeMillis();
        ConnectToken token = server.issuer.issue(player, server.address(), now, 30_000, 10_000);
        UdpClientTransport transport = UdpClientTransport.open(token, player, now);
        CompletableFuture<Void> allAcked = new CompletableFuture<>();
        BlueMarbleClient client =
            new BlueMarbleClient(
                transport,
                new ClientListener() {
                  @Override
                  public void onInputAck(InputAck ack, MovementState predicted) {
                    if (ack.getSequence() == inputs) {
                      allAcked.complete(null);
                    }
                  }
                });
        loop.register(transport);
        done.add(
            transport
                .connected()
                .thenCompose(v -> client.hello(player))
                .thenCompose(h -> client.authenticate(FakeGame.DEV_TOKEN))
                .thenCompose(a -> client.enterWorld("p1"))
                .thenCompose(
                    w -> {
                      for (int k = 0; k < inputs; k++) {
                        client.sendInput(new MovementIntent.Heading(0, 5));
                      }
                      return allAcked;
                    }));
        sessions.add(client);
      }
      CompletableFuture.allOf(done.toArray(new CompletableFuture<?>[0])).get(60, TimeUnit.SECONDS);
      assertThat(loop.size()).isEqualTo(clients);
      assertThat(sessions).allMatch(c -> c.unacknowledgedInputs() == 0);
      assertThat(sessions).allMatch(c -> c.predicted().latDeg() > FakeGame.SPAWN.latDeg());
      sessions.forEach(BlueMarbleClient::close);
    }
  }
}
