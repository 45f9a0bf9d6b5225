package org.bluemarble.node.resilience;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.bluemarble.edge.port.PortException;

/**
 * A circuit breaker for one dependency (Redis, MongoDB, the journal's read side): closed, it lets
 * calls through and remembers the outcome of the last {@code requestVolume}; when at least {@code
 * failureRate} of a full window failed it opens and refuses calls at once for {@code openFor}; then
 * it is half-open and lets calls through until {@code successesToClose} in a row succeed (closed
 * again, window cleared) or one fails (open again).
 *
 * <p>Pekko's {@code CircuitBreaker} counts consecutive failures and closes after a single trial
 * success, so it cannot express the architecture's rule (50 % of 20 calls, 3 successes to close);
 * this class does, with the same three states. Thread-safe; synchronous callers report outcomes
 * themselves ({@link GuardedRedis}), asynchronous ones go through {@link #callAsync} (MongoDB, the
 * journal's read side, Kafka).
 */
public final class CircuitBreaker {
  /** The breaker's states. */
  public enum State {
    CLOSED,
    OPEN,
    HALF_OPEN
  }

  private final String name;
  private final BreakerSettings settings;
  private final LongSupplier nanoClock;
  private final boolean[] window;
  private int calls;
  private int next;
  private int failures;
  private State state = State.CLOSED;
  private long openedAt;
  private int trialSuccesses;

  public CircuitBreaker(String name, BreakerSettings settings) {
    this(name, settings, System::nanoTime);
  }

  /** With a clock for tests. */
  public CircuitBreaker(String name, BreakerSettings settings, LongSupplier nanoClock) {
    this.name = name;
    this.settings = settings;
    this.nanoClock = nanoClock;
    this.window = new boolean[settings.requestVolume()];
  }

  public String name() {
    return name;
  }

  /** Whether a call may go out now (an open breaker turns half-open once openFor has passed). */
  public synchronized boolean allows() {
    if (state == State.OPEN && nanoClock.getAsLong() - openedAt >= settings.openFor().toNanos()) {
      state = State.HALF_OPEN;
      trialSuccesses = 0;
    }
    return state != State.OPEN;
  }

  /** How long until an open breaker lets trial calls through (zero unless open). */
  public synchronized Duration retryAfter() {
    if (state != State.OPEN) {
      return Duration.ZERO;
    }
    long left = settings.openFor().toNanos() - (nanoClock.getAsLong() - openedAt);
    return Duration.ofNanos(Math.max(0, left));
  }

  public synchronized State state() {
    allows();
    return state;
  }

  public synchronized void succeeded() {
    if (state == State.HALF_OPEN) {
      if (++trialSuccesses >= settings.successesToClose()) {
        state = State.CLOSED;
        calls = 0;
        next = 0;
        failures = 0;
      }
      return;
    }
    record(false);
  }

  public synchronized void failed() {
    if (state == State.HALF_OPEN) {
      open();
      return;
    }
    if (state == State.CLOSED) {
      record(true);
      if (calls >= window.length && failures >= settings.failureRate() * calls) {
        open();
      }
    }
  }

  /**
   * Runs {@code call} through the breaker: refused at once with {@link #refusal} while open; a
   * failure {@code outage} accepts, or no answer within {@code deadline}, counts as failed and
   * completes with {@link #refusal}; any other outcome counts as succeeded and passes through
   * unchanged (a bad request is the caller's fault, not the dependency's). Exceptions {@code call}
   * throws before it returns a stage (argument checks) propagate and count for nothing.
   *
   * @param deadline how long to wait for an answer; {@link Duration#ZERO} waits forever
   */
  public <T> CompletableFuture<T> callAsync(
      Supplier<? extends CompletionStage<T>> call, Predicate<Throwable> outage, Duration deadline) {
    if (!allows()) {
      return CompletableFuture.failedFuture(refusal("circuit open", retryAfter()));
    }
    CompletableFuture<T> answer = call.get().toCompletableFuture();
    if (!deadline.isZero()) {
      answer = answer.copy().orTimeout(deadline.toMillis(), TimeUnit.MILLISECONDS);
    }
    CompletableFuture<T> result = new CompletableFuture<>();
    answer.whenComplete(
        (value, error) -> {
          if (error == null) {
            succeeded();
            result.complete(value);
            return;
          }
          Throwable cause = unwrap(error);
          if (cause instanceof java.util.concurrent.TimeoutException) {
            failed();
            result.completeExceptionally(
                refusal("no answer within " + deadline.toMillis() + " ms", Duration.ofSeconds(1)));
          } else if (outage.test(cause)) {
            failed();
            result.completeExceptionally(refusal(cause.toString(), Duration.ofSeconds(1)));
          } else {
            succeeded();
            result.completeExceptionally(cause);
          }
        });
    return result;
  }

  /**
   * The refusal a caller sees when this dependency is unavailable: {@link PortException}
   * UNAVAILABLE naming the dependency, with a retry hint (the HTTP edge answers 503 with
   * Retry-After).
   */
  public PortException refusal(String why, Duration retryAfter) {
    return new PortException(
        PortException.Code.UNAVAILABLE,
        name + " is unavailable (" + why + "); try again later",
        retryAfter.isZero() ? Duration.ofSeconds(1) : retryAfter);
  }

  private static Throwable unwrap(Throwable t) {
    while ((t instanceof java.util.concurrent.CompletionException
            || t instanceof java.util.concurrent.ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  private void record(boolean failure) {
    if (calls == window.length && window[next]) {
      failures--;
    }
    window[next] = failure;
    if (failure) {
      failures++;
    }
    next = (next + 1) % window.length;
    calls = Math.min(calls + 1, window.length);
  }

  private void open() {
    state = State.OPEN;
    openedAt = nanoClock.getAsLong();
  }
}
