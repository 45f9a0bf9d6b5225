package org.bluemarble.protocol.udp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class AmplificationTest {

  @Property(tries = 200)
  void serverNeverSendsMoreBytesThanItReceivesBeforeTheHandshakeCompletes(@ForAll long seed) {
    Random random = new Random(seed);
    UdpTestRig rig = new UdpTestRig();
    ConnectToken token = rig.token("p1");
    byte[] request = UdpWire.request(token);
    InetSocketAddress spoofed = new InetSocketAddress("10.1.2.3", 40000 + random.nextInt(1000));
    long in = 0;
    long out = 0;
    for (int i = 0; i < 50; i++) {
      byte[] datagram;
      switch (random.nextInt(4)) {
        case 0 -> datagram = request.clone();
        case 1 -> {
          datagram = request.clone();
          datagram[random.nextInt(datagram.length)] ^= (byte) (1 + random.nextInt(255));
        }
        case 2 -> {
          datagram = new byte[1 + random.nextInt(UdpWire.MAX_DATAGRAM_BYTES)];
          random.nextBytes(datagram);
        }
        default -> {
          datagram = new byte[1 + random.nextInt(60)];
          random.nextBytes(datagram);
          datagram[0] = (byte) random.nextInt(6);
        }
      }
      in += datagram.length;
      rig.server.receive(datagram, datagram.length, spoofed, rig.now, rig.serverOut);
      for (UdpOutput.Datagram d : rig.serverOut.drainDatagrams()) {
        out += d.bytes().length;
      }
      assertThat(out).isLessThanOrEqualTo(in);
    }
    assertThat(rig.server.connectedCount()).isZero();
  }
}
