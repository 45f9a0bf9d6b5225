package org.bluemarble.edge.udp;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.List;
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
 * The UDP game edge: one datagram channel served by one Netty event-loop thread, running the
 * protocol module's netcode-style endpoint ({@link UdpServerSessions}) and one {@link GameSession}
 * per connection. On Linux the channel is Netty's native epoll one: datagrams are read in batches
 * ({@code recvmmsg}, up to {@link #READ_BATCH} per system call) and the datagrams of one pass are
 * written with one flush ({@code sendmmsg}); elsewhere Netty's NIO channel does the same work one
 * datagram per system call ({@link #transport} says which runs, and the start is logged).
 *
 * <p>One pass ({@link #pass}) runs after each batch of reads, when the sessions hand off messages,
 * and every {@link #TICK_MS} ms: it dispatches received envelopes, drains the hand-off, runs the
 * endpoint's clock and flushes once. Sessions write from any thread into a bounded hand-off ({@link
 * UdpOutbound}: superseded snapshots are skipped, a slow connection loses snapshots, counted, and
 * is closed rather than lose a reliable message) and wake the loop once per batch. Bad datagrams
 * are dropped silently and counted by {@link DropReason}. The I/O thread only decrypts and
 * dispatches: access tokens are verified on a small bounded pool ({@link #VERIFIER_THREADS}
 * threads, {@link #VERIFIER_QUEUE} waiting), and a session that closes lingers until its last
 * reliable messages are acknowledged.
 */
public final class UdpEdge implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(UdpEdge.class);
  private static final long TICK_MS = 5;

  /** Datagrams read by one {@code recvmmsg} call at most (epoll only). */
  public static final int READ_BATCH = 32;

  /** Threads verifying access tokens (JWT signatures) for UDP sessions. */
  public static final int VERIFIER_THREADS = 2;

  /** Verifications waiting at most; beyond that an Authenticate is answered CODE_RATE_LIMITED. */
  public static final int VERIFIER_QUEUE = 1_024;

  /** The datagram I/O in use. */
  public enum Transport {
    /**
     * Netty's native epoll channel: batched reads ({@code recvmmsg}) and writes ({@code sendmmsg}).
     */
    EPOLL,
    /** Netty's NIO channel: one system call per datagram (where epoll is not available). */
    NIO
  }

  private final EventLoopGroup group;
  private final Transport transport;
  private final UdpServerSessions sessions;
  private final SessionDeps deps;
  private final ProtocolCodec codec = new ProtocolCodec();
  private final Map<InetSocketAddress, GameSession> games = new HashMap<>();
  private final UdpOutbound outbound;
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
  // I/O thread only: the bound channel, a copy buffer for received datagrams, the pass's clock.
  private Channel channel;
  private EventLoop loop;
  private final byte[] readBuffer = new byte[UdpWire.MAX_DATAGRAM_BYTES + 1];
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
  private final Runnable passTask = this::pass;
  private volatile long datagramsIn;
  private volatile long datagramsOut;
  private volatile long flushes;

  private UdpEdge(UdpServerEndpoint.Settings settings, SessionDeps deps, Transport transport) {
    this.transport = transport;
    this.group =
        new MultiThreadIoEventLoopGroup(
            1,
            new DefaultThreadFactory("bluemarble-udp-edge", true),
            transport == Transport.EPOLL ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
    this.sessions = new UdpServerSessions(new UdpServerEndpoint(settings), codec);
    this.deps = deps;
    this.outbound = new UdpOutbound(UdpOutbound.DEFAULT_LIMIT, this::wake);
  }

  /**
   * Binds {@code bindHost:port} (0 = a free port) and starts the I/O thread, on epoll where
   * available.
   *
   * @param maxConnections connections accepted at once
   */
  public static UdpEdge start(String bindHost, int port, int maxConnections, SessionDeps deps)
      throws IOException {
    return start(bindHost, port, maxConnections, deps, Epoll.isAvailable());
  }

  /**
   * As {@link #start(String, int, int, SessionDeps)}, with epoll only when {@code epoll} (and
   * available): tests run both transports.
   */
  public static UdpEdge start(
      String bindHost, int port, int maxConnections, SessionDeps deps, boolean epoll)
      throws IOException {
    if (deps.udp() == null) {
      throw new IllegalArgumentException("the sessions need UdpTokens for a UDP edge");
    }
    UdpServerEndpoint.Settings settings =
        new UdpServerEndpoint.Settings(
            deps.udp().issuer(), deps.udp().publicAddress(), maxConnections);
    Transport transport = epoll && Epoll.isAvailable() ? Transport.EPOLL : Transport.NIO;
    UdpEdge edge = new UdpEdge(settings, deps, transport);
    try {
      edge.bind(bindHost, port);
    } catch (IOException | RuntimeException e) {
      edge.group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
      throw e;
    }
    log.info(
        "UDP edge listening on {} as {} ({})",
        edge.channel.localAddress(),
        settings.publicAddress(),
        transport == Transport.EPOLL
            ? "native epoll, recvmmsg/sendmmsg"
            : "NIO, epoll unavailable: " + Epoll.unavailabilityCause());
    return edge;
  }

  private void bind(String bindHost, int port) throws IOException {
    Bootstrap b =
        new Bootstrap()
            .group(group)
            .option(ChannelOption.SO_RCVBUF, 4 << 20)
            .option(ChannelOption.SO_SNDBUF, 4 << 20)
            .handler(new Inbound());
    int datagram = UdpWire.MAX_DATAGRAM_BYTES + 1;
    if (transport == Transport.EPOLL) {
      b.channel(EpollDatagramChannel.class)
          // recvmmsg: a read buffer of READ_BATCH datagrams, each at most MAX_DATAGRAM_BYTES.
          .option(EpollChannelOption.MAX_DATAGRAM_PAYLOAD_SIZE, datagram)
          .option(
              ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(datagram * READ_BATCH));
    } else {
      b.channel(NioDatagramChannel.class)
          .option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(datagram));
    }
    try {
      channel = b.bind(new InetSocketAddress(bindHost, port)).sync().channel();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while binding the UDP edge", e);
    }
    if (channel == null || !channel.isActive()) {
      throw new IOException("the UDP edge could not bind " + bindHost + ":" + port);
    }
    loop = channel.eventLoop();
    loop.scheduleAtFixedRate(passTask, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
  }

  /** The bound port. */
  public int port() {
    return ((InetSocketAddress) channel.localAddress()).getPort();
  }

  /** The datagram I/O in use. */
  public Transport transport() {
    return transport;
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

  /** Datagrams sent since start. */
  public long datagramsOut() {
    return datagramsOut;
  }

  /** Flushes (one write system call batch each on epoll) since start. */
  public long flushes() {
    return flushes;
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

  /** Called once per hand-off batch by {@link UdpOutbound}, from any thread. */
  private void wake() {
    EventLoop l = loop;
    if (l != null) {
      l.execute(passTask);
    }
  }

  /** Reads and dispatches datagrams on the I/O thread; a pass follows each batch of reads. */
  private final class Inbound extends ChannelInboundHandlerAdapter {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      DatagramPacket packet = (DatagramPacket) msg;
      try {
        ByteBuf content = packet.content();
        int length = content.readableBytes();
        datagramsIn++;
        // The endpoint drops a datagram longer than MAX_DATAGRAM_BYTES (counted as BAD_SIZE); the
        // read buffers hold one byte more, so such a datagram arrives cut to that length.
        int copied = Math.min(length, readBuffer.length);
        content.getBytes(content.readerIndex(), readBuffer, 0, copied);
        sessions.receive(readBuffer, copied, packet.sender(), System.currentTimeMillis());
      } catch (RuntimeException e) {
        log.warn("UDP edge: a datagram failed (continuing): {}", e.toString());
      } finally {
        packet.release();
      }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
      pass();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      log.warn("UDP edge I/O error (continuing): {}", cause.toString());
    }
  }

  /**
   * One pass of the loop on the I/O thread: sessions' events, received envelopes, the hand-off, the
   * endpoint's clock, then every datagram it produced written and flushed once.
   */
  private void pass() {
    try {
      long now = System.currentTimeMillis();
      handleEvents();
      deliverReceived();
      drainOutbound(now);
      sessions.update(now);
      handleEvents();
      writeDatagrams();
    } catch (RuntimeException e) {
      log.warn("UDP edge loop error (continuing): {}", e.toString());
    }
  }

  private void writeDatagrams() {
    List<UdpOutput.Datagram> out = sessions.drainDatagrams();
    if (out.isEmpty() || channel == null) {
      return;
    }
    for (UdpOutput.Datagram d : out) {
      ByteBuf buf = channel.alloc().directBuffer(d.bytes().length);
      buf.writeBytes(d.bytes());
      channel.write(new DatagramPacket(buf, d.to()), channel.voidPromise());
    }
    channel.flush();
    datagramsOut += out.size();
    flushes++;
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
    try {
      if (channel != null) {
        channel.close().await(5, TimeUnit.SECONDS);
      }
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    games.values().forEach(GameSession::connectionLost);
    verifier.shutdownNow();
  }
}
