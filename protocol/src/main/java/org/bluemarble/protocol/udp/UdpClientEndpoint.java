package org.bluemarble.protocol.udp;

import java.net.InetSocketAddress;
import java.util.EnumMap;
import java.util.Map;

/**
 * The client side of the UDP connection layer as an I/O-free state machine, mirroring {@link
 * UdpServerEndpoint}: {@link #connect} starts the handshake with a {@link ConnectToken}, {@link
 * #receive} handles datagrams from the server, {@link #update} resends handshake packets, sends
 * keep-alives and detects time-outs. One instance per connection; not thread-safe.
 */
public final class UdpClientEndpoint {

  /** Interval between repeated requests / responses while the handshake is incomplete. */
  public static final long HANDSHAKE_RESEND_MS = 100;

  /** Where the connection stands. */
  public enum State {
    /** Not started. */
    IDLE,
    /** Sending connection requests, waiting for the challenge. */
    REQUESTING,
    /** Sending the challenge response, waiting for the first keep-alive or payload. */
    RESPONDING,
    /** Handshake complete; payloads flow. */
    CONNECTED,
    /** Ended; see {@link #disconnectReason()}. */
    DISCONNECTED
  }

  private final ConnectToken token;
  private final InetSocketAddress server;
  private final Aead aead = new Aead();
  private final ReplayWindow replay = new ReplayWindow();
  private final EnumMap<DropReason, Long> drops = new EnumMap<>(DropReason.class);
  private final String playerLabel;
  private State state = State.IDLE;
  private UdpEvent.Reason disconnectReason;
  private byte[] challenge;
  private long nextSequence;
  private long lastReceivedMs;
  private long lastSentMs;

  /**
   * An endpoint for a token, sending to {@code server} (normally the token's server address).
   *
   * @param playerLabel the player id to put in events (the client cannot read the private token)
   */
  public UdpClientEndpoint(ConnectToken token, InetSocketAddress server, String playerLabel) {
    this.token = token;
    this.server = server;
    this.playerLabel = playerLabel;
  }

  /** Starts the handshake: sends the first connection request. */
  public void connect(long nowMs, UdpOutput out) {
    if (state != State.IDLE) {
      throw new IllegalStateException("connect() called in state " + state);
    }
    state = State.REQUESTING;
    lastReceivedMs = nowMs;
    sendRequest(nowMs, out);
  }

  /** Handles one datagram received from the server address. */
  public void receive(byte[] data, int length, long nowMs, UdpOutput out) {
    if (length < UdpWire.HEADER_BYTES + Aead.TAG_BYTES || length > UdpWire.MAX_DATAGRAM_BYTES) {
      drop(DropReason.BAD_SIZE);
      return;
    }
    PacketType type = PacketType.fromId(data[0]);
    if (type == null || type == PacketType.REQUEST || type == PacketType.RESPONSE) {
      drop(DropReason.UNKNOWN_TYPE);
      return;
    }
    if (state == State.IDLE || state == State.DISCONNECTED) {
      drop(DropReason.NOT_CONNECTED);
      return;
    }
    long sequence = UdpWire.sequence(data);
    if (!replay.isAcceptable(sequence)) {
      drop(DropReason.REPLAYED);
      return;
    }
    byte[] plain =
        UdpWire.open(aead, token.protocolId(), type, token.serverToClientKey(), data, length);
    if (plain == null) {
      drop(DropReason.AUTH_FAILED);
      return;
    }
    replay.markReceived(sequence);
    lastReceivedMs = nowMs;
    switch (type) {
      case CHALLENGE -> onChallenge(plain, nowMs, out);
      case KEEP_ALIVE -> confirm(out);
      case PAYLOAD -> {
        confirm(out);
        if (state == State.CONNECTED) {
          out.emit(new UdpEvent.Payload(server, playerLabel, plain));
        }
      }
      case DISCONNECT -> end(UdpEvent.Reason.PEER_DISCONNECTED, out);
      default -> drop(DropReason.OUT_OF_PHASE);
    }
  }

  /** Sends channel data; only when connected. */
  public void send(byte[] payload, long nowMs, UdpOutput out) {
    if (state != State.CONNECTED) {
      throw new IllegalStateException("send() needs state CONNECTED, is " + state);
    }
    sendPacket(PacketType.PAYLOAD, payload, nowMs, out);
  }

