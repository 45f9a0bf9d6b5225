package org.bluemarble.protocol;

import java.util.Objects;
import org.bluemarble.protocol.v1.Error;

/**
 * A protocol violation or request failure that maps to one wire {@link Error.Code}.
 *
 * <p>Thrown by the codecs and session logic instead of parser or argument exceptions, so an edge
 * can always answer with {@link ProtocolErrors#toProto(ProtocolException)}.
 */
public final class ProtocolException extends RuntimeException {

  private final Error.Code code;

  /** Creates an exception with a code and a message naming the offending field or value. */
  public ProtocolException(Error.Code code, String message) {
    super(message);
    this.code = Objects.requireNonNull(code, "code");
  }

  /** Creates an exception that keeps the low-level cause for logs. */
  public ProtocolException(Error.Code code, String message, Throwable cause) {
    super(message, cause);
    this.code = Objects.requireNonNull(code, "code");
  }

  /** The wire code for this failure. */
  public Error.Code code() {
    return code;
  }
}
