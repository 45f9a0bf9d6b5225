package org.bluemarble.node;

import java.time.Duration;
import java.util.Map;
import kamon.Kamon;
import kamon.metric.Metric;
import org.apache.pekko.actor.typed.ActorSystem;
import org.bluemarble.edge.port.HealthPort;
import org.bluemarble.edge.port.HealthReport;

/**
 * Runs the node's health checks on a schedule and publishes each as {@code
 * bluemarble_health_status{check}} (0 healthy, 1 degraded, 2 unhealthy), so alerts such as
 * "database unreachable" do not depend on someone calling {@code /health}.
 */
final class HealthMetrics {
  static final String STATUS = "bluemarble.health.status";
  private static final Metric.Gauge GAUGE =
      Kamon.gauge(
          STATUS,
          "Health of one dependency of this node (check label): 0 healthy, 1 degraded, 2 unhealthy");

  private HealthMetrics() {}

  static void start(ActorSystem<?> system, HealthPort health, Duration interval) {
    system
        .scheduler()
        .scheduleAtFixedRate(
            interval,
            interval,
            () -> health.check().thenAccept(HealthMetrics::publish),
            system.executionContext());
  }

  static void publish(HealthReport report) {
    for (Map.Entry<String, HealthReport.Check> e : report.checks().entrySet()) {
      GAUGE.withTag("check", e.getKey()).update(e.getValue().status().ordinal());
    }
  }
}
