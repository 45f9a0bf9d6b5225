package org.bluemarble.replay;

/**
 * A replay request that cannot be answered: a bad request (unknown type, bad range, an unreadable
 * event in the way), a missing entity, or the journal database not answering. The message says
 * which and never carries the database's own error text.
 */
public final class ReplayException extends RuntimeException {
  /** What went wrong, for status codes. */
  public enum Kind {
    BAD_REQUEST,
    NOT_FOUND,
    UNAVAILABLE
  }

  private final Kind kind;

  public ReplayException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public static ReplayException badRequest(String message) {
    return new ReplayException(Kind.BAD_REQUEST, message, null);
  }

  public static ReplayException notFound(String message) {
    return new ReplayException(Kind.NOT_FOUND, message, null);
  }

  public Kind kind() {
    return kind;
  }
}
