package org.bluemarble.edge.session;

import java.util.concurrent.CompletionException;
import org.bluemarble.edge.port.PortException;
import org.bluemarble.protocol.ProtocolException;
import org.bluemarble.protocol.v1.Disconnect;
import org.bluemarble.protocol.v1.Envelope;
import org.bluemarble.protocol.v1.Error;

/** Maps what went wrong behind a session (the port, the token check) to protocol errors. */
final class SessionFailures {
  private SessionFailures() {}

  /** The protocol error for a failed port call or token check. */
  static ProtocolException toProtocol(Throwable failure) {
    Throwable cause = failure instanceof CompletionException c ? c.getCause() : failure;
    if (cause instanceof ProtocolException p) {
      return p;
    }
    if (cause instanceof PortException p) {
      Error.Code code =
          switch (p.code()) {
            case NOT_FOUND -> Error.Code.CODE_NOT_FOUND;
            case INVALID_INPUT, CONFLICT -> Error.Code.CODE_INVALID_INPUT;
            case UNAVAILABLE -> Error.Code.CODE_INTERNAL;
            case BANNED -> Error.Code.CODE_ACCOUNT_BANNED;
          };
      return new ProtocolException(code, p.getMessage());
    }
    return new ProtocolException(
        Error.Code.CODE_INTERNAL, "the world did not answer: " + cause.getMessage());
  }

  /** The Disconnect a session sends before it closes. */
  static Envelope disconnect(Disconnect.Reason reason, String detail) {
    return Envelope.newBuilder()
        .setDisconnect(
            Disconnect.newBuilder().setReason(reason).setDetail(detail == null ? "" : detail))
        .build();
  }
}
