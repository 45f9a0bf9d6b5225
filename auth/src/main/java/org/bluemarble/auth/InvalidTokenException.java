package org.bluemarble.auth;

/** An access token was refused; {@link #reason()} says why, for a 401 with a clear message. */
public final class InvalidTokenException extends Exception {
  private static final long serialVersionUID = 1L;

  private final TokenRejection reason;

  public InvalidTokenException(TokenRejection reason, String message) {
    super(reason + ": " + message);
    this.reason = reason;
  }

  public TokenRejection reason() {
    return reason;
  }
}
