package org.bluemarble.protocol.udp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.bluemarble.protocol.ProtocolCodec;
import org.bluemarble.protocol.v1.Envelope;
import org.bluemarble.protocol.v1.Ping;
import org.junit.jupiter.api.Test;

class UdpFuzzTest {

  @Test
  void randomAndMutatedDatagramsNeverThrowAndTheRealClientKeepsWorking() {
    UdpTestRig rig = new UdpTestRig();
    UdpClientEndpoint client = rig.connected("p1");
    client.send("hello".getBytes(StandardCharsets.UTF_8), rig.now, rig.clientOut);
    List<byte[]> genuine = new ArrayList<>();
    genuine.add(UdpWire.request(rig.token("p2")));
    genuine.add(rig.clientOut.drainDatagrams().get(0).bytes());
    Random random = new Random(2024);
    InetSocketAddress stranger = new InetSocketAddress("10.9.9.9", 1234);
    for (int i = 0; i < 100_000; i++) {
      byte[] datagram;
      if (random.nextBoolean()) {
        byte[] original = genuine.get(random.nextInt(genuine.size()));
        datagram = original.clone();
        // Two flips of one byte can cancel out; mutate until the datagram really differs.
        while (Arrays.equals(datagram, original)) {
          for (int k = 0; k <= random.nextInt(3); k++) {
            datagram[random.nextInt(datagram.length)] ^= (byte) (1 + random.nextInt(255));
          }
        }
      } else {
        datagram = new byte[random.nextInt(1_300)];
        random.nextBytes(datagram);
      }
      InetSocketAddress from = random.nextBoolean() ? UdpTestRig.CLIENT : stranger;
      rig.server.receive(datagram, datagram.length, from, rig.now, rig.serverOut);
    }
    // Every datagram was either dropped and counted, or was a (padding-mutated) repeat of a
    // genuine request and answered with a challenge no larger than it.
    long answered = rig.serverOut.drainDatagrams().size();
    List<UdpEvent> events = rig.serverOut.drainEvents();
    assertThat(events).noneMatch(UdpEvent.Payload.class::isInstance);

    UdpServerSessions sessions = new UdpServerSessions(rig.server, new ProtocolCodec());
    client.send(
        Channels.unreliable(
            new ProtocolCodec()
                .encode(
                    Envelope.newBuilder().setPing(Ping.newBuilder().setClientTimeMs(5)).build())),
        rig.now,
        rig.clientOut);
    byte[] ping = rig.clientOut.drainDatagrams().get(0).bytes();
    sessions.receive(ping, ping.length, UdpTestRig.CLIENT, rig.now);
    assertThat(rig.server.connectedCount()).isEqualTo(1);
    long drops = rig.server.drops().values().stream().mapToLong(Long::longValue).sum();
    assertThat(drops + answered).isEqualTo(100_000);
    assertThat(drops).isGreaterThan(90_000);
  }
}
