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
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.bluemarble.edge.session.GameSession;
import org.bluemarble.edge.session.SessionDeps;
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
 * Sessions write from any thread into a bounded hand-off ({@link UdpOutbound}: superseded snapshots
 * are skipped, a slow connection loses snapshots, counted, and is closed rather than lose a
 * reliable message) that the I/O thread drains, woken once per batch. Bad datagrams are dropped
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
  private final UdpOutbound outbound;
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
  // I/O thread only: the loop's clock for the sink below.
  private long drainNow;
  private final UdpOutbound.Sink sink =
      new UdpOutbound.Sink() {
        @Override
        public void send(InetSocketAddress to, Envelope envelope) {
          sessions.send(to, envelope, drainNow);
        }

        @Override
        public void close(InetSocketAddress to) {
          sessions.close(to, drainNow);
        }
      };
  private volatile long datagramsIn;

  private UdpEdge(DatagramChannel channel, UdpServerEndpoint.Settings settings, SessionDeps deps)
      throws IOException {
    this.channel = channel;
    this.selector = Selector.open();
    channel.register(selector, SelectionKey.OP_READ);
    this.sessions = new UdpServerSessions(new UdpServerEndpoint(settings), codec);
    this.deps = deps;
    this.outbound = new UdpOutbound(UdpOutbound.DEFAULT_LIMIT, selector::wakeup);
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

  /**
   * Snapshots not handed to the endpoint: dropped because their connection's hand-off queue was
   * half full, or superseded by a newer one queued behind them (see {@link UdpOutbound}).
   */
  public long droppedSnapshots() {
    return outbound.droppedSnapshots() + outbound.supersededSnapshots();
  }

  /** Connections closed because a reliable message found their hand-off queue full. */
  public long handOffTooSlow() {
    return outbound.tooSlow();
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
    drainNow = now;
    outbound.drain(sink);
  }

  private GameSession session(InetSocketAddress address, String playerId) {
    return new GameSession(deps, outbound.connection(address), codec, playerId, verifier);
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
