package org.bluemarble.zone.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import org.bluemarble.player.CharacterClass;
import org.bluemarble.zone.CellSimulation;
import org.bluemarble.zone.MovementInput;
import org.bluemarble.zone.TickReport;

/**
 * Prints p50/p99 of the tick cost as thread CPU time and as wall time, for 100, 500 and 2,000
 * walking players. CPU time stays meaningful on a machine shared with other work, where JMH's
 * wall-clock samples mostly measure waiting for a core. Run after test-compile with the test
 * classpath; optional arguments: ticks per size (default 3,000 after 1,200 warm-up ticks) and the
 * sizes, comma-separated (default 100,500,2000).
 */
public final class TickCostMain {
  private TickCostMain() {}

  public static void main(String[] args) {
    int ticks = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    int[] sizes =
        args.length > 1
            ? java.util.Arrays.stream(args[1].split(",")).mapToInt(Integer::parseInt).toArray()
            : new int[] {100, 500, 2000};
    for (int players : sizes) {
      SplittableRandom random = new SplittableRandom(1);
      CellSimulation sim =
          new CellSimulation(BenchWorld.CELL, BenchWorld.SETTINGS, BenchWorld.LAND, 7L);
      long[] nextId = {0};
      Runnable enter =
          () ->
              sim.enter(
                  nextId[0]++,
                  CharacterClass.RANGER,
                  BenchWorld.near(random, 300),
                  0L,
                  new MovementInput.Heading(
                      random.nextDouble(360.0), 1.0 + random.nextDouble(4.0)));
      for (int i = 0; i < players; i++) {
        enter.run();
      }
      long now = 1_700_000_000_000_000_000L;
      long[] cpu = new long[ticks];
      long[] wall = new long[ticks];
      for (int t = -1200; t < ticks; t++) {
        now += 16_666_667L;
        long c0 = mx.getCurrentThreadCpuTime();
        long w0 = System.nanoTime();
        TickReport report = sim.tick(now);
        long w1 = System.nanoTime();
        long c1 = mx.getCurrentThreadCpuTime();
        for (int i = 0; i < report.handoffs().size(); i++) {
          enter.run();
        }
        if (t >= 0) {
          cpu[t] = c1 - c0;
          wall[t] = w1 - w0;
        }
      }
      Arrays.sort(cpu);
      Arrays.sort(wall);
      System.out.printf(
          Locale.ROOT,
          "players=%d creatures=%d ticks=%d cpu p50=%.3f ms p99=%.3f ms | wall p50=%.3f ms p99=%.3f"
              + " ms%n",
          players,
          sim.creatureCount(),
          ticks,
          cpu[ticks / 2] / 1e6,
          cpu[ticks * 99 / 100] / 1e6,
          wall[ticks / 2] / 1e6,
          wall[ticks * 99 / 100] / 1e6);
    }
  }
}
