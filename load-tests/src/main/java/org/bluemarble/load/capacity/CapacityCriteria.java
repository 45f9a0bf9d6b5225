package org.bluemarble.load.capacity;

import java.util.List;
import java.util.Locale;

/**
 * The capacity criteria of issue 8: a step holds when the server kept its rates (tick ≥ 95 % of the
 * configured 60 Hz, snapshots received ≥ 95 % of 20 Hz per bot), p99 input → observer ≤ 100 ms, and
 * errors and disconnects stay below 0.1 %.
 *
 * @param tickHz configured simulation rate
 * @param snapshotHz configured snapshot rate
 * @param rateFraction fraction of each rate that must be kept
 * @param maxObserverP99Ms p99 input → observer limit
 * @param maxFailureFraction limit for both failure ratios
 */
public record CapacityCriteria(
    double tickHz,
    double snapshotHz,
    double rateFraction,
    double maxObserverP99Ms,
    double maxFailureFraction) {

  /** The issue's numbers. */
  public static final CapacityCriteria ISSUE_8 = new CapacityCriteria(60, 20, 0.95, 100, 0.001);

  /** The criteria as printed with every result. */
  public List<String> describe() {
    return List.of(
        String.format(
            Locale.ROOT,
            "server tick rate >= %.1f Hz (%.0f%% of %.0f Hz; slowest sampled zone cell)",
            tickHz * rateFraction,
            rateFraction * 100,
            tickHz),
        String.format(
            Locale.ROOT,
            "snapshots received >= %.1f per bot per second (%.0f%% of %.0f Hz)",
            snapshotHz * rateFraction,
            rateFraction * 100,
            snapshotHz),
        String.format(
            Locale.ROOT,
            "p99 input -> observer <= %.0f ms (one 50 ms snapshot interval + 50 ms)",
            maxObserverP99Ms),
        String.format(
            Locale.ROOT,
            "failed or disconnected bots < %.1f%% of bots, and errors < %.1f%% of inputs sent",
            maxFailureFraction * 100,
            maxFailureFraction * 100));
  }
}
