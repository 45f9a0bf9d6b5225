package org.bluemarble.auth;

/** An external ID token was refused; {@link #reason()} says why. */
public final class OidcException extends Exception {
  private static final long serialVersionUID = 1L;

  private final OidcRejection reason;

  public OidcException(OidcRejection reason, String message) {
    super(reason + ": " + message);
    this.reason = reason;
  }

  public OidcException(OidcRejection reason, String message, Throwable cause) {
    super(reason + ": " + message, cause);
    this.reason = reason;
  }

  public OidcRejection reason() {
    return reason;
  }
}
