package org.bluemarble.edge.port;

import java.util.Map;

/**
 * The node's health: overall status and one check per dependency ("journal", "cluster", ...).
 * Overall: unhealthy when any check is unhealthy, degraded when any is degraded, else healthy.
 */
public record HealthReport(Map<String, Check> checks) {

  /** Health of one dependency. */
  public enum Status {
    HEALTHY,
    DEGRADED,
    UNHEALTHY
  }

  /** One dependency's status, what was observed, and how long the check took. */
  public record Check(Status status, String message, long latencyMs) {}

  public Status status() {
    Status worst = Status.HEALTHY;
    for (Check c : checks.values()) {
      if (c.status().compareTo(worst) > 0) {
        worst = c.status();
      }
    }
    return worst;
  }
}
