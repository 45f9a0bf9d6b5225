package org.bluemarble.edge.port;

import java.time.Duration;
import java.util.Optional;

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
    UNAVAILABLE,
    /** The account is banned: it may not hold a game session. */
    BANNED
  }

  private final Code code;
  private final Duration retryAfter;

  public PortException(Code code, String message) {
    this(code, message, null);
  }

  /**
   * A refusal that may succeed if retried after {@code retryAfter} (null when retrying will not
   * help).
   */
  public PortException(Code code, String message, Duration retryAfter) {
    super(message);
    this.code = code;
    this.retryAfter = retryAfter;
  }

  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  public Code code() {
    return code;
  }
}
