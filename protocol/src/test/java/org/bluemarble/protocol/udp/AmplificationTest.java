package org.bluemarble.protocol.udp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.List;
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
      rig.server.receive(datagram, datagram.length, spoofed, rig.now, rig.serverOut);
      List<UdpOutput.Datagram> replies = rig.serverOut.drainDatagrams();
      // Per request, not cumulatively: one amplifying reply must not hide behind earlier drops.
      assertThat(replies).as("replies to one datagram").hasSizeLessThanOrEqualTo(1);
      for (UdpOutput.Datagram d : replies) {
        assertThat(d.bytes().length)
            .as("reply to a %d-byte datagram", datagram.length)
            .isLessThanOrEqualTo(datagram.length);
      }
    }
    assertThat(rig.server.connectedCount()).isZero();
  }
}
