package org.bluemarble.edge.port;

/** A request field the game refuses, with what was sent and why (the edge answers 400). */
public final class InvalidFieldException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String field;
  private final String value;
  private final String reason;

  public InvalidFieldException(String field, String value, String reason) {
    super(field + " " + reason);
    this.field = field;
    this.value = value;
    this.reason = reason;
  }

  public String field() {
    return field;
  }

  public String value() {
    return value;
  }

  public String reason() {
    return reason;
  }
}
