package org.bluemarble.node;

import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;

/**
 * Start-up work that may fail for a while on a busy machine (a database file slow to open, a server
 * not yet reachable): tried up to {@code attempts} times, each failure logged with the wait before
 * the next try, the wait doubling from {@code backoff} up to {@link #MAX_BACKOFF}. Runs on the
 * start-up thread, which it blocks while it waits (never on a dispatcher thread).
 */
final class StartRetry {
  /** The longest wait between two attempts. */
  static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

  /** Waits between attempts; tests record the waits instead. */
  interface Pause {
    void pause(Duration d) throws InterruptedException;
  }

  private final int attempts;
  private final Duration backoff;
  private final Pause pause;
  private final Logger log;

  StartRetry(int attempts, Duration backoff, Pause pause, Logger log) {
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be at least 1, was " + attempts);
    }
    this.attempts = attempts;
    this.backoff = backoff;
    this.pause = pause;
    this.log = log;
  }

  /** Sleeps on the calling thread between attempts. */
  static StartRetry sleeping(int attempts, Duration backoff, Logger log) {
    return new StartRetry(attempts, backoff, d -> Thread.sleep(d.toMillis()), log);
  }

  /**
   * The result of {@code work}, tried until it returns or the attempts are used up; then the last
   * failure is thrown as a {@link StartupException} naming {@code what} and the attempts.
   */
  <T> T run(String what, Supplier<T> work) {
    Duration wait = backoff;
    for (int attempt = 1; ; attempt++) {
      try {
        return work.get();
      } catch (RuntimeException e) {
        String cause = BlueMarbleNode.rootMessage(e);
        if (attempt >= attempts) {
          throw new StartupException(
              what + " failed " + attempts + " time(s), giving up: " + cause, e);
        }
        log.warn(
            "{} failed (attempt {} of {}): {}; trying again in {} ms",
            what,
            attempt,
            attempts,
            cause,
            wait.toMillis());
        try {
          pause.pause(wait);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw new StartupException(what + " interrupted while waiting to try again", e);
        }
        wait = wait.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait.multipliedBy(2);
      }
    }
  }
}
