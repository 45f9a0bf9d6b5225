package org.bluemarble.protocol.phase;

import org.bluemarble.protocol.ProtocolException;
import org.bluemarble.protocol.ProtocolVersion;
import org.bluemarble.protocol.v1.Envelope;
import org.bluemarble.protocol.v1.Error;
import org.bluemarble.protocol.v1.HelloAccepted;
import org.bluemarble.protocol.v1.HelloRejected;

/**
 * The server's table of which client message is allowed in which {@link SessionPhase}, and the
 * answer to Hello. I/O-free, so both edges (WebSocket and UDP) share it: call {@link
 * #check(SessionPhase, Envelope.MessageCase)} on every received envelope before dispatching it.
 */
public final class PhaseGate {

  private PhaseGate() {}

  /**
   * Checks that a client may send this message now.
   *
   * @throws ProtocolException CODE_UNKNOWN_MESSAGE for messages only a server sends,
   *     CODE_OUT_OF_PHASE for client messages not allowed in {@code phase}
   */
  public static void check(SessionPhase phase, Envelope.MessageCase message) {
    SessionPhase needed = requiredPhase(message);
    if (phase == SessionPhase.CLOSED) {
      throw new ProtocolException(Error.Code.CODE_OUT_OF_PHASE, "the session is closing");
    }
    if (message == Envelope.MessageCase.HELLO && phase != SessionPhase.NEW) {
      throw new ProtocolException(Error.Code.CODE_OUT_OF_PHASE, "hello was already accepted");
    }
    if (phase.ordinal() < needed.ordinal()) {
      throw new ProtocolException(
          Error.Code.CODE_OUT_OF_PHASE,
          message + " needs phase " + needed + " or later, the session is " + phase);
    }
  }

  /** The earliest phase in which a client may send this message. */
  public static SessionPhase requiredPhase(Envelope.MessageCase message) {
    return switch (message) {
      case HELLO, PING, PONG, DISCONNECT -> SessionPhase.NEW;
      case AUTHENTICATE -> SessionPhase.GREETED;
      case ENTER_WORLD, REQUEST_CONNECT_TOKEN, CHAT_SEND -> SessionPhase.AUTHENTICATED;
      case GET_WALLET,
          SEARCH_LISTINGS,
          CREATE_LISTING,
          BUY_LISTING,
          CANCEL_LISTING,
          PLACE_ORDER,
          CANCEL_ORDER,
          PLACE_BID,
          BUYOUT_AUCTION,
          TRADE_REQUEST,
          TRADE_OFFER_SET,
          TRADE_CONFIRM,
          TRADE_CANCEL ->
          SessionPhase.AUTHENTICATED;
      case MOVEMENT_INPUT, SNAPSHOT_ACK, LEAVE_WORLD, USE_ABILITY, HARVEST_NODE, SOCIAL_REQUEST ->
          SessionPhase.IN_WORLD;
      default ->
          throw new ProtocolException(
              Error.Code.CODE_UNKNOWN_MESSAGE, message + " is not a message a client may send");
    };
  }

  /**
   * The answer to a Hello: HelloAccepted, or HelloRejected (after which the server closes).
   *
   * @param correlationId the Hello envelope's correlation id
   * @param clientVersion Hello.protocol_version
   * @param serverName name and version of the server build
   */
  public static Envelope answerHello(long correlationId, long clientVersion, String serverName) {
    Envelope.Builder out = Envelope.newBuilder().setCorrelationId(correlationId);
    if (ProtocolVersion.isSupported(clientVersion)) {
      return out.setHelloAccepted(
              HelloAccepted.newBuilder()
                  .setProtocolVersion(ProtocolVersion.CURRENT)
                  .setServerName(serverName))
          .build();
    }
    return out.setHelloRejected(
            HelloRejected.newBuilder()
                .setError(
                    Error.newBuilder()
                        .setCode(Error.Code.CODE_PROTOCOL_VERSION)
                        .setMessage(
                            "protocol_version "
                                + clientVersion
                                + " is not supported; this server accepts "
                                + ProtocolVersion.MIN_SUPPORTED
                                + ".."
                                + ProtocolVersion.CURRENT))
                .setMinProtocolVersion(ProtocolVersion.MIN_SUPPORTED)
                .setMaxProtocolVersion(ProtocolVersion.CURRENT))
        .build();
  }
}
