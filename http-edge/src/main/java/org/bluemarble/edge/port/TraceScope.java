package org.bluemarble.edge.port;

import java.util.function.Supplier;

/**
 * The W3C trace id of the request a port call serves, handed from the edge to the port
 * implementation without a parameter on every port method: the edge calls the port inside {@link
 * #call}, and the implementation reads {@link #current()} at the start of the method (on the
 * calling thread, before any asynchronous step) and puts it into the commands it sends, where the
 * entity logs it as MDC {@code trace_id}.
 */
public final class TraceScope {
  private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

  private TraceScope() {}

  /** Runs {@code portCall} with {@code traceId} as the current trace of this thread. */
  public static <T> T call(String traceId, Supplier<T> portCall) {
    String outer = CURRENT.get();
    CURRENT.set(traceId);
    try {
      return portCall.get();
    } finally {
      if (outer == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(outer);
      }
    }
  }

  /** The trace id of the port call running on this thread, or null outside {@link #call}. */
  public static String current() {
    return CURRENT.get();
  }
}