  /** Resends handshake packets, sends keep-alives, detects time-outs and token expiry. */
  public void update(long nowMs, UdpOutput out) {
    switch (state) {
      case REQUESTING -> {
        if (nowMs >= token.expiresAtMs()) {
          end(UdpEvent.Reason.TOKEN_EXPIRED, out);
        } else if (nowMs - lastReceivedMs > token.timeoutMs()) {
          end(UdpEvent.Reason.TIMED_OUT, out);
        } else if (nowMs - lastSentMs >= HANDSHAKE_RESEND_MS) {
          sendRequest(nowMs, out);
        }
      }
      case RESPONDING -> {
        if (nowMs - lastReceivedMs > token.timeoutMs()) {
          end(UdpEvent.Reason.TIMED_OUT, out);
        } else if (nowMs - lastSentMs >= HANDSHAKE_RESEND_MS) {
          sendPacket(PacketType.RESPONSE, challenge, nowMs, out);
        }
      }
      case CONNECTED -> {
        if (nowMs - lastReceivedMs > token.timeoutMs()) {
          end(UdpEvent.Reason.TIMED_OUT, out);
        } else if (nowMs - lastSentMs >= UdpServerEndpoint.KEEP_ALIVE_INTERVAL_MS) {
          sendPacket(PacketType.KEEP_ALIVE, new byte[0], nowMs, out);
        }
      }
      default -> {}
    }
  }

  /** Closes the connection, telling the server (three times, as packets may be lost). */
  public void disconnect(long nowMs, UdpOutput out) {
    if (state == State.CONNECTED) {
      for (int i = 0; i < 3; i++) {
        sendPacket(PacketType.DISCONNECT, new byte[0], nowMs, out);
      }
    }
    if (state != State.DISCONNECTED) {
      end(UdpEvent.Reason.CLOSED_LOCALLY, out);
    }
  }

  /** The current state. */
  public State state() {
    return state;
  }

  /** Why the connection ended, or null while it has not. */
  public UdpEvent.Reason disconnectReason() {
    return disconnectReason;
  }

  /** The server address datagrams go to. */
  public InetSocketAddress server() {
    return server;
  }

  /** Drop counters (a copy). */
  public Map<DropReason, Long> drops() {
    return new EnumMap<>(drops);
  }

  private void onChallenge(byte[] plain, long nowMs, UdpOutput out) {
    if (state != State.REQUESTING || plain.length != UdpWire.CHALLENGE_BYTES) {
      // A repeated challenge after we answered is harmless; just answer again.
      if (state == State.RESPONDING) {
        sendPacket(PacketType.RESPONSE, challenge, nowMs, out);
      } else {
        drop(DropReason.OUT_OF_PHASE);
      }
      return;
    }
    challenge = plain;
    state = State.RESPONDING;
    sendPacket(PacketType.RESPONSE, challenge, nowMs, out);
  }

  private void confirm(UdpOutput out) {
    if (state == State.RESPONDING) {
      state = State.CONNECTED;
      out.emit(new UdpEvent.Connected(server, playerLabel));
    }
  }

  private void end(UdpEvent.Reason reason, UdpOutput out) {
    boolean wasConnected = state == State.CONNECTED;
    state = State.DISCONNECTED;
    disconnectReason = reason;
    if (wasConnected || reason != UdpEvent.Reason.CLOSED_LOCALLY) {
      out.emit(new UdpEvent.Disconnected(server, playerLabel, reason));
    }
  }

  private void sendRequest(long nowMs, UdpOutput out) {
    lastSentMs = nowMs;
    out.send(server, UdpWire.request(token));
  }

  private void sendPacket(PacketType type, byte[] plain, long nowMs, UdpOutput out) {
    byte[] packet =
        UdpWire.seal(
            aead,
            token.protocolId(),
            type,
            nextSequence++,
            token.clientToServerKey(),
            plain,
            0,
            plain.length);
    lastSentMs = nowMs;
    out.send(server, packet);
  }

  private void drop(DropReason reason) {
    drops.merge(reason, 1L, Long::sum);
  }
}
