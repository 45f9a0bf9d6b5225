package org.bluemarble.tracing;

import java.util.function.Supplier;
import org.bluemarble.edge.port.TraceScope;
import org.slf4j.Logger;
import org.slf4j.MDC;

/**
 * Trace context inside the actors: a command handler opens {@link #of} around the log lines it
 * writes for a {@link Traced} command, and they carry MDC {@code trace_id} (the key the HTTP edge
 * uses, so the JSON log lines of edge and entity join on it). Explicit rather than Pekko's {@code
 * Behaviors.withMdc}: an event-sourced behavior manages the MDC itself while it handles a command
 * (persistence id and phase), and a wrapper's entries did not reach its log lines.
 */
public final class TraceMdc implements AutoCloseable {
  /** MDC key, the same as the edge's {@code TraceContext.MDC_KEY}. */
  public static final String KEY = "trace_id";

  private static final TraceMdc NONE = new TraceMdc(false);

  private final boolean put;

  private TraceMdc(boolean put) {
    this.put = put;
  }

  /**
   * Puts {@code command}'s trace id into the MDC until {@link #close} (nothing when it has none).
   */
  public static TraceMdc of(Traced command) {
    if (command.traceId() == null) {
      return NONE;
    }
    MDC.put(KEY, command.traceId());
    return new TraceMdc(true);
  }

  /** Nothing to put: for a message that carries no trace. */
  public static TraceMdc none() {
    return NONE;
  }

  /** The trace id in this thread's MDC (a handler running under {@link #of}), or null. */
  public static String inMdc() {
    return MDC.get(KEY);
  }

  /**
   * Handles {@code command} with its trace id in the MDC: logs it at DEBUG to {@code log} (a line
   * per command at INFO would cost the economy's throughput; an operator raises the entity's level
   * to follow a trace), then runs {@code handler}, whose own log lines carry the trace id too.
   */
  public static <R> R handle(Traced command, Logger log, Supplier<R> handler) {
    try (TraceMdc traced = of(command)) {
      log.debug("handling {}", command);
      return handler.get();
    }
  }

  /** The trace id of the port call running on this thread (see {@link TraceScope}), or null. */
  public static String current() {
    return TraceScope.current();
  }

  @Override
  public void close() {
    if (put) {
      MDC.remove(KEY);
    }
  }
}
