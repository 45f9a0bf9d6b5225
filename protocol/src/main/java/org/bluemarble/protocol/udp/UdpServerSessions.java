package org.bluemarble.protocol.udp;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bluemarble.protocol.Delivery;
import org.bluemarble.protocol.ProtocolCodec;
import org.bluemarble.protocol.ProtocolException;
import org.bluemarble.protocol.v1.Envelope;

/**
 * Envelopes on top of {@link UdpServerEndpoint}: one {@link ReliableChannel} per connection, the
 * unreliable channel for what {@link Delivery} marks so, and Envelope decoding. Still I/O-free: the
 * UDP edge feeds datagrams and the clock in, sends {@link UdpOutput} datagrams out, and hands
 * {@link Received} envelopes and connection events to the sessions. One thread drives it.
 *
 * <p>A connection whose reliable packets or envelopes do not decode is disconnected (an
 * authenticated peer that sends garbage is broken or hostile).
 */
public final class UdpServerSessions {

  /** An envelope from a connected player. */
  public record Received(InetSocketAddress address, String playerId, Envelope envelope) {}

  private final UdpServerEndpoint endpoint;
  private final ProtocolCodec codec;
  private final Map<InetSocketAddress, ReliableChannel> channels = new HashMap<>();
  private final UdpOutput output = new UdpOutput();
  private final List<Received> received = new ArrayList<>();
  private final List<UdpEvent> events = new ArrayList<>();
  private long protocolErrors;
  private long tooSlow;

  /**
   * Reliable fragments (≈1 KB each) queued for one connection beyond which the client is
   * disconnected as too slow: reliable messages are never dropped, so a peer that cannot keep up
   * must go.
   */
  public static final int MAX_QUEUED_FRAGMENTS = 2_048;

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

  /** Queues an envelope for a connected player; false if the address is not connected. */
  public boolean send(InetSocketAddress to, Envelope envelope, long nowMs) {
    ReliableChannel channel = channels.get(to);
    if (channel == null) {
      return false;
    }
    byte[] bytes = codec.encode(envelope);
    if (Delivery.isUnreliable(envelope.getMessageCase())) {
      return endpoint.send(to, Channels.unreliable(bytes), nowMs, output);
    }
    channel.send(bytes);
    if (channel.queuedFragments() > MAX_QUEUED_FRAGMENTS) {
      tooSlow++;
      disconnect(to, nowMs);
      return false;
    }
    return true;
  }

  /** Sends reliable packets, resends, keep-alives; times out silent connections. */
  public void update(long nowMs) {
    for (Map.Entry<InetSocketAddress, ReliableChannel> e : channels.entrySet()) {
      for (byte[] packet : e.getValue().pollPackets(nowMs)) {
        endpoint.send(e.getKey(), packet, nowMs, output);
      }
    }
    endpoint.update(nowMs, output);
    handleEvents(nowMs);
  }

  /** Disconnects a player. */
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

  private void handleEvents(long nowMs) {
    for (UdpEvent event : output.drainEvents()) {
      if (event instanceof UdpEvent.Connected c) {
        channels.put(c.address(), new ReliableChannel());
        events.add(c);
      } else if (event instanceof UdpEvent.Disconnected d) {
        channels.remove(d.address());
        events.add(d);
      } else if (event instanceof UdpEvent.Payload p) {
        onPayload(p, nowMs);
      }
    }
  }

  private void onPayload(UdpEvent.Payload p, long nowMs) {
    ReliableChannel channel = channels.get(p.address());
    if (channel == null) {
      return;
    }
    try {
      if (Channels.channelOf(p.data()) == Channels.UNRELIABLE) {
        byte[] message = Channels.unreliableMessage(p.data());
        received.add(new Received(p.address(), p.playerId(), codec.decode(message)));
      } else {
        channel.onPacket(p.data(), 0, p.data().length, nowMs);
        for (byte[] message : channel.pollReceived()) {
          received.add(new Received(p.address(), p.playerId(), codec.decode(message)));
        }
      }
    } catch (ProtocolException e) {
      protocolErrors++;
      endpoint.disconnect(p.address(), nowMs, output);
      handleEvents(nowMs);
    }
  }
}
