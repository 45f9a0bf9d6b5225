package org.bluemarble.load.capacity;

import org.bluemarble.load.driver.RunResult;

/**
 * What the capacity decision needs from one step's run.
 *
 * @param bots bots asked for
 * @param tickRateHz slowest sampled zone cell's tick rate, or null when the server did not say
 * @param snapshotsPerBotPerSecond snapshots received per in-world bot per second
 * @param observerP99Ms p99 input → observer
 * @param observerSamples number of observer samples (0: the criterion cannot hold)
 * @param failedBots bots that never entered the world or were disconnected
 * @param errors error messages and failed sends (not counting failed starts)
 * @param inputsSent movement inputs sent
 */
public record StepResult(
    int bots,
    Double tickRateHz,
    double snapshotsPerBotPerSecond,
    double observerP99Ms,
    long observerSamples,
    long failedBots,
    long errors,
    long inputsSent) {

  /** The step figures of a run. */
  public static StepResult of(RunResult r) {
    long startFailures =
        r.errors().entrySet().stream()
            .filter(e -> e.getKey().startsWith("start:"))
            .mapToLong(e -> e.getValue())
            .sum();
    long failed =
        Math.max(r.botsRequested() - r.peakInWorld(), startFailures) + r.disconnectCount();
    return new StepResult(
        r.botsRequested(),
        r.server() == null ? null : r.server().minTickRateHz(),
        r.snapshotsPerBotPerSecond(),
        r.inputToObserver().p99Ms(),
        r.inputToObserver().count(),
        failed,
        r.errorCount() - startFailures,
        r.inputsSent());
  }
}
