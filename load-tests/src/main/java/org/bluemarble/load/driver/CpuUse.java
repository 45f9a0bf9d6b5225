package org.bluemarble.load.driver;

import java.util.Locale;

/**
 * The steady state's CPU use.
 *
 * @param seconds wall time measured
 * @param nodeCores node CPU seconds per second (-1: unknown)
 * @param driverCores driver CPU seconds per second (-1: unknown)
 * @param meanPlayers mean bots in the world
 */
public record CpuUse(double seconds, double nodeCores, double driverCores, double meanPlayers) {

  /** Nothing measured. */
  public static final CpuUse UNKNOWN = new CpuUse(0, -1, -1, 0);

  /** Node CPU milliseconds per player-second (-1: unknown). */
  public double nodeMsPerPlayerSecond() {
    return nodeCores < 0 || meanPlayers <= 0
        ? -1
        : Math.round(nodeCores * 1000 / meanPlayers * 100) / 100.0;
  }

  /** One line for the console summary. */
  public String describe() {
    String node =
        nodeCores < 0
            ? "node CPU unknown (pass --node-pid when the node runs on this machine)"
            : String.format(
                Locale.ROOT,
                "node %.2f cores (%.2f ms per player-second)",
                nodeCores,
                nodeMsPerPlayerSecond());
    String driver =
        driverCores < 0
            ? "driver unknown"
            : String.format(Locale.ROOT, "driver %.2f cores", driverCores);
    return String.format(Locale.ROOT, "%s, %s over %.1f s", node, driver, seconds);
  }
}
