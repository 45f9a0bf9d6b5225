package org.bluemarble.load.standin;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.bluemarble.protocol.ProtocolCodec;
import org.bluemarble.protocol.udp.ConnectTokenIssuer;
import org.bluemarble.protocol.udp.UdpEvent;
import org.bluemarble.protocol.udp.UdpOutput;
import org.bluemarble.protocol.udp.UdpServerEndpoint;
import org.bluemarble.protocol.udp.UdpServerSessions;
import org.bluemarble.protocol.udp.UdpWire;
import org.bluemarble.protocol.v1.Envelope;

/**
 * The stand-in's UDP port: the protocol module's real {@link UdpServerEndpoint} and {@link
 * UdpServerSessions} on one selector thread; snapshots from the world's thread are queued and sent
 * by this thread.
 */
final class StandInUdp implements AutoCloseable {

  private record Outgoing(InetSocketAddress to, Envelope envelope) {}

  final ConnectTokenIssuer issuer =
      new ConnectTokenIssuer(0x424C554DL, ConnectTokenIssuer.generateKey());
  private final DatagramChannel channel;
  private final Selector selector;
  private final UdpServerSessions sessions;
  private final StandInWorld world;
  private final Map<InetSocketAddress, StandInSession> bySource = new HashMap<>();
  private final ConcurrentLinkedQueue<Outgoing> outbox = new ConcurrentLinkedQueue<>();
  private final Thread thread;
  private volatile boolean running = true;

  StandInUdp(StandInWorld world) throws IOException {
    this.world = world;
    channel = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
    channel.configureBlocking(false);
    selector = Selector.open();
    channel.register(selector, SelectionKey.OP_READ);
    sessions =
        new UdpServerSessions(
            new UdpServerEndpoint(new UdpServerEndpoint.Settings(issuer, address(), 10_000)),
            new ProtocolCodec());
    thread = new Thread(this::run, "stand-in-udp");
    thread.setDaemon(true);
    thread.start();
  }

  String address() throws IOException {
    return "127.0.0.1:" + ((InetSocketAddress) channel.getLocalAddress()).getPort();
  }

  int port() throws IOException {
    return ((InetSocketAddress) channel.getLocalAddress()).getPort();
  }

  private void run() {
    ByteBuffer buffer = ByteBuffer.allocate(UdpWire.MAX_DATAGRAM_BYTES + 1);
    try {
      while (running) {
        selector.select(2);
        selector.selectedKeys().clear();
        long now = System.currentTimeMillis();
        SocketAddress from;
        while ((from = channel.receive(buffer.clear())) != null) {
          buffer.flip();
          sessions.receive(buffer.array(), buffer.limit(), (InetSocketAddress) from, now);
        }
        for (UdpEvent e : sessions.drainEvents()) {
          if (e instanceof UdpEvent.Connected c) {
            InetSocketAddress a = c.address();
            bySource.put(
                a,
                new StandInSession(
                    world, env -> outbox.add(new Outgoing(a, env)), issuer, address()));
          } else if (e instanceof UdpEvent.Disconnected d) {
            StandInSession s = bySource.remove(d.address());
            if (s != null) {
              s.closed();
            }
          }
        }
        for (UdpServerSessions.Received r : sessions.drainReceived()) {
          StandInSession s = bySource.get(r.address());
          if (s != null) {
            s.handle(r.envelope());
          }
        }
        Outgoing o;
        while ((o = outbox.poll()) != null) {
          sessions.send(o.to(), o.envelope(), now);
        }
        sessions.update(now);
        for (UdpOutput.Datagram d : sessions.drainDatagrams()) {
          channel.send(ByteBuffer.wrap(d.bytes()), d.to());
        }
      }
    } catch (IOException e) {
      running = false;
    }
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
