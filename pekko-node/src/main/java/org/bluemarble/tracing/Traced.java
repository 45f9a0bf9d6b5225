package org.bluemarble.tracing;

/**
 * A command that carries the W3C trace id of the request that caused it (null when none did: a
 * timer, a saga retry, a test). {@link TraceMdc} puts it into the MDC while the entity handles the
 * command, so the entity's log lines carry {@code trace_id}.
 */
public interface Traced {
  /** 32 lower-case hex digits, or null. */
  String traceId();
}
