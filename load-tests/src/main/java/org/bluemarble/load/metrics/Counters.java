package org.bluemarble.load.metrics;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts shared by all bots of a run: connections, traffic events and failures by reason. Every
 * method is safe from any thread.
 */
public final class Counters {

  /** Bots with an open game connection (after the handshake). */
  public final AtomicInteger connected = new AtomicInteger();

  /** Bots in the world (EnteredWorld received, not yet left). */
  public final AtomicInteger inWorld = new AtomicInteger();

  /** Movement inputs sent. */
  public final LongAdder inputsSent = new LongAdder();

  /** InputAcks received. */
  public final LongAdder inputAcks = new LongAdder();

  /** InputAcks for inputs older than the history window (their round trip is not timed). */
  public final LongAdder untimedAcks = new LongAdder();

  /** Corrections received. */
  public final LongAdder corrections = new LongAdder();

  /** Snapshots received. */
  public final LongAdder snapshots = new LongAdder();

  /** Observed moves of other bots matched to the input that caused them. */
  public final LongAdder observations = new LongAdder();

  /** Chat lines sent. */
  public final LongAdder chatSent = new LongAdder();

  /** Chat lines of other bots received (one per recipient). */
  public final LongAdder chatDelivered = new LongAdder();

  /** Chat sends the server refused. */
  public final LongAdder chatRefused = new LongAdder();

  /** Chat send → receive by another bot. */
  public final LatencyMetric chatDelivery = new LatencyMetric();

  private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> disconnects = new ConcurrentHashMap<>();

  /** Counts an error (an Error message, a failed step) under {@code reason}. */
  public void error(String reason) {
    errors.computeIfAbsent(reason, r -> new LongAdder()).increment();
  }

  /** Counts an unplanned disconnect under {@code reason}. */
  public void disconnect(String reason) {
    disconnects.computeIfAbsent(reason, r -> new LongAdder()).increment();
  }

  /** Errors by reason, sorted by reason. */
  public Map<String, Long> errorsByReason() {
    return snapshot(errors);
  }

  /** Unplanned disconnects by reason, sorted by reason. */
  public Map<String, Long> disconnectsByReason() {
    return snapshot(disconnects);
  }

  /** All errors. */
  public long errorCount() {
    return errors.values().stream().mapToLong(LongAdder::sum).sum();
  }

  /** All unplanned disconnects. */
  public long disconnectCount() {
    return disconnects.values().stream().mapToLong(LongAdder::sum).sum();
  }

  private static Map<String, Long> snapshot(Map<String, LongAdder> map) {
    Map<String, Long> out = new TreeMap<>();
    map.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }
}
