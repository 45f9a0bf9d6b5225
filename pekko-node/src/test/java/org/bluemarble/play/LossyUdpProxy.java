package org.bluemarble.play;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A UDP relay for one client that drops a share of the datagrams in both directions and holds back
 * another share until the next datagram in the same direction has passed (so they arrive
 * reordered), so a real client and the real UDP edge talk over a lossy, reordering link.
 */
final class LossyUdpProxy implements AutoCloseable {
  private final DatagramChannel front;
  private final DatagramChannel back;
  private final Selector selector;
  private final InetSocketAddress server;
  private final double loss;
  private final double reorder;
  private byte[] heldUp;
  private byte[] heldDown;
  volatile long reordered;
  private final SplittableRandom random = new SplittableRandom(7);
  private final Thread thread;
  private volatile boolean running = true;
  private volatile SocketAddress client;
  volatile long dropped;
  private final List<byte[]> fromClient = Collections.synchronizedList(new ArrayList<>());
  private volatile boolean replay;

  LossyUdpProxy(InetSocketAddress server, double loss) throws IOException {
    this(server, loss, 0);
  }

  LossyUdpProxy(InetSocketAddress server, double loss, double reorder) throws IOException {
    this.server = server;
    this.loss = loss;
    this.reorder = reorder;
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
          if (fromClient.size() < 500) {
            byte[] copy = new byte[buffer.position()];
            buffer.duplicate().flip().get(copy);
            fromClient.add(copy);
          }
          heldUp = relay(buffer, back, server, heldUp);
        }
        if (replay) {
          replay = false;
          synchronized (fromClient) {
            for (byte[] d : fromClient) {
              back.send(ByteBuffer.wrap(d), server);
            }
          }
        }
        while (back.receive(buffer.clear()) != null) {
          if (client != null) {
            heldDown = relay(buffer, front, client, heldDown);
          }
        }
      }
    } catch (IOException e) {
      running = false;
    }
  }

  /**
   * Sends every recorded client datagram to the server again (a replay attack from its address).
   */
  void replayRecorded() {
    replay = true;
    selector.wakeup();
  }

  /** Relays one datagram (maybe dropping or holding it); returns what is held back now. */
  private byte[] relay(ByteBuffer buffer, DatagramChannel out, SocketAddress to, byte[] held)
      throws IOException {
    if (random.nextDouble() < loss) {
      dropped++;
      return held;
    }
    buffer.flip();
    if (held == null && random.nextDouble() < reorder) {
      byte[] copy = new byte[buffer.remaining()];
      buffer.get(copy);
      reordered++;
      return copy;
    }
    out.send(buffer, to);
    if (held != null) {
      out.send(ByteBuffer.wrap(held), to);
    }
    return null;
  }

  @Override
  public void close() throws IOException {
    running = false;
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    selector.close();
    front.close();
    back.close();
  }
}
