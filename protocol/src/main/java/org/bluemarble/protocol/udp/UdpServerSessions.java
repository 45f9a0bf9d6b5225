package org.bluemarble.protocol.udp;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bluemarble.protocol.Delivery;
import org.bluemarble.protocol.ProtocolCodec;
import org.bluemarble.protocol.ProtocolException;
import org.bluemarble.protocol.v1.Disconnect;
import org.bluemarble.protocol.v1.Envelope;

/**
 * Envelopes on top of {@link UdpServerEndpoint}: one {@link ReliableChannel} per connection, the
 * unreliable channel for what {@link Delivery} marks so, and Envelope decoding. Still I/O-free: the
 * UDP edge feeds datagrams and the clock in, sends {@link UdpOutput} datagrams out, and hands
 * {@link Received} envelopes and connection events to the sessions. One thread drives it.
 *
 * <p>Every unreliable message carries the connection's reliable acknowledgement. {@link #update}
 * sends new reliable messages of the connections that queued some at once and sweeps all
 * connections (resends, delayed acks, keep-alives, timeouts) every {@link #SWEEP_MS}, so a busy
 * server does not walk every connection for every datagram.
 *
 * <p>Overflow policy: reliable messages are never dropped; a connection with more than {@link
 * #MAX_QUEUED_FRAGMENTS} unacknowledged fragments is too slow and is disconnected at once, with a
 * Disconnect REASON_TOO_SLOW sent unreliably ahead of the disconnect packets (its reliable queue is
 * what is full). {@link #close} instead lingers until the reliable messages queued before it (such
 * as a Disconnect with its reason) are acknowledged, at most {@link #LINGER_MS}, so the disconnect
 * packet never overtakes them.
 *
 * <p>A connection whose reliable packets or envelopes do not decode is disconnected (an
 * authenticated peer that sends garbage is broken or hostile).
 */
public final class UdpServerSessions {

  /** An envelope from a connected player. */
  public record Received(InetSocketAddress address, String playerId, Envelope envelope) {}

  /**
   * Reliable fragments (≈1 KB each) queued for one connection beyond which the client is
   * disconnected as too slow: reliable messages are never dropped, so a peer that cannot keep up
   * must go.
   */
  public static final int MAX_QUEUED_FRAGMENTS = 2_048;

  /** Period of the sweep over all connections, in ms. */
  public static final long SWEEP_MS = 5;

  /** The longest a closing connection waits for its last reliable messages to be acknowledged. */
  public static final long LINGER_MS = 2_000;

  /** One connection's channel state. */
  private static final class Connection {
    final ReliableChannel reliable = new ReliableChannel();
    long closingSinceMs = -1;
  }

  private final UdpServerEndpoint endpoint;
  private final ProtocolCodec codec;
  private final Map<InetSocketAddress, Connection> channels = new HashMap<>();
  private final Set<InetSocketAddress> fresh = new LinkedHashSet<>();
  private final UdpOutput output = new UdpOutput();
  private final List<Received> received = new ArrayList<>();
  private final List<UdpEvent> events = new ArrayList<>();
  private long nextSweepMs = Long.MIN_VALUE;
  private long protocolErrors;
  private long tooSlow;

  /** Sessions over an endpoint, decoding with {@code codec}. */
  public UdpServerSessions(UdpServerEndpoint endpoint, ProtocolCodec codec) {
    this.endpoint = endpoint;
    this.codec = codec;
  }

  /** Handles one datagram. */
  public void receive(byte[] data, int length, InetSocketAddress from, long nowMs) {
    endpoint.receive(data, length, from, nowMs, output);
    handleEvents(nowMs);
  }

  /**
   * Queues an envelope for a connected player; false if the address is not connected (or is
   * closing), or if this message made it too slow (it is then disconnected).
   */
  public boolean send(InetSocketAddress to, Envelope envelope, long nowMs) {
    Connection c = channels.get(to);
    if (c == null || c.closingSinceMs >= 0) {
      return false;
    }
    byte[] bytes = codec.encode(envelope);
    if (Delivery.isUnreliable(envelope.getMessageCase())) {
      return endpoint.send(to, c.reliable.unreliable(bytes), nowMs, output);
    }
    c.reliable.send(bytes);
    if (c.reliable.queuedFragments() > MAX_QUEUED_FRAGMENTS) {
      tooSlow++;
      byte[] reason =
          codec.encode(
              Envelope.newBuilder()
                  .setDisconnect(
                      Disconnect.newBuilder()
                          .setReason(Disconnect.Reason.REASON_TOO_SLOW)
                          .setDetail(
                              "more than "
                                  + MAX_QUEUED_FRAGMENTS
                                  + " reliable fragments were not acknowledged"))
                  .build());
      endpoint.send(to, c.reliable.unreliable(reason), nowMs, output);
      disconnect(to, nowMs);
      return false;
    }
    fresh.add(to);
    return true;
  }

