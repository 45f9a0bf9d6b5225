package org.bluemarble.zone.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.bluemarble.spatial.GeoPosition;
import org.bluemarble.spatial.Sphere;
import org.bluemarble.zone.AoiIndex;
import org.bluemarble.zone.AoiResult;
import org.bluemarble.zone.CellPopulation;
import org.bluemarble.zone.EntityKind;
import org.bluemarble.zone.InterestSet;

/**
 * The cell's per-observer snapshot view, thread CPU time per observer: the AOI query for the
 * nearest {@value #LIMIT} and the interest diff. {@code before} is main 4e84ed7 (nearest first,
 * hash-map diff, {@link PreviousInterestSet}), {@code after} is the id-order query with the merge
 * diff. A crowd of {@value #PLAYERS} walking in a square where each sees about 50 others (the load
 * test's dense scenario); the two variants interleaved round by round on the same world, which a
 * loaded machine distorts less than JMH's wall time. Run: {@code java -cp <pekko-node test
 * classpath> org.bluemarble.zone.bench.SnapshotViewCpu [rounds]}.
 */
public final class SnapshotViewCpu {
  static final int PLAYERS = 200;
  static final int LIMIT = org.bluemarble.zone.CellSimulation.MAX_VISIBLE_PER_SNAPSHOT;
  private static final double STEP_M = 5.0 / 20;

  private SnapshotViewCpu() {}

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 40;
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    SplittableRandom random = new SplittableRandom(7);
    // Side L = 250 m x sqrt(N pi / 50): ~50 others within 250 m, as the dense scenario.
    double side = 250 * Math.sqrt(PLAYERS * Math.PI / 50);
    GeoPosition[] at = new GeoPosition[PLAYERS];
    double[] heading = new double[PLAYERS];
    for (int i = 0; i < PLAYERS; i++) {
      at[i] =
          Sphere.EARTH.destination(
              BenchWorld.CENTRE, random.nextDouble(360), random.nextDouble(side / 2));
      heading[i] = random.nextDouble(360);
    }
    CellPopulation population = new CellPopulation(PLAYERS);
    AoiIndex index = new AoiIndex(BenchWorld.CENTRE, BenchWorld.SETTINGS);
    AoiResult result = new AoiResult();
    PreviousInterestSet[] before = new PreviousInterestSet[PLAYERS];
    InterestSet[] after = new InterestSet[PLAYERS];
    for (int i = 0; i < PLAYERS; i++) {
      before[i] = new PreviousInterestSet();
      after[i] = new InterestSet();
    }
    int ticks = 20;
    double[][] nsPerView = new double[2][rounds];
    long sink = 0;
    for (int r = -rounds / 2; r < rounds; r++) {
      long[] cpu = new long[2];
      for (int t = 0; t < ticks; t++) {
        for (int i = 0; i < PLAYERS; i++) {
          at[i] = Sphere.EARTH.destination(at[i], heading[i], STEP_M);
          if (Sphere.EARTH.distanceMeters(at[i], BenchWorld.CENTRE) > side / 2) {
            heading[i] = (heading[i] + 180) % 360;
          }
          population.upsert(i + 1, EntityKind.PLAYER, false, at[i], 0, heading[i]);
        }
        index.rebuild(population);
        for (int k = 0; k < 2; k++) {
          int v = (k + t) % 2;
          long start = mx.getCurrentThreadCpuTime();
          for (int i = 0; i < PLAYERS; i++) {
            int slot = population.slotOf(i + 1);
            double x = population.x(slot);
            double y = population.y(slot);
            double z = population.z(slot);
            if (v == 0) {
              index.gather(x, y, z, i + 1, LIMIT, result);
              sink += before[i].update(result).entered().length;
            } else {
              index.gatherInIdOrder(x, y, z, i + 1, LIMIT, result);
              sink += after[i].update(result).entered().length;
            }
          }
          cpu[v] += mx.getCurrentThreadCpuTime() - start;
        }
      }
      if (r >= 0) {
        for (int v = 0; v < 2; v++) {
          nsPerView[v][r] = (double) cpu[v] / ((long) ticks * PLAYERS);
        }
      }
    }
    System.out.printf(
        "CPU per observer view (AOI query + interest diff; %d players, %d rounds of %d ticks;"
            + " entered total %d)%n",
        PLAYERS, rounds, ticks, sink);
    String[] names = {"before", "after"};
    for (int v = 0; v < 2; v++) {
      double[] a = nsPerView[v].clone();
      Arrays.sort(a);
      System.out.printf(
          "  %-7s median %6.2f us  (quartiles %6.2f .. %6.2f)%n",
          names[v], a[rounds / 2] / 1_000, a[rounds / 4] / 1_000, a[3 * rounds / 4] / 1_000);
    }
  }
}
