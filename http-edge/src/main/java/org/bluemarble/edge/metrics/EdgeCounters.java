package org.bluemarble.edge.metrics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.bluemarble.protocol.v1.Envelope;

/**
 * Node-wide counters of what the edge sends and refuses, kept without a metrics library (the node
 * publishes them to Prometheus, see pekko-node {@code EdgeMetrics}): snapshot bytes handed to each
 * transport, errors sent to clients by code (game protocol and HTTP API), logins and login refusals
 * by reason. Cheap on the hot path: a {@link LongAdder} per series, found without allocating once
 * the series exists.
 */
public final class EdgeCounters {
  /** The game transports. */
  public enum Transport {
    UDP,
    WEBSOCKET,
    OTHER
  }

  private static final LongAdder[] SNAPSHOT_BYTES = {
    new LongAdder(), new LongAdder(), new LongAdder()
  };
  private static final Map<String, LongAdder> GAME_ERRORS = new ConcurrentHashMap<>();
  private static final Map<String, LongAdder> HTTP_ERRORS = new ConcurrentHashMap<>();
  private static final LongAdder LOGINS = new LongAdder();
  private static final Map<String, LongAdder> LOGIN_REFUSALS = new ConcurrentHashMap<>();

  private EdgeCounters() {}

  /**
   * Counts one envelope a session hands to {@code transport}: its bytes if it is a snapshot, its
   * code if it is an error.
   */
  public static void sent(Transport transport, Envelope envelope) {
    switch (envelope.getMessageCase()) {
      case SNAPSHOT -> SNAPSHOT_BYTES[transport.ordinal()].add(envelope.getSerializedSize());
      case ERROR -> adder(GAME_ERRORS, envelope.getError().getCode().name()).increment();
      default -> {
        // Not counted here.
      }
    }
  }

  /** Counts one HTTP API error answer with {@code code} (the JSON error's code). */
  public static void httpError(String code) {
    adder(HTTP_ERRORS, code).increment();
  }

  /** Counts one successful password login. */
  public static void loginSucceeded() {
    LOGINS.increment();
  }

  /**
   * Counts one refused login; {@code reason} is one of a small fixed set (invalid_credentials,
   * throttled, banned, maintenance, unavailable).
   */
  public static void loginRefused(String reason) {
    adder(LOGIN_REFUSALS, reason).increment();
  }

  /** Snapshot bytes (protobuf envelopes, before transport framing) handed to {@code transport}. */
  public static long snapshotBytes(Transport transport) {
    return SNAPSHOT_BYTES[transport.ordinal()].sum();
  }

  /** Game-protocol errors sent since start, by code name. */
  public static Map<String, Long> gameErrors() {
    return sums(GAME_ERRORS);
  }

  /** HTTP API errors answered since start, by code. */
  public static Map<String, Long> httpErrors() {
    return sums(HTTP_ERRORS);
  }

  public static long logins() {
    return LOGINS.sum();
  }

  /** Refused logins since start, by reason. */
  public static Map<String, Long> loginRefusals() {
    return sums(LOGIN_REFUSALS);
  }

  private static LongAdder adder(Map<String, LongAdder> map, String key) {
    LongAdder a = map.get(key);
    return a != null ? a : map.computeIfAbsent(key, k -> new LongAdder());
  }

  private static Map<String, Long> sums(Map<String, LongAdder> map) {
    Map<String, Long> out = new java.util.TreeMap<>();
    map.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }
}
