package org.bluemarble.protocol.udp;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * The server side of the UDP connection layer as an I/O-free state machine: feed it datagrams
 * ({@link #receive}) and the clock ({@link #update}); it puts datagrams to send and {@link
 * UdpEvent}s into a {@link UdpOutput}. One instance per UDP socket, driven by one thread.
 *
 * <p>Handshake: request (sealed token) → challenge → response → keep-alive, then payloads. Invalid
 * datagrams are dropped silently and counted by {@link DropReason}. Before a connection completes
 * its handshake the server never sends more bytes to an address than it received from it.
 *
 * <p>Budgets: at most {@code maxConnections} connected clients and, separately, at most {@code
 * maxPending} pending handshakes, so handshakes that never complete cannot take the slots of
 * players. A player has at most one pending handshake: a new request for the same player replaces
 * the older one (its token is spent). A pending handshake ends after {@link #HANDSHAKE_TIMEOUT_MS}
 * (or the token's shorter idle timeout). Tokens of another issuer incarnation (from before a
 * restart) are refused, see {@link ConnectTokenIssuer}.
 */
public final class UdpServerEndpoint {

  /** Interval between keep-alives on an otherwise idle connection. */
  public static final long KEEP_ALIVE_INTERVAL_MS = 1_000;

  /** The longest a handshake may stay pending (challenged, no valid response). */
  public static final long HANDSHAKE_TIMEOUT_MS = 5_000;

  /**
   * Configuration of an endpoint.
   *
   * @param maxConnections connected clients at most
   * @param maxPending pending handshakes at most (a budget of their own)
   */
  public record Settings(
      ConnectTokenIssuer tokens,
      String publicAddress,
      int maxConnections,
      int maxPending,
      Random random) {

    /** Settings with a secure random source and as many pending handshakes as connections. */
    public Settings(ConnectTokenIssuer tokens, String publicAddress, int maxConnections) {
      this(tokens, publicAddress, maxConnections, maxConnections, new SecureRandom());
    }
  }

  private final Settings settings;
  private final Aead aead = new Aead();
  private final Map<InetSocketAddress, ServerConnection> byAddress = new HashMap<>();
  private final Map<ByteBuffer, ServerConnection> byTokenNonce = new HashMap<>();
  private final Map<String, ServerConnection> byPlayer = new HashMap<>();
  private final Map<String, ServerConnection> pendingByPlayer = new HashMap<>();
  // Nonces of tokens whose connection ended, until the token expires: a token opens one connection.
  private final Map<ByteBuffer, Long> spentTokens = new HashMap<>();
  private final EnumMap<DropReason, Long> drops = new EnumMap<>(DropReason.class);

  /** An endpoint for the given settings. */
  public UdpServerEndpoint(Settings settings) {
    if (settings.maxConnections() < 1) {
      throw new IllegalArgumentException(
          "maxConnections must be positive, was " + settings.maxConnections());
    }
    if (settings.maxPending() < 1) {
      throw new IllegalArgumentException(
          "maxPending must be positive, was " + settings.maxPending());
    }
    this.settings = settings;
  }

  /** Handles one received datagram ({@code data[0..length)}) from {@code from}. */
  public void receive(byte[] data, int length, InetSocketAddress from, long nowMs, UdpOutput out) {
    if (length < 1 || length > UdpWire.MAX_DATAGRAM_BYTES || length > data.length) {
      drop(DropReason.BAD_SIZE);
      return;
    }
    PacketType type = PacketType.fromId(data[0]);
    if (type == null) {
      drop(DropReason.UNKNOWN_TYPE);
    } else if (type == PacketType.REQUEST) {
      onRequest(data, length, from, nowMs, out);
    } else {
      onEncrypted(type, data, length, from, nowMs, out);
    }
  }

  /** Sends channel data to a connected address; false if it is not connected. */
  public boolean send(InetSocketAddress to, byte[] payload, long nowMs, UdpOutput out) {
    ServerConnection c = byAddress.get(to);
    if (c == null || !c.connected) {
      return false;
    }
    sendPacket(c, PacketType.PAYLOAD, payload, nowMs, out);
    return true;
  }

  /** Sends keep-alives and times out silent connections. Call every few tens of ms. */
  public void update(long nowMs, UdpOutput out) {
    List<ServerConnection> expired = new ArrayList<>();
    for (ServerConnection c : byAddress.values()) {
      if (nowMs - c.lastReceivedMs > c.token.timeoutMs()
          || (!c.connected && nowMs - c.createdMs > HANDSHAKE_TIMEOUT_MS)) {
        expired.add(c);
      } else if (c.connected && nowMs - c.lastSentMs >= KEEP_ALIVE_INTERVAL_MS) {
        sendPacket(c, PacketType.KEEP_ALIVE, new byte[0], nowMs, out);
      }
    }
    for (ServerConnection c : expired) {
      remove(c, UdpEvent.Reason.TIMED_OUT, out);
    }
    spentTokens.values().removeIf(expiry -> expiry <= nowMs);
  }

  /** Closes a connection: sends disconnect packets and reports it. */
  public void disconnect(InetSocketAddress address, long nowMs, UdpOutput out) {
    ServerConnection c = byAddress.get(address);
    if (c != null) {
      if (c.connected) {
        for (int i = 0; i < 3; i++) {
          sendPacket(c, PacketType.DISCONNECT, new byte[0], nowMs, out);
        }
      }
      remove(c, UdpEvent.Reason.CLOSED_LOCALLY, out);
    }
  }

  /** Number of connected (handshake complete) clients. */
  public int connectedCount() {
    return byPlayer.size();
  }

  /** Number of pending handshakes (challenged, not yet connected). */
  public int pendingCount() {
    return pendingByPlayer.size();
  }

  /** How many datagrams were dropped for a reason. */
  public long dropped(DropReason reason) {
    return drops.getOrDefault(reason, 0L);
  }

  /** All drop counters (a copy). */
  public Map<DropReason, Long> drops() {
    return new EnumMap<>(drops);
  }

  private void onRequest(
      byte[] data, int length, InetSocketAddress from, long nowMs, UdpOutput out) {
    if (length != UdpWire.REQUEST_BYTES) {
      drop(DropReason.BAD_SIZE);
      return;
    }
    if (UdpWire.requestProtocolId(data) != settings.tokens().protocolId()) {
      drop(DropReason.WRONG_PROTOCOL);
      return;
    }
    long expiry = UdpWire.requestExpiry(data);
    if (expiry <= nowMs) {
      drop(DropReason.TOKEN_EXPIRED);
      return;
    }
    byte[] nonce = UdpWire.requestNonce(data);
    Optional<PrivateToken> opened =
        settings.tokens().open(expiry, nonce, data, UdpWire.requestTokenOffset());
    if (opened.isEmpty()) {
      drop(DropReason.TOKEN_INVALID);
      return;
    }
    PrivateToken token = opened.get();
    if (!token.serverAddress().equals(settings.publicAddress())) {
      drop(DropReason.WRONG_SERVER);
      return;
    }
    if (token.issuerIncarnation() != settings.tokens().incarnation()) {
      drop(DropReason.TOKEN_STALE);
      return;
    }
    ByteBuffer nonceKey = ByteBuffer.wrap(nonce);
    if (spentTokens.containsKey(nonceKey)) {
      drop(DropReason.TOKEN_REUSED);
      return;
    }
    ServerConnection existing = byTokenNonce.get(nonceKey);
    if (existing != null) {
      if (!existing.address.equals(from)) {
        drop(DropReason.TOKEN_REUSED);
      } else if (!existing.connected) {
        // The challenge was lost: repeat it (still smaller than the request).
        sendPacket(existing, PacketType.CHALLENGE, existing.challenge, nowMs, out);
      } else {
        drop(DropReason.OUT_OF_PHASE);
      }
      return;
    }
    ServerConnection olderPending = pendingByPlayer.get(token.playerId());
    if (olderPending != null) {
      // One pending handshake per player: the newest request wins, the older token is spent.
      remove(olderPending, UdpEvent.Reason.REPLACED, out);
    }
    ServerConnection atAddress = byAddress.get(from);
    if (atAddress != null) {
      drop(DropReason.OUT_OF_PHASE);
      return;
    }
    if (byPlayer.size() >= settings.maxConnections() && !byPlayer.containsKey(token.playerId())) {
      drop(DropReason.SERVER_FULL);
      return;
    }
    if (pendingByPlayer.size() >= settings.maxPending()) {
      drop(DropReason.HANDSHAKES_FULL);
      return;
    }
    byte[] challenge = new byte[UdpWire.CHALLENGE_BYTES];
    settings.random().nextBytes(challenge);
    ServerConnection c = new ServerConnection(from, token, nonceKey, challenge, nowMs);
    byAddress.put(from, c);
    byTokenNonce.put(nonceKey, c);
    pendingByPlayer.put(token.playerId(), c);
    sendPacket(c, PacketType.CHALLENGE, challenge, nowMs, out);
  }

  private void onEncrypted(
      PacketType type, byte[] data, int length, InetSocketAddress from, long nowMs, UdpOutput out) {
    ServerConnection c = byAddress.get(from);
    if (c == null) {
      drop(DropReason.NOT_CONNECTED);
      return;
    }
    if (length < UdpWire.HEADER_BYTES + Aead.TAG_BYTES) {
      drop(DropReason.BAD_SIZE);
      return;
    }
    long sequence = UdpWire.sequence(data);
    if (!c.replay.isAcceptable(sequence)) {
      drop(DropReason.REPLAYED);
      return;
    }
    byte[] plain =
        UdpWire.open(
            aead, settings.tokens().protocolId(), type, c.token.clientToServerKey(), data, length);
    if (plain == null) {
      drop(DropReason.AUTH_FAILED);
      return;
    }
    c.replay.markReceived(sequence);
    c.lastReceivedMs = nowMs;
    if (!c.connected) {
      onPendingPacket(c, type, plain, nowMs, out);
      return;
    }
    switch (type) {
      case PAYLOAD -> out.emit(new UdpEvent.Payload(from, c.token.playerId(), plain));
      case KEEP_ALIVE -> {}
      case DISCONNECT -> remove(c, UdpEvent.Reason.PEER_DISCONNECTED, out);
      case RESPONSE -> sendPacket(c, PacketType.KEEP_ALIVE, new byte[0], nowMs, out);
      default -> drop(DropReason.OUT_OF_PHASE);
    }
  }

  private void onPendingPacket(
      ServerConnection c, PacketType type, byte[] plain, long nowMs, UdpOutput out) {
    if (type != PacketType.RESPONSE) {
      drop(DropReason.OUT_OF_PHASE);
      return;
    }
    if (!MessageDigest.isEqual(plain, c.challenge)) {
      drop(DropReason.BAD_CHALLENGE);
      return;
    }
    ServerConnection previous = byPlayer.get(c.token.playerId());
    if (previous == null && byPlayer.size() >= settings.maxConnections()) {
      drop(DropReason.SERVER_FULL);
      remove(c, UdpEvent.Reason.CLOSED_LOCALLY, out);
      return;
    }
    if (previous != null) {
      remove(previous, UdpEvent.Reason.REPLACED, out);
    }
    pendingByPlayer.remove(c.token.playerId(), c);
    c.connected = true;
    byPlayer.put(c.token.playerId(), c);
    out.emit(new UdpEvent.Connected(c.address, c.token.playerId()));
    sendPacket(c, PacketType.KEEP_ALIVE, new byte[0], nowMs, out);
  }

  private void sendPacket(
      ServerConnection c, PacketType type, byte[] plain, long nowMs, UdpOutput out) {
    byte[] packet =
        UdpWire.seal(
            aead,
            settings.tokens().protocolId(),
            type,
            c.nextSequence++,
            c.token.serverToClientKey(),
            plain,
            0,
            plain.length);
    c.lastSentMs = nowMs;
    out.send(c.address, packet);
  }

  private void remove(ServerConnection c, UdpEvent.Reason reason, UdpOutput out) {
    byAddress.remove(c.address);
    byTokenNonce.remove(c.tokenNonce);
    spentTokens.put(c.tokenNonce, c.token.expiresAtMs());
    pendingByPlayer.remove(c.token.playerId(), c);
    if (c.connected) {
      byPlayer.remove(c.token.playerId(), c);
      out.emit(new UdpEvent.Disconnected(c.address, c.token.playerId(), reason));
    }
  }

  /** Counts a drop decided above the endpoint (by {@link UdpServerSessions}). */
  void drop(DropReason reason) {
    drops.merge(reason, 1L, Long::sum);
  }
}
