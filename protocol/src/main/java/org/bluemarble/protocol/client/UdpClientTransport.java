package org.bluemarble.protocol.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import org.bluemarble.protocol.Delivery;
import org.bluemarble.protocol.ProtocolCodec;
import org.bluemarble.protocol.udp.Channels;
import org.bluemarble.protocol.udp.ConnectToken;
import org.bluemarble.protocol.udp.ReliableChannel;
import org.bluemarble.protocol.udp.UdpClientEndpoint;
import org.bluemarble.protocol.udp.UdpEvent;
import org.bluemarble.protocol.udp.UdpOutput;
import org.bluemarble.protocol.udp.UdpServerSessions;
import org.bluemarble.protocol.udp.UdpWire;
import org.bluemarble.protocol.v1.Envelope;

/**
 * Envelopes over the encrypted UDP connection: a non-blocking {@link DatagramChannel}, the {@link
 * UdpClientEndpoint} handshake, a {@link ReliableChannel} and the unreliable channel.
 *
 * <p>All protocol state is touched only by the thread that drives it: either a {@link ClientIoLoop}
 * (many transports on one selector thread, for load tests) or the caller, through {@link
 * #pump(long)}. {@link #send} may be called from any thread; it only queues.
 */
public final class UdpClientTransport implements ClientTransport {

  private final DatagramChannel channel;
  private final UdpClientEndpoint endpoint;
  private final ReliableChannel reliable = new ReliableChannel();
  private final ProtocolCodec codec = new ProtocolCodec();
  private final UdpOutput output = new UdpOutput();
  private final ConcurrentLinkedQueue<Envelope> outbox = new ConcurrentLinkedQueue<>();
  private final ByteBuffer receiveBuffer = ByteBuffer.allocate(UdpWire.MAX_DATAGRAM_BYTES + 1);
  private final CompletableFuture<Void> connected = new CompletableFuture<>();
  private volatile Consumer<Envelope> onEnvelope = e -> {};
  private volatile Consumer<Throwable> onClosed = t -> {};
  private volatile boolean closeRequested;
  private long closeRequestedAtMs = -1;
  private volatile long bytesSent;
  private volatile long bytesReceived;
  private boolean closed;

