package org.bluemarble.market;

import java.util.Objects;

/**
 * A refused economy operation: carries the {@link MarketError} code for the caller to map and a
 * message naming the offending field and value. Thrown before any state changes.
 */
public final class MarketException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final MarketError error;

  public MarketException(MarketError error, String message) {
    super(error + ": " + message);
    this.error = Objects.requireNonNull(error, "error");
  }

  /** The machine-readable reason. */
  public MarketError error() {
    return error;
  }
}
