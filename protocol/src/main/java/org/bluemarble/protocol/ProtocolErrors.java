package org.bluemarble.protocol;

import com.google.protobuf.InvalidProtocolBufferException;
import org.bluemarble.protocol.v1.Envelope;
import org.bluemarble.protocol.v1.Error;

/**
 * The one place that maps failures to wire error codes and builds Error messages.
 *
 * <p>Edges call {@link #fromThrowable(Throwable)} on anything thrown while handling a frame and
 * send {@link #toEnvelope(long, ProtocolException)}; {@link #closesConnection(Error.Code)} says
 * whether continuing makes sense.
 */
public final class ProtocolErrors {

  private ProtocolErrors() {}

  /** Maps any failure to a protocol exception; unknown failures become CODE_INTERNAL. */
  public static ProtocolException fromThrowable(Throwable failure) {
    if (failure instanceof ProtocolException pe) {
      return pe;
    }
    if (failure instanceof InvalidProtocolBufferException) {
      return new ProtocolException(
          Error.Code.CODE_MALFORMED_FRAME, "frame is not a valid Envelope", failure);
    }
    if (failure instanceof IllegalArgumentException) {
      return new ProtocolException(Error.Code.CODE_INVALID_INPUT, failure.getMessage(), failure);
    }
    if (failure instanceof IllegalStateException) {
      return new ProtocolException(Error.Code.CODE_OUT_OF_PHASE, failure.getMessage(), failure);
    }
    return new ProtocolException(Error.Code.CODE_INTERNAL, "internal error", failure);
  }

  /** The Error message for an exception. */
  public static Error toProto(ProtocolException e) {
    return Error.newBuilder()
        .setCode(e.code())
        .setMessage(e.getMessage() == null ? "" : e.getMessage())
        .build();
  }

  /** An Envelope carrying the Error for an exception, answering {@code correlationId}. */
  public static Envelope toEnvelope(long correlationId, ProtocolException e) {
    return Envelope.newBuilder().setCorrelationId(correlationId).setError(toProto(e)).build();
  }

  /** Whether a WebSocket session should close after sending an error of this code. */
  public static boolean closesConnection(Error.Code code) {
    return switch (code) {
      case CODE_PROTOCOL_VERSION,
          CODE_MALFORMED_FRAME,
          CODE_FRAME_TOO_LARGE,
          CODE_SERVER_FULL,
          CODE_MAINTENANCE,
          CODE_UNAUTHENTICATED,
          CODE_ACCOUNT_BANNED ->
          true;
      default -> false;
    };
  }
}
