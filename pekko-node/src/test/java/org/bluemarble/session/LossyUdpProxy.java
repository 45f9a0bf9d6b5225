package org.bluemarble.session;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.SplittableRandom;

/**
 * A UDP relay for one client that drops a share of the datagrams in both directions, so a real
 * client and the real UDP edge talk over a lossy link.
 */
final class LossyUdpProxy implements AutoCloseable {
  private final DatagramChannel front;
  private final DatagramChannel back;
  private final Selector selector;
  private final InetSocketAddress server;
  private final double loss;
  private final SplittableRandom random = new SplittableRandom(7);
  private final Thread thread;
  private volatile boolean running = true;
  private volatile SocketAddress client;
  volatile long dropped;

  LossyUdpProxy(InetSocketAddress server, double loss) throws IOException {
    this.server = server;
    this.loss = loss;
    front = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
    back = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
    front.configureBlocking(false);
    back.configureBlocking(false);
    selector = Selector.open();
    front.register(selector, SelectionKey.OP_READ);
    back.register(selector, SelectionKey.OP_READ);
    thread = new Thread(this::run, "lossy-udp-proxy");
    thread.setDaemon(true);
    thread.start();
  }

  InetSocketAddress address() throws IOException {
    return (InetSocketAddress) front.getLocalAddress();
  }

  private void run() {
    ByteBuffer buffer = ByteBuffer.allocate(2048);
    try {
      while (running) {
        selector.select(5);
        selector.selectedKeys().clear();
        SocketAddress from;
        while ((from = front.receive(buffer.clear())) != null) {
          client = from;
          relay(buffer, back, server);
        }
        while (back.receive(buffer.clear()) != null) {
          if (client != null) {
            relay(buffer, front, client);
          }
        }
      }
    } catch (IOException e) {
      running = false;
    }
  }

  private void relay(ByteBuffer buffer, DatagramChannel out, SocketAddress to) throws IOException {
    if (random.nextDouble() < loss) {
      dropped++;
      return;
    }
    buffer.flip();
    out.send(buffer, to);
  }

  @Override
  public void close() throws Exception {
    running = false;
    thread.join(5_000);
    selector.close();
    front.close();
    back.close();
  }
}
