package org.bluemarble.edge.port;

/**
 * The economy refused an operation: {@code code} is its stable error code (e.g. {@code
 * INSUFFICIENT_FUNDS}, {@code LISTING_UNAVAILABLE}), which the routes map to an HTTP status.
 */
public final class MarketRefusal extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String code;

  public MarketRefusal(String code, String message) {
    super(message);
    this.code = code;
  }

  public String code() {
    return code;
  }
}
