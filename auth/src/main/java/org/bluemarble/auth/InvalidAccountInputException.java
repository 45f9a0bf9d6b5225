package org.bluemarble.auth;

/**
 * Registration or password input broke a rule of {@link AccountRules}. The edge maps it to 400 with
 * {@link #field()} and {@link #reason()}; the message never echoes the rejected value, which may be
 * a password or megabytes of hostile text.
 */
public final class InvalidAccountInputException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String field;
  private final String reason;

  public InvalidAccountInputException(String field, String reason) {
    super(field + ": " + reason);
    this.field = field;
    this.reason = reason;
  }

  /** The input field: {@code username}, {@code email} or {@code password}. */
  public String field() {
    return field;
  }

  /** Why it was rejected, fit for a client. */
  public String reason() {
    return reason;
  }
}
