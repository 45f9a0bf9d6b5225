package org.bluemarble.protocol.udp;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.Arrays;
import java.util.Random;

/**
 * What one outgoing datagram costs the UDP edge's I/O thread, in thread CPU time on loopback: the
 * {@code DatagramChannel.send} of a heap array wrapped per datagram (what the edge does), of a
 * reused direct buffer (what batching or a native transport would start from), and the whole
 * per-datagram work of a snapshot (seal a {@value #PLAIN_BYTES}-byte payload with
 * ChaCha20-Poly1305, then send it). A second thread drains the receiving socket so the kernel's
 * receive path runs as it does for a client. Loopback charges part of the receive path to the
 * sender, so the send numbers are an upper bound of what a real NIC costs. Run: {@code java -cp
 * <protocol test classpath> org.bluemarble.protocol.udp.DatagramSendCpu [rounds]}.
 */
public final class DatagramSendCpu {
  static final int PLAIN_BYTES = 600;
  private static final int PER_ROUND = 2_000;

  private DatagramSendCpu() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    try (DatagramChannel receiver = DatagramChannel.open();
        DatagramChannel sender = DatagramChannel.open()) {
      receiver.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      sender.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      InetSocketAddress to = (InetSocketAddress) receiver.getLocalAddress();
      Thread drain =
          new Thread(
              () -> {
                ByteBuffer b = ByteBuffer.allocateDirect(2048);
                try {
                  while (true) {
                    receiver.receive(b.clear());
                  }
                } catch (Exception closed) {
                  // the channel closed: done
                }
              },
              "drain");
      drain.setDaemon(true);
      drain.start();

      Random random = new Random(5);
      byte[] key = new byte[Aead.KEY_BYTES];
      random.nextBytes(key);
      byte[] plain = new byte[PLAIN_BYTES];
      random.nextBytes(plain);
      byte[] datagram = new byte[UdpWire.HEADER_BYTES + PLAIN_BYTES + Aead.TAG_BYTES];
      random.nextBytes(datagram);
      ByteBuffer direct = ByteBuffer.allocateDirect(datagram.length);
      Aead aead = new Aead();
      long[] sequence = {1};
      String[] names = {"send, heap array wrapped", "send, reused direct buffer", "seal + send"};
      double[][] ns = new double[names.length][rounds];
      for (int r = -rounds / 3; r < rounds; r++) {
        for (int k = 0; k < names.length; k++) {
          int v = (k + Math.floorMod(r, names.length)) % names.length;
          long start = mx.getCurrentThreadCpuTime();
          for (int i = 0; i < PER_ROUND; i++) {
            switch (v) {
              case 0 -> sender.send(ByteBuffer.wrap(datagram), to);
              case 1 -> sender.send(direct.clear(), to);
              default -> {
                byte[] sealed =
                    UdpWire.seal(
                        aead, 7, PacketType.PAYLOAD, sequence[0]++, key, plain, 0, plain.length);
                sender.send(ByteBuffer.wrap(sealed), to);
              }
            }
          }
          long used = mx.getCurrentThreadCpuTime() - start;
          if (r >= 0) {
            ns[v][r] = (double) used / PER_ROUND;
          }
        }
      }
      System.out.printf(
          "thread CPU per datagram (%d B sealed payload, %d rounds of %d, loopback)%n",
          datagram.length, rounds, PER_ROUND);
      for (int v = 0; v < names.length; v++) {
        double[] a = ns[v].clone();
        Arrays.sort(a);
        System.out.printf(
            "  %-28s median %6.2f us  (quartiles %6.2f .. %6.2f)%n",
            names[v], a[rounds / 2] / 1_000, a[rounds / 4] / 1_000, a[3 * rounds / 4] / 1_000);
      }
    }
  }
}
