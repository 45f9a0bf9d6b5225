package org.bluemarble.edge.port;

/**
 * The game refused a request; {@link #code()} says how, the message says why in words a client can
 * show.
 */
public final class PortException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Kinds of refusal the edges map to their own status codes. */
  public enum Code {
    INVALID_INPUT,
    NOT_FOUND,
    CONFLICT,
    UNAVAILABLE
  }

  private final Code code;

  public PortException(Code code, String message) {
    super(message);
    this.code = code;
  }

  public Code code() {
    return code;
  }
}
