package org.bluemarble.load.driver;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * What the driver itself costs and how busy the machine was: the bots share the box with the node,
 * so every report says how much CPU the driver took and the load average.
 */
final class MachineLoad {

  private MachineLoad() {}

  /** CPU time of this process in nanoseconds, or -1 when the JVM does not say. */
  static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return -1;
  }

  /** {@code load average <when>: 1.23 (2 cores)}. */
  static String loadAverage(String when) {
    var os = ManagementFactory.getOperatingSystemMXBean();
    return String.format(
        Locale.ROOT,
        "machine load average %s: %.2f (%d cores)",
        when,
        os.getSystemLoadAverage(),
        os.getAvailableProcessors());
  }

  /** The driver's CPU use since {@code cpu0}/{@code wall0} and the load average now. */
  static String describe(long cpu0, long wall0) {
    long cpu = processCpuNanos();
    double wall = (System.nanoTime() - wall0) / 1e9;
    if (cpu < 0 || cpu0 < 0) {
      return loadAverage("at end");
    }
    double cpuSeconds = (cpu - cpu0) / 1e9;
    return String.format(
        Locale.ROOT,
        "driver CPU %.1f s over %.1f s (%.2f cores); %s",
        cpuSeconds,
        wall,
        cpuSeconds / wall,
        loadAverage("at end"));
  }
}
