package org.bluemarble.load.capacity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whether a step held the criteria, with the failed criteria and what could not be judged.
 *
 * @param held all judged criteria held
 * @param failures the criteria that failed, with the measured value
 * @param unknown criteria that could not be judged (e.g. no server tick statistics)
 */
public record Verdict(boolean held, List<String> failures, List<String> unknown) {

  /** Judges {@code step} against {@code c}. */
  public static Verdict judge(StepResult step, CapacityCriteria c) {
    List<String> failures = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    double minTick = c.tickHz() * c.rateFraction();
    if (step.tickRateHz() == null) {
      unknown.add("server tick rate (admin API not available)");
    } else if (step.tickRateHz() < minTick) {
      failures.add(
          String.format(Locale.ROOT, "tick rate %.1f Hz < %.1f Hz", step.tickRateHz(), minTick));
    }
    double minSnapshots = c.snapshotHz() * c.rateFraction();
    if (step.snapshotsPerBotPerSecond() < minSnapshots) {
      failures.add(
          String.format(
              Locale.ROOT,
              "snapshots %.2f/s per bot < %.1f/s",
              step.snapshotsPerBotPerSecond(),
              minSnapshots));
    }
    if (step.observerSamples() == 0) {
      failures.add("no input -> observer samples");
    } else if (step.observerP99Ms() > c.maxObserverP99Ms()) {
      failures.add(
          String.format(
              Locale.ROOT,
              "p99 input -> observer %.1f ms > %.0f ms",
              step.observerP99Ms(),
              c.maxObserverP99Ms()));
    }
    double failedFraction = (double) step.failedBots() / Math.max(1, step.bots());
    if (failedFraction >= c.maxFailureFraction()) {
      failures.add(
          String.format(
              Locale.ROOT,
              "%d of %d bots failed or disconnected (%.2f%%)",
              step.failedBots(),
              step.bots(),
              failedFraction * 100));
    }
    double errorFraction = (double) step.errors() / Math.max(1, step.inputsSent());
    if (errorFraction >= c.maxFailureFraction()) {
      failures.add(
          String.format(
              Locale.ROOT,
              "%d errors for %d inputs (%.3f%%)",
              step.errors(),
              step.inputsSent(),
              errorFraction * 100));
    }
    return new Verdict(failures.isEmpty(), List.copyOf(failures), List.copyOf(unknown));
  }
}
