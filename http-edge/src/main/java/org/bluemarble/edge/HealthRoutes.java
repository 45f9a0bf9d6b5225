package org.bluemarble.edge;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;
import org.bluemarble.edge.internal.Json;
import org.bluemarble.edge.port.HealthPort;
import org.bluemarble.edge.port.HealthReport;

/**
 * {@code GET /health}: {@code {"status": "healthy"|"degraded"|"unhealthy", "checks": {...},
 * "timestamp", "version"}}; HTTP 200 unless unhealthy (503), so a load balancer can use the status
 * code alone.
 */
public final class HealthRoutes extends AllDirectives {
  private final HealthPort health;
  private final String version;

  public HealthRoutes(HealthPort health, String version) {
    this.health = health;
    this.version = version;
  }

  /** The JSON document. */
  public record HealthBody(
      String status, Map<String, CheckBody> checks, Instant timestamp, String version) {}

  /** One check as JSON. */
  public record CheckBody(String status, String message, long latencyMs) {}

  public Route route() {
    return path(
        "health",
        () ->
            get(
                () ->
                    onSuccess(
                        health.check(),
                        report ->
                            complete(
                                report.status() == HealthReport.Status.UNHEALTHY
                                    ? StatusCodes.SERVICE_UNAVAILABLE
                                    : StatusCodes.OK,
                                body(report),
                                Json.marshaller()))));
  }

  private HealthBody body(HealthReport report) {
    Map<String, CheckBody> checks = new LinkedHashMap<>();
    report
        .checks()
        .forEach(
            (name, c) ->
                checks.put(name, new CheckBody(lower(c.status()), c.message(), c.latencyMs())));
    return new HealthBody(lower(report.status()), checks, Instant.now(), version);
  }

  private static String lower(HealthReport.Status s) {
    return s.name().toLowerCase(Locale.ROOT);
  }
}
