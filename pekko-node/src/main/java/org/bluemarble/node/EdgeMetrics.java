package org.bluemarble.node;

import java.time.Duration;
import java.util.Map;
import kamon.Kamon;
import org.apache.pekko.actor.typed.ActorSystem;
import org.bluemarble.edge.udp.UdpEdge;
import org.bluemarble.edge.ws.WebSocketStats;
import org.bluemarble.protocol.udp.DropReason;

/**
 * Publishes the game edges' counters as Kamon gauges (Prometheus {@code /metrics} when metrics are
 * on), every few seconds: {@code bluemarble_udp_dropped{reason}}, {@code
 * bluemarble_udp_connections}, {@code bluemarble_udp_too_slow}, {@code
 * bluemarble_ws_connections_opened}, {@code bluemarble_ws_snapshots_dropped}, {@code
 * bluemarble_ws_too_slow}, {@code bluemarble_ws_refused_frames}.
 */
final class EdgeMetrics {
  private static final Duration INTERVAL = Duration.ofSeconds(5);

  private EdgeMetrics() {}

  static void start(ActorSystem<?> system, GameEdges edges) {
    system
        .scheduler()
        .scheduleAtFixedRate(INTERVAL, INTERVAL, () -> publish(edges), system.executionContext());
  }

  private static void publish(GameEdges edges) {
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
      Kamon.gauge("bluemarble.udp.datagrams.in", "UDP datagrams received since start")
          .withoutTags()
          .update(udp.datagramsIn());
      Kamon.gauge("bluemarble.udp.datagrams.out", "UDP datagrams sent since start")
          .withoutTags()
          .update(udp.datagramsOut());
      Kamon.gauge(
              "bluemarble.udp.flushes",
              "UDP write batches since start (one sendmmsg each on epoll; out / flushes = batch size)")
          .withoutTags()
          .update(udp.flushes());
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
}
