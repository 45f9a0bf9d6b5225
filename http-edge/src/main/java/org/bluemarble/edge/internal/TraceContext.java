package org.bluemarble.edge.internal;

import static org.apache.pekko.http.javadsl.server.Directives.mapRequest;
import static org.apache.pekko.http.javadsl.server.Directives.optionalHeaderValueByName;
import static org.apache.pekko.http.javadsl.server.Directives.respondWithHeader;

import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * W3C Trace Context on the HTTP edge (and the WebSocket handshake, which is an HTTP request): a
 * valid incoming {@code traceparent} is continued (same trace id, a new span id for this server),
 * anything else starts a new trace; every response carries this server's {@code traceparent}. The
 * trace id is what error log lines carry as MDC {@code trace_id}, so a client's report, a proxy's
 * log and the node's JSON logs can be joined.
 */
public final class TraceContext {
  /** The header's name (lower case, as the W3C recommendation writes it). */
  public static final String HEADER = "traceparent";

  /** MDC key of the trace id in log lines. */
  public static final String MDC_KEY = "trace_id";

  private static final Pattern TRACEPARENT =
      Pattern.compile("([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?");
  private static final String INVALID_TRACE = "0".repeat(32);
  private static final String INVALID_PARENT = "0".repeat(16);

  /** A request's trace: its trace id, this server's span id and the trace flags. */
  public record Trace(String traceId, String spanId, String flags) {
    /** The {@code traceparent} value this server sends back and passes on. */
    public String header() {
      return "00-" + traceId + "-" + spanId + "-" + flags;
    }
  }

  private TraceContext() {}

  /** The trace of a request with this {@code traceparent} value (empty: none sent). */
  public static Trace continueOrStart(Optional<String> traceparent) {
    return traceparent.flatMap(TraceContext::parse).orElseGet(TraceContext::start);
  }

  /**
   * Wraps {@code inner} with the request's trace and returns it in the response header. Inside, the
   * request carries this server's {@code traceparent} (replacing the client's), so that a route
   * deeper down reads the same trace with {@link #current}.
   */
  public static Route traced(Function<Trace, Route> inner) {
    return optionalHeaderValueByName(
        HEADER,
        value -> {
          Trace trace = continueOrStart(value);
          RawHeader ours = RawHeader.create(HEADER, trace.header());
          return respondWithHeader(
              ours,
              () ->
                  mapRequest(
                      request -> request.removeHeader(HEADER).addHeader(ours),
                      () -> inner.apply(trace)));
        });
  }

  /**
   * The trace {@link #traced} gave this request (a route that calls a port wraps the call in {@code
   * TraceScope.call(trace.traceId(), ...)}); outside {@link #traced}, the request's own valid
   * {@code traceparent} or a new trace.
   */
  public static Route current(Function<Trace, Route> inner) {
    return optionalHeaderValueByName(
        HEADER,
        value ->
            inner.apply(
                value
                    .flatMap(v -> parse(v).map(t -> new Trace(t.traceId(), spanOf(v), t.flags())))
                    .orElseGet(TraceContext::start)));
  }

  private static String spanOf(String traceparent) {
    return traceparent.trim().toLowerCase(Locale.ROOT).substring(36, 52);
  }

  private static Optional<Trace> parse(String value) {
    var m = TRACEPARENT.matcher(value.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      return Optional.empty();
    }
    String version = m.group(1);
    // Version ff is forbidden; version 00 has no trailing fields.
    if ("ff".equals(version) || ("00".equals(version) && m.group(5) != null)) {
      return Optional.empty();
    }
    if (INVALID_TRACE.equals(m.group(2)) || INVALID_PARENT.equals(m.group(3))) {
      return Optional.empty();
    }
    return Optional.of(new Trace(m.group(2), newId(8), m.group(4)));
  }

  /** A new random W3C trace id (32 lower-case hex digits), for a trace that starts here. */
  public static String newTraceId() {
    return newId(16);
  }

  private static Trace start() {
    return new Trace(newId(16), newId(8), "01");
  }

  private static String newId(int bytes) {
    byte[] id = new byte[bytes];
    do {
      ThreadLocalRandom.current().nextBytes(id);
    } while (allZero(id));
    return HexFormat.of().formatHex(id);
  }

  private static boolean allZero(byte[] id) {
    for (byte b : id) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }
}
