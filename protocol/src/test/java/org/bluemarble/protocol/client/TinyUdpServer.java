package org.bluemarble.protocol.client;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.bluemarble.protocol.ProtocolCodec;
import org.bluemarble.protocol.udp.ConnectTokenIssuer;
import org.bluemarble.protocol.udp.UdpEvent;
import org.bluemarble.protocol.udp.UdpOutput;
import org.bluemarble.protocol.udp.UdpServerEndpoint;
import org.bluemarble.protocol.udp.UdpServerSessions;
import org.bluemarble.protocol.udp.UdpWire;
import org.bluemarble.protocol.v1.Envelope;

/** A UDP server on 127.0.0.1 for tests: the real endpoint and sessions, a {@link FakeGame}. */
final class TinyUdpServer implements AutoCloseable {

  final ConnectTokenIssuer issuer = new ConnectTokenIssuer(7L, ConnectTokenIssuer.generateKey());
  final Map<InetSocketAddress, FakeGame> games = new HashMap<>();
  private final DatagramChannel channel;
  private final Selector selector;
  private final UdpServerSessions sessions;
  private final Thread thread;
  private final double loss;
  private final Random random = new Random(99);
  private volatile boolean running = true;

  /** A server that drops {@code loss} of the datagrams it sends and receives. */
  TinyUdpServer(double loss) throws IOException {
    this.loss = loss;
    channel = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
    channel.configureBlocking(false);
    selector = Selector.open();
    channel.register(selector, SelectionKey.OP_READ);
    sessions =
        new UdpServerSessions(
            new UdpServerEndpoint(new UdpServerEndpoint.Settings(issuer, address(), 100)),
            new ProtocolCodec());
    thread = new Thread(this::run, "tiny-udp-server");
    thread.setDaemon(true);
    thread.start();
  }

  String address() throws IOException {
    InetSocketAddress local = (InetSocketAddress) channel.getLocalAddress();
    return "127.0.0.1:" + local.getPort();
  }

  private void run() {
    ByteBuffer buffer = ByteBuffer.allocate(UdpWire.MAX_DATAGRAM_BYTES + 1);
    try {
      while (running) {
        selector.select(5);
        selector.selectedKeys().clear();
        long now = System.currentTimeMillis();
        SocketAddress from;
        while ((from = channel.receive(buffer.clear())) != null) {
          if (random.nextDouble() >= loss) {
            buffer.flip();
            sessions.receive(buffer.array(), buffer.limit(), (InetSocketAddress) from, now);
          }
        }
        synchronized (this) {
          handle(now);
          sessions.update(now);
          for (UdpOutput.Datagram d : sessions.drainDatagrams()) {
            if (random.nextDouble() >= loss) {
              channel.send(ByteBuffer.wrap(d.bytes()), d.to());
            }
          }
        }
      }
    } catch (IOException e) {
      running = false;
    }
  }

  private void handle(long now) {
    for (UdpEvent e : sessions.drainEvents()) {
      if (e instanceof UdpEvent.Connected c) {
        games.put(c.address(), new FakeGame());
      } else if (e instanceof UdpEvent.Disconnected d) {
        games.remove(d.address());
      }
    }
    for (UdpServerSessions.Received r : sessions.drainReceived()) {
      FakeGame game = games.get(r.address());
      if (game != null) {
        for (Envelope answer : game.handle(r.envelope())) {
          sessions.send(r.address(), answer, now);
        }
      }
    }
  }

  /** The single connected game (tests run one client). */
  synchronized FakeGame onlyGame() {
    return games.values().iterator().next();
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
    channel.close();
  }
}
