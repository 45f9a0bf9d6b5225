package org.bluemarble.edge.udp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.bluemarble.edge.session.GameSession;
import org.bluemarble.edge.session.SessionDeps;
import org.bluemarble.edge.session.SessionOutput;
import org.bluemarble.protocol.ProtocolCodec;
import org.bluemarble.protocol.udp.DropReason;
import org.bluemarble.protocol.udp.UdpEvent;
import org.bluemarble.protocol.udp.UdpOutput;
import org.bluemarble.protocol.udp.UdpServerEndpoint;
import org.bluemarble.protocol.udp.UdpServerSessions;
import org.bluemarble.protocol.udp.UdpWire;
import org.bluemarble.protocol.v1.Envelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The UDP game edge: one DatagramChannel served by one thread, running the protocol module's
 * netcode-style endpoint ({@link UdpServerSessions}) and one {@link GameSession} per connection.
 * Sessions write from any thread into a queue the I/O thread drains. Bad datagrams are dropped
 * silently and counted by {@link DropReason}. The I/O thread only decrypts and dispatches: access
 * tokens are verified on a small bounded pool ({@link #VERIFIER_THREADS} threads, {@link
 * #VERIFIER_QUEUE} waiting), and a session that closes lingers until its last reliable messages are
 * acknowledged.
 */
public final class UdpEdge implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(UdpEdge.class);
  private static final long TICK_MS = 5;

  /** Threads verifying access tokens (JWT signatures) for UDP sessions. */
  public static final int VERIFIER_THREADS = 2;

  /** Verifications waiting at most; beyond that an Authenticate is answered CODE_RATE_LIMITED. */
  public static final int VERIFIER_QUEUE = 1_024;

  private final DatagramChannel channel;
  private final Selector selector;
  private final UdpServerSessions sessions;
  private final SessionDeps deps;
  private final ProtocolCodec codec = new ProtocolCodec();
  private final Map<InetSocketAddress, GameSession> games = new HashMap<>();
  private final ConcurrentLinkedQueue<Outbound> outbound = new ConcurrentLinkedQueue<>();
  private final Thread thread;
  private final ThreadPoolExecutor verifier =
      new ThreadPoolExecutor(
          VERIFIER_THREADS,
          VERIFIER_THREADS,
          1,
          TimeUnit.MINUTES,
          new ArrayBlockingQueue<>(VERIFIER_QUEUE),
          r -> {
            Thread t = new Thread(r, "bluemarble-udp-auth");
            t.setDaemon(true);
            return t;
          });
  private volatile boolean running = true;
  private volatile long datagramsIn;

  private record Outbound(InetSocketAddress to, Envelope envelope) {}

  private UdpEdge(DatagramChannel channel, UdpServerEndpoint.Settings settings, SessionDeps deps)
      throws IOException {
    this.channel = channel;
    this.selector = Selector.open();
    channel.register(selector, SelectionKey.OP_READ);
    this.sessions = new UdpServerSessions(new UdpServerEndpoint(settings), codec);
    this.deps = deps;
    this.thread = new Thread(this::run, "bluemarble-udp-edge");
    thread.setDaemon(true);
  }

  /**
   * Binds {@code bindHost:port} (0 = a free port) and starts the I/O thread.
   *
   * @param maxConnections connections accepted at once
   */
  public static UdpEdge start(String bindHost, int port, int maxConnections, SessionDeps deps)
      throws IOException {
    if (deps.udp() == null) {
      throw new IllegalArgumentException("the sessions need UdpTokens for a UDP edge");
    }
    DatagramChannel channel = DatagramChannel.open().bind(new InetSocketAddress(bindHost, port));
    channel.configureBlocking(false);
    UdpServerEndpoint.Settings settings =
        new UdpServerEndpoint.Settings(
            deps.udp().issuer(), deps.udp().publicAddress(), maxConnections);
    UdpEdge edge = new UdpEdge(channel, settings, deps);
    edge.thread.start();
    log.info("UDP edge listening on {} as {}", channel.getLocalAddress(), settings.publicAddress());
    return edge;
  }

  /** The bound port. */
  public int port() {
    try {
      return ((InetSocketAddress) channel.getLocalAddress()).getPort();
    } catch (IOException e) {
      throw new IllegalStateException("UDP channel closed", e);
    }
  }

  /** Datagrams dropped for {@code reason} since start. */
  public long dropped(DropReason reason) {
    return sessions.endpoint().dropped(reason);
  }

  /** Every drop counter, for metrics. */
  public Map<DropReason, Long> drops() {
    return sessions.endpoint().drops();
  }

  /** Datagrams received since start. */
  public long datagramsIn() {
    return datagramsIn;
  }

  /** Connections disconnected because their reliable queue overflowed (see UdpServerSessions). */
  public long tooSlow() {
    return sessions.tooSlow();
  }

  /** Connections open now. */
  public int connections() {
    return sessions.endpoint().connectedCount();
  }

  private void run() {
    ByteBuffer buffer = ByteBuffer.allocate(UdpWire.MAX_DATAGRAM_BYTES + 1);
    while (running) {
      try {
        selector.select(TICK_MS);
        selector.selectedKeys().clear();
        long now = System.currentTimeMillis();
        SocketAddress from;
        while ((from = channel.receive(buffer.clear())) != null) {
          datagramsIn++;
          buffer.flip();
          sessions.receive(buffer.array(), buffer.limit(), (InetSocketAddress) from, now);
        }
        handleEvents();
        deliverReceived();
        drainOutbound(now);
        sessions.update(now);
        handleEvents();
        for (UdpOutput.Datagram d : sessions.drainDatagrams()) {
          channel.send(ByteBuffer.wrap(d.bytes()), d.to());
        }
      } catch (IOException | RuntimeException e) {
        if (running) {
          log.warn("UDP edge loop error (continuing): {}", e.toString());
        }
      }
    }
  }

  private void handleEvents() {
    for (UdpEvent e : sessions.drainEvents()) {
      if (e instanceof UdpEvent.Connected c) {
        GameSession old = games.put(c.address(), session(c.address(), c.playerId()));
        if (old != null) {
          old.connectionLost();
        }
      } else if (e instanceof UdpEvent.Disconnected d) {
        GameSession gone = games.remove(d.address());
        if (gone != null) {
          gone.connectionLost();
        }
      }
    }
  }

  private void deliverReceived() {
    for (UdpServerSessions.Received r : sessions.drainReceived()) {
      GameSession session = games.get(r.address());
      if (session != null) {
        session.onEnvelope(r.envelope());
      }
    }
  }

  private void drainOutbound(long now) {
    for (Outbound o; (o = outbound.poll()) != null; ) {
      if (o.envelope() == null) {
        sessions.close(o.to(), now);
      } else {
        sessions.send(o.to(), o.envelope(), now);
      }
    }
  }

  private GameSession session(InetSocketAddress address, String playerId) {
    SessionOutput out =
        new SessionOutput() {
          @Override
          public void send(Envelope envelope) {
            outbound.add(new Outbound(address, envelope));
            selector.wakeup();
          }

          @Override
          public void close() {
            outbound.add(new Outbound(address, null));
            selector.wakeup();
          }
        };
    return new GameSession(deps, out, codec, playerId, verifier);
  }

  @Override
  public void close() {
    running = false;
    selector.wakeup();
    try {
      thread.join(5_000);
      selector.close();
      channel.close();
    } catch (IOException e) {
      log.warn("closing the UDP edge: {}", e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    games.values().forEach(GameSession::connectionLost);
    verifier.shutdownNow();
  }
}