  /**
   * Opens a socket towards the token's server address and starts the handshake at {@code nowMs}.
   */
  public static UdpClientTransport open(ConnectToken token, String playerId, long nowMs) {
    String address = token.serverAddress();
    int colon = address.lastIndexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("server address must be host:port, was " + address);
    }
    InetSocketAddress server =
        new InetSocketAddress(
            address.substring(0, colon), Integer.parseInt(address.substring(colon + 1)));
    return open(token, server, playerId, nowMs);
  }

  /** Opens a socket towards {@code server} and starts the handshake at {@code nowMs}. */
  public static UdpClientTransport open(
      ConnectToken token, InetSocketAddress server, String playerId, long nowMs) {
    try {
      DatagramChannel channel = DatagramChannel.open();
      channel.configureBlocking(false);
      channel.connect(server);
      UdpClientTransport t =
          new UdpClientTransport(channel, new UdpClientEndpoint(token, server, playerId));
      t.endpoint.connect(nowMs, t.output);
      t.flushDatagrams();
      return t;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open a UDP socket to " + server, e);
    }
  }

  private UdpClientTransport(DatagramChannel channel, UdpClientEndpoint endpoint) {
    this.channel = channel;
    this.endpoint = endpoint;
  }

  @Override
  public void setHandler(Consumer<Envelope> onEnvelope, Consumer<Throwable> onClosed) {
    this.onEnvelope = onEnvelope;
    this.onClosed = onClosed;
  }

  /** Completes when the handshake is done. */
  public CompletableFuture<Void> connected() {
    return connected;
  }

  @Override
  public void send(Envelope envelope) {
    outbox.add(envelope);
  }

  @Override
  public void close() {
    closeRequested = true;
  }

  @Override
  public long bytesSent() {
    return bytesSent;
  }

  @Override
  public long bytesReceived() {
    return bytesReceived;
  }

  /** The socket, for registration with a selector. */
  DatagramChannel channel() {
    return channel;
  }

  /** Reads, handles and sends everything due at {@code nowMs}; returns false once closed. */
  public boolean pump(long nowMs) {
    if (closed) {
      return false;
    }
    readAvailable(nowMs);
    return flush(nowMs);
  }

  /** Reads and handles every datagram waiting on the socket. */
  void readAvailable(long nowMs) {
    try {
      while (!closed) {
        receiveBuffer.clear();
        if (channel.receive(receiveBuffer) == null) {
          break;
        }
        receiveBuffer.flip();
        bytesReceived += receiveBuffer.limit();
        endpoint.receive(receiveBuffer.array(), receiveBuffer.limit(), nowMs, output);
        handleEvents(nowMs);
      }
    } catch (IOException e) {
      // ICMP port unreachable surfaces here on connected sockets: the server is not there (yet).
      endpoint.update(nowMs, output);
    }
  }

  /** Sends queued envelopes, resends and keep-alives; returns false once closed. */
  boolean flush(long nowMs) {
    if (closed) {
      return false;
    }
    boolean connectedNow = endpoint.state() == UdpClientEndpoint.State.CONNECTED;
    if (connectedNow) {
      Envelope e;
      while ((e = outbox.poll()) != null) {
        byte[] bytes = codec.encode(e);
        if (Delivery.isUnreliable(e.getMessageCase())) {
          endpoint.send(reliable.unreliable(bytes), nowMs, output);
        } else {
          reliable.send(bytes);
        }
      }
      for (byte[] packet : reliable.pollPackets(nowMs)) {
        endpoint.send(packet, nowMs, output);
      }
    }
    if (closeRequested) {
      if (closeRequestedAtMs < 0) {
        closeRequestedAtMs = nowMs;
      }
      // Linger until the reliable messages sent before closing (a Disconnect with its reason) are
      // acknowledged, so the disconnect packet does not overtake them.
      boolean lingering =
          connectedNow
              && reliable.hasPending()
              && nowMs - closeRequestedAtMs < UdpServerSessions.LINGER_MS;
      if (!lingering) {
        endpoint.disconnect(nowMs, output);
        flushDatagrams();
        finish(null);
        return false;
      }
    }
    endpoint.update(nowMs, output);
    handleEvents(nowMs);
    flushDatagrams();
    return !closed;
  }

  /** Disconnects at once, without waiting for unacknowledged reliable messages. */
  void closeNow(long nowMs) {
    if (!closed) {
      endpoint.disconnect(nowMs, output);
      flushDatagrams();
      finish(null);
    }
  }

  private void handleEvents(long nowMs) {
    for (UdpEvent event : output.drainEvents()) {
      if (event instanceof UdpEvent.Connected) {
        connected.complete(null);
      } else if (event instanceof UdpEvent.Payload p) {
        onPayload(p.data(), nowMs);
      } else if (event instanceof UdpEvent.Disconnected d) {
        IllegalStateException cause =
            new IllegalStateException("UDP connection ended: " + d.reason());
        connected.completeExceptionally(cause);
        finish(d.reason() == UdpEvent.Reason.CLOSED_LOCALLY ? null : cause);
      }
    }
  }

  private void onPayload(byte[] payload, long nowMs) {
    try {
      byte channel = Channels.channelOf(payload);
      if (channel == Channels.UNRELIABLE) {
        onEnvelope.accept(codec.decode(Arrays.copyOfRange(payload, 1, payload.length)));
      } else if (channel == Channels.ACKED_UNRELIABLE) {
        onEnvelope.accept(codec.decode(reliable.onAckedUnreliable(payload, nowMs)));
      } else {
        reliable.onPacket(payload, 0, payload.length, nowMs);
        for (byte[] message : reliable.pollReceived()) {
          onEnvelope.accept(codec.decode(message));
        }
      }
    } catch (RuntimeException e) {
      endpoint.disconnect(nowMs, output);
      finish(e);
    }
  }

  private void flushDatagrams() {
    for (UdpOutput.Datagram d : output.drainDatagrams()) {
      try {
        channel.write(ByteBuffer.wrap(d.bytes()));
        bytesSent += d.bytes().length;
      } catch (IOException e) {
        // Lost like any datagram; the endpoint resends what matters.
      }
    }
  }

  private void finish(Throwable cause) {
    if (closed) {
      return;
    }
    closed = true;
    try {
      channel.close();
    } catch (IOException e) {
      // Closing a datagram socket has nothing to flush; nothing to do.
    }
    onClosed.accept(cause);
  }
}
