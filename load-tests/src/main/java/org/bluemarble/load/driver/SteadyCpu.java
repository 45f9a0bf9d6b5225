package org.bluemarble.load.driver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU the node and the driver used over the steady state. The node's comes from {@code
 * /proc/<pid>/stat} (utime + stime) when its process id is known (it runs on this machine, e.g.
 * started by {@code node-load.sh}); the driver's from its own JVM. Only the driver thread calls
 * {@link #begin} and {@link #end}.
 */
final class SteadyCpu {

  /** Clock ticks per second of {@code /proc/<pid>/stat} (USER_HZ, 100 on Linux). */
  static final double CLOCK_TICKS_PER_SECOND = 100;

  private final long nodePid;
  private long wall0;
  private long driver0 = -1;
  private long node0 = -1;
  private volatile CpuUse result = CpuUse.UNKNOWN;

  /** Measures the node process {@code nodePid} too when it is above 0. */
  SteadyCpu(long nodePid) {
    this.nodePid = nodePid;
  }

  void begin() {
    wall0 = System.nanoTime();
    driver0 = MachineLoad.processCpuNanos();
    node0 = nodeCpuNanos(nodePid);
  }

  /** Ends the measurement; {@code meanPlayers} is the mean number in the world meanwhile. */
  void end(double meanPlayers) {
    if (driver0 < 0 && node0 < 0) {
      return;
    }
    double wall = (System.nanoTime() - wall0) / 1e9;
    long driver1 = MachineLoad.processCpuNanos();
    long node1 = nodeCpuNanos(nodePid);
    double driverCores = driver0 < 0 || driver1 < 0 ? -1 : (driver1 - driver0) / 1e9 / wall;
    double nodeCores = node0 < 0 || node1 < 0 ? -1 : (node1 - node0) / 1e9 / wall;
    result = new CpuUse(round(wall), round(nodeCores), round(driverCores), meanPlayers);
  }

  CpuUse result() {
    return result;
  }

  /**
   * CPU time (user + system) of process {@code pid} in nanoseconds from {@code /proc}, or -1 when
   * it cannot be read (no such process, not Linux, pid ≤ 0).
   */
  static long nodeCpuNanos(long pid) {
    if (pid <= 0) {
      return -1;
    }
    try {
      return parseStatCpuNanos(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /**
   * utime + stime of one {@code /proc/<pid>/stat} line in nanoseconds. The command name (field 2)
   * may contain spaces and parentheses, so fields are counted after its last ')'.
   */
  static long parseStatCpuNanos(String stat) {
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
    // After the name: state is field 3 (index 0), utime field 14 (index 11), stime 15 (index 12).
    long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
    return Math.round(ticks * (1e9 / CLOCK_TICKS_PER_SECOND));
  }

  private static double round(double v) {
    return v < 0 ? v : Math.round(v * 1000) / 1000.0;
  }
}