  /**
   * Sends new reliable messages; every {@link #SWEEP_MS} also resends, delayed acks, keep-alives,
   * and ends silent and lingering connections. Call after each batch of input and on a clock.
   */
  public void update(long nowMs) {
    if (nowMs >= nextSweepMs) {
      nextSweepMs = nowMs + SWEEP_MS;
      fresh.clear();
      List<InetSocketAddress> done = new ArrayList<>();
      for (Map.Entry<InetSocketAddress, Connection> e : channels.entrySet()) {
        Connection c = e.getValue();
        flush(e.getKey(), c, nowMs);
        if (c.closingSinceMs >= 0
            && (!c.reliable.hasPending() || nowMs - c.closingSinceMs >= LINGER_MS)) {
          done.add(e.getKey());
        }
      }
      done.forEach(address -> endpoint.disconnect(address, nowMs, output));
      endpoint.update(nowMs, output);
    } else {
      for (InetSocketAddress address : fresh) {
        Connection c = channels.get(address);
        if (c != null) {
          flush(address, c, nowMs);
        }
      }
      fresh.clear();
    }
    handleEvents(nowMs);
  }

  /**
   * Closes a connection once the reliable messages queued so far are acknowledged (or after {@link
   * #LINGER_MS}); what it receives meanwhile is only used for acknowledgements.
   */
  public void close(InetSocketAddress address, long nowMs) {
    Connection c = channels.get(address);
    if (c != null && c.closingSinceMs < 0) {
      c.closingSinceMs = nowMs;
      fresh.add(address);
    }
  }

  /** Disconnects a player now: what is still queued for it is lost. */
  public void disconnect(InetSocketAddress address, long nowMs) {
    endpoint.disconnect(address, nowMs, output);
    handleEvents(nowMs);
  }

  /** Datagrams to send (drained). */
  public List<UdpOutput.Datagram> drainDatagrams() {
    return output.drainDatagrams();
  }

  /** Envelopes received (drained), in order per connection. */
  public List<Received> drainReceived() {
    List<Received> out = new ArrayList<>(received);
    received.clear();
    return out;
  }

  /** Connected and Disconnected events (drained). */
  public List<UdpEvent> drainEvents() {
    List<UdpEvent> out = new ArrayList<>(events);
    events.clear();
    return out;
  }

  /** Connections dropped because their payloads did not decode. */
  public long protocolErrors() {
    return protocolErrors;
  }

  /** Connections dropped because their reliable queue exceeded {@link #MAX_QUEUED_FRAGMENTS}. */
  public long tooSlow() {
    return tooSlow;
  }

  /** The endpoint, for its drop counters. */
  public UdpServerEndpoint endpoint() {
    return endpoint;
  }

  /** The reliable channel of a connection, for its counters; null when not connected. */
  ReliableChannel reliableChannelOf(InetSocketAddress address) {
    Connection c = channels.get(address);
    return c == null ? null : c.reliable;
  }

  private void flush(InetSocketAddress address, Connection c, long nowMs) {
    for (byte[] packet : c.reliable.pollPackets(nowMs)) {
      endpoint.send(address, packet, nowMs, output);
    }
  }

  private void handleEvents(long nowMs) {
    for (UdpEvent event : output.drainEvents()) {
      if (event instanceof UdpEvent.Connected c) {
        channels.put(c.address(), new Connection());
        events.add(c);
      } else if (event instanceof UdpEvent.Disconnected d) {
        channels.remove(d.address());
        fresh.remove(d.address());
        events.add(d);
      } else if (event instanceof UdpEvent.Payload p) {
        onPayload(p, nowMs);
      }
    }
  }

  private void onPayload(UdpEvent.Payload p, long nowMs) {
    Connection c = channels.get(p.address());
    if (c == null) {
      return;
    }
    try {
      List<byte[]> messages =
          switch (Channels.channelOf(p.data())) {
            case Channels.UNRELIABLE -> List.of(Channels.unreliableMessage(p.data()));
            case Channels.ACKED_UNRELIABLE ->
                List.of(c.reliable.onAckedUnreliable(p.data(), nowMs));
            default -> {
              try {
                c.reliable.onPacket(p.data(), 0, p.data().length, nowMs);
              } catch (ProtocolException e) {
                endpoint.drop(DropReason.BAD_RELIABLE_PACKET);
                throw e;
              }
              yield c.reliable.pollReceived();
            }
          };
      if (c.closingSinceMs >= 0) {
        return;
      }
      for (byte[] message : messages) {
        received.add(new Received(p.address(), p.playerId(), codec.decode(message)));
      }
    } catch (ProtocolException e) {
      protocolErrors++;
      endpoint.disconnect(p.address(), nowMs, output);
      handleEvents(nowMs);
    }
  }
}
