package org.bluemarble.chat;

/**
 * The flood limit of one sender: {@code ratePerSecond} tokens a second up to {@code burst}; a line
 * takes one. Pure and not thread-safe (one presence actor owns it); time is passed in nanoseconds.
 */
public final class TokenBucket {
  private final double ratePerNano;
  private final double burst;
  private double tokens;
  private long lastNanos;

  /** A full bucket at {@code nowNanos}. */
  public TokenBucket(double ratePerSecond, int burst, long nowNanos) {
    if (!(ratePerSecond > 0) || burst < 1) {
      throw new IllegalArgumentException("rate must be > 0 and burst >= 1");
    }
    this.ratePerNano = ratePerSecond / 1e9;
    this.burst = burst;
    this.tokens = burst;
    this.lastNanos = nowNanos;
  }

  /**
   * Takes one token at {@code nowNanos}.
   *
   * @return 0 when taken, else how many milliseconds until one is available (at least 1)
   */
  public long take(long nowNanos) {
    long elapsed = Math.max(0, nowNanos - lastNanos);
    tokens = Math.min(burst, tokens + elapsed * ratePerNano);
    lastNanos = Math.max(lastNanos, nowNanos);
    if (tokens >= 1.0) {
      tokens -= 1.0;
      return 0;
    }
    double missingNanos = (1.0 - tokens) / ratePerNano;
    return Math.max(1, (long) Math.ceil(missingNanos / 1e6));
  }
}
