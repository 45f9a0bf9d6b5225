package org.bluemarble.node;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import kamon.Kamon;
import kamon.metric.Counter;
import kamon.tag.TagSet;
import org.apache.pekko.actor.typed.ActorSystem;
import org.bluemarble.edge.metrics.EdgeCounters;
import org.bluemarble.edge.udp.UdpEdge;
import org.bluemarble.edge.ws.WebSocketStats;
import org.bluemarble.protocol.udp.DropReason;

/**
 * Publishes the game edges' counters as Kamon gauges (Prometheus {@code /metrics} when metrics are
 * on), every few seconds: {@code bluemarble_udp_dropped{reason}}, {@code
 * bluemarble_udp_connections}, {@code bluemarble_udp_too_slow}, {@code
 * bluemarble_ws_connections_opened}, {@code bluemarble_ws_snapshots_dropped}, {@code
 * bluemarble_ws_too_slow}, {@code bluemarble_ws_refused_frames}; and, as counters, the edge's
 * {@link EdgeCounters}: {@code bluemarble_snapshot_bytes_total{transport}}, {@code
 * bluemarble_errors_sent_total{channel, code}}, {@code bluemarble_logins_total} and {@code
 * bluemarble_login_refusals_total{reason}}.
 */
final class EdgeMetrics {
  private static final Duration INTERVAL = Duration.ofSeconds(5);

  private EdgeMetrics() {}

  static void start(ActorSystem<?> system, GameEdges edges) {
    system
        .scheduler()
        .scheduleAtFixedRate(INTERVAL, INTERVAL, () -> publish(edges), system.executionContext());
  }

  /** The counter values last published, by series, to add only what is new. */
  private static final Map<String, Long> PUBLISHED = new ConcurrentHashMap<>();

  private static void publish(GameEdges edges) {
    publishCounters();
    UdpEdge udp = edges.udp();
    if (udp != null) {
      for (Map.Entry<DropReason, Long> e : udp.drops().entrySet()) {
        Kamon.gauge("bluemarble.udp.dropped", "UDP datagrams dropped since start, by reason")
            .withTag("reason", e.getKey().name())
            .update(e.getValue());
      }
      Kamon.gauge("bluemarble.udp.connections", "Open UDP game connections")
          .withoutTags()
          .update(udp.connections());
      Kamon.gauge("bluemarble.udp.too.slow", "UDP connections closed as too slow since start")
          .withoutTags()
          .update(udp.tooSlow());
    }
    WebSocketStats ws = edges.ws().stats();
    Kamon.gauge("bluemarble.ws.connections.opened", "WebSocket game connections opened since start")
        .withoutTags()
        .update(ws.connections());
    Kamon.gauge(
            "bluemarble.ws.snapshots.dropped",
            "Snapshots dropped for slow WebSocket clients since start")
        .withoutTags()
        .update(ws.droppedSnapshots());
    Kamon.gauge("bluemarble.ws.too.slow", "WebSocket connections closed as too slow since start")
        .withoutTags()
        .update(ws.tooSlow());
    Kamon.gauge("bluemarble.ws.refused.frames", "WebSocket frames refused (undecodable, too large)")
        .withoutTags()
        .update(ws.refusedFrames());
  }

  private static void publishCounters() {
    for (EdgeCounters.Transport t : EdgeCounters.Transport.values()) {
      String transport = t.name().toLowerCase(Locale.ROOT);
      add(
          "snapshot/" + transport,
          EdgeCounters.snapshotBytes(t),
          Kamon.counter(
                  "bluemarble.snapshot.bytes",
                  "Snapshot bytes (protobuf, before transport framing) handed to each transport")
              .withTag("transport", transport));
    }
    for (Map.Entry<String, Long> e : EdgeCounters.gameErrors().entrySet()) {
      add("game/" + e.getKey(), e.getValue(), errors("game", e.getKey()));
    }
    for (Map.Entry<String, Long> e : EdgeCounters.httpErrors().entrySet()) {
      add("http/" + e.getKey(), e.getValue(), errors("http", e.getKey()));
    }
    add(
        "logins",
        EdgeCounters.logins(),
        Kamon.counter("bluemarble.logins", "Successful password logins").withoutTags());
    for (Map.Entry<String, Long> e : EdgeCounters.loginRefusals().entrySet()) {
      add(
          "login-refused/" + e.getKey(),
          e.getValue(),
          Kamon.counter("bluemarble.login.refusals", "Refused password logins, by reason")
              .withTag("reason", e.getKey()));
    }
  }

  private static Counter errors(String channel, String code) {
    return Kamon.counter(
            "bluemarble.errors.sent",
            "Errors sent to clients, by channel (game protocol, HTTP API) and code")
        .withTags(TagSet.of("channel", channel).withTag("code", code));
  }

  /** Adds to {@code counter} what {@code total} grew by since the last publication. */
  static void add(String series, long total, Counter counter) {
    long before = PUBLISHED.getOrDefault(series, 0L);
    if (total > before) {
      counter.increment(total - before);
      PUBLISHED.put(series, total);
    }
  }
}
