package org.bluemarble.protocol.snapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.bluemarble.protocol.v1.Snapshot;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * One snapshot round of a crowded cell: {@value #OBSERVERS} observers each seeing {@value #VISIBLE}
 * of {@value #POPULATION} walking entities, every observer acknowledging its previous snapshot.
 * {@code perObserver} is the path before the shared encoding (each observer quantises its own copy
 * of every visible entity from degrees and encodes it with the reference encoder); {@code shared}
 * quantises each entity once per round and every observer encodes from those same instances with
 * today's encoder (shared delta pieces, {@link DeltaPieces}); {@code previous} does the same with
 * main d4949a2's encoder ({@link PreviousSnapshotEncoder}); {@code sharedIdOrder} is {@code shared}
 * with each observer's entities in ascending id order, as a cell sends them since the AOI result
 * comes in id order. Time per round (all observers). Run: see protocol/README.md; {@code --cpu
 * [rounds]} instead measures this thread's CPU time per observer snapshot of the three variants
 * interleaved tick by tick on one shared world, which a loaded machine distorts less than JMH's
 * wall time.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CrowdSnapshotBenchmark {

  static final int OBSERVERS = 200;
  static final int VISIBLE = 50;
  static final int POPULATION = 250;
  private static final double RADIUS_M = 6_371_000;
  private static final double STEP_M = 5.0 / 20;

  private final Quantiser quantiser = new Quantiser(RADIUS_M);
  private double[] lat;
  private double[] lng;
  private double[] heading;
  private int[][] sees;
  private int[][] seesById;
  private SnapshotEncoder[] afterById;
  private int[] lastAfterById;
  private EntityState[] viewers;
  private ReferenceSnapshotEncoder[] before;
  private SnapshotEncoder[] after;
  private PreviousSnapshotEncoder[] previous;
  private int[] lastBefore;
  private int[] lastAfter;
  private int[] lastPrevious;

  @Setup(Level.Trial)
  public void setUp() {
    Random random = new Random(7);
    lat = new double[POPULATION];
    lng = new double[POPULATION];
    heading = new double[POPULATION];
    for (int i = 0; i < POPULATION; i++) {
      lat[i] = 10 + (random.nextDouble() - 0.5) * 0.0045;
      lng[i] = 20 + (random.nextDouble() - 0.5) * 0.0045;
      heading[i] = random.nextDouble() * 360;
    }
    sees = new int[OBSERVERS][];
    viewers = new EntityState[OBSERVERS];
    before = new ReferenceSnapshotEncoder[OBSERVERS];
    after = new SnapshotEncoder[OBSERVERS];
    lastBefore = new int[OBSERVERS];
    lastAfter = new int[OBSERVERS];
    previous = new PreviousSnapshotEncoder[OBSERVERS];
    lastPrevious = new int[OBSERVERS];
    seesById = new int[OBSERVERS][];
    afterById = new SnapshotEncoder[OBSERVERS];
    lastAfterById = new int[OBSERVERS];
    for (int o = 0; o < OBSERVERS; o++) {
      List<Integer> all = new ArrayList<>();
      for (int i = 0; i < POPULATION; i++) {
        all.add(i);
      }
      java.util.Collections.shuffle(all, random);
      sees[o] = all.subList(0, VISIBLE).stream().mapToInt(Integer::intValue).toArray();
      viewers[o] = quantiser.quantise(100_000 + o, lat[o], lng[o], 2.0, 0.0);
      before[o] = new ReferenceSnapshotEncoder();
      after[o] = new SnapshotEncoder();
      previous[o] = new PreviousSnapshotEncoder();
      seesById[o] = sees[o].clone();
      java.util.Arrays.sort(seesById[o]);
      afterById[o] = new SnapshotEncoder();
    }
  }

  private void step() {
    for (int i = 0; i < POPULATION; i++) {
      double h = Math.toRadians(heading[i]);
      lat[i] += Math.toDegrees(STEP_M * Math.cos(h) / RADIUS_M);
      lng[i] +=
          Math.toDegrees(STEP_M * Math.sin(h) / (RADIUS_M * Math.cos(Math.toRadians(lat[i]))));
    }
  }

  /** Before: per observer, quantise its copy of each visible entity, then encode. */
  @Benchmark
  public void perObserver(Blackhole bh) {
    step();
    encodePerObserver(bh::consume);
  }

  /** Main d4949a2: quantise each entity once per round, encode the shared instances. */
  @Benchmark
  public void previous(Blackhole bh) {
    step();
    encodePrevious(quantiseAll(), bh::consume);
  }

  /** After: quantise once per round, encode with the shared delta pieces. */
  @Benchmark
  public void shared(Blackhole bh) {
    step();
    encodeShared(quantiseAll(), bh::consume);
  }

  /** After, with each observer's entities in id order, as a cell sends them. */
  @Benchmark
  public void sharedIdOrder(Blackhole bh) {
    step();
    encodeSharedIdOrder(quantiseAll(), bh::consume);
  }

  private EntityState[] quantiseAll() {
    EntityState[] tick = new EntityState[POPULATION];
    for (int i = 0; i < POPULATION; i++) {
      tick[i] = quantiser.quantise(i + 1, lat[i], lng[i], 2.0, heading[i]);
    }
    return tick;
  }

  private void encodePerObserver(java.util.function.Consumer<Snapshot> sink) {
    for (int o = 0; o < OBSERVERS; o++) {
      List<EntityState> states = new ArrayList<>(VISIBLE);
      for (int i : sees[o]) {
        states.add(quantiser.quantise(i + 1, lat[i], lng[i], 2.0, heading[i]));
      }
      before[o].acknowledge(lastBefore[o]);
      Snapshot s = before[o].encode(viewers[o], states, 0, SnapshotEncoder.DEFAULT_BUDGET_BYTES);
      lastBefore[o] = s.getSnapshotId();
      sink.accept(s);
    }
  }

  private void encodePrevious(EntityState[] tick, java.util.function.Consumer<Snapshot> sink) {
    EntityState[] visible = new EntityState[VISIBLE];
    for (int o = 0; o < OBSERVERS; o++) {
      int[] seen = sees[o];
      for (int k = 0; k < VISIBLE; k++) {
        visible[k] = tick[seen[k]];
      }
      previous[o].acknowledge(lastPrevious[o]);
      Snapshot s =
          previous[o].encode(viewers[o], visible, VISIBLE, 0, SnapshotEncoder.DEFAULT_BUDGET_BYTES);
      lastPrevious[o] = s.getSnapshotId();
      sink.accept(s);
    }
  }

  private void encodeShared(EntityState[] tick, java.util.function.Consumer<Snapshot> sink) {
    EntityState[] visible = new EntityState[VISIBLE];
    for (int o = 0; o < OBSERVERS; o++) {
      int[] seen = sees[o];
      for (int k = 0; k < VISIBLE; k++) {
        visible[k] = tick[seen[k]];
      }
      after[o].acknowledge(lastAfter[o]);
      Snapshot s =
          after[o].encode(viewers[o], visible, VISIBLE, 0, SnapshotEncoder.DEFAULT_BUDGET_BYTES);
      lastAfter[o] = s.getSnapshotId();
      sink.accept(s);
    }
  }

  private void encodeSharedIdOrder(EntityState[] tick, java.util.function.Consumer<Snapshot> sink) {
    EntityState[] visible = new EntityState[VISIBLE];
    for (int o = 0; o < OBSERVERS; o++) {
      int[] seen = seesById[o];
      for (int k = 0; k < VISIBLE; k++) {
        visible[k] = tick[seen[k]];
      }
      afterById[o].acknowledge(lastAfterById[o]);
      Snapshot s =
          afterById[o].encode(
              viewers[o], visible, VISIBLE, 0, SnapshotEncoder.DEFAULT_BUDGET_BYTES);
      lastAfterById[o] = s.getSnapshotId();
      sink.accept(s);
    }
  }

  /**
   * Thread CPU time per observer snapshot of each variant, the variants interleaved tick by tick
   * (rotating which goes first) after a warm-up; prints the median and the quartiles of rounds.
   */
  static void cpu(int rounds) {
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    CrowdSnapshotBenchmark b = new CrowdSnapshotBenchmark();
    b.setUp();
    long[] bytes = new long[3];
    java.util.function.Consumer<Snapshot> consume = s -> bytes[0] += s.getPayload().size();
    String[] names = {"perObserver", "previous", "shared", "sharedIdOrder"};
    int variants = names.length;
    int ticksPerRound = 20;
    double[][] perSnapshotNs = new double[variants][rounds];
    for (int r = -rounds / 2; r < rounds; r++) {
      long[] cpu = new long[variants];
      for (int t = 0; t < ticksPerRound; t++) {
        b.step();
        EntityState[] tick = b.quantiseAll();
        for (int k = 0; k < variants; k++) {
          int v = (k + t) % variants;
          long start = mx.getCurrentThreadCpuTime();
          switch (v) {
            case 0 -> b.encodePerObserver(consume);
            case 1 -> b.encodePrevious(tick, consume);
            case 2 -> b.encodeShared(tick, consume);
            default -> b.encodeSharedIdOrder(tick, consume);
          }
          cpu[v] += mx.getCurrentThreadCpuTime() - start;
        }
      }
      if (r >= 0) {
        for (int v = 0; v < variants; v++) {
          perSnapshotNs[v][r] = (double) cpu[v] / ((long) ticksPerRound * OBSERVERS);
        }
      }
    }
    System.out.printf(
        "CPU per observer snapshot (%d observers x %d visible of %d, %d rounds of %d ticks)%n",
        OBSERVERS, VISIBLE, POPULATION, rounds, ticksPerRound);
    for (int v = 0; v < variants; v++) {
      double[] a = perSnapshotNs[v].clone();
      java.util.Arrays.sort(a);
      System.out.printf(
          "  %-12s median %7.2f us  (quartiles %7.2f .. %7.2f)%n",
          names[v], a[rounds / 2] / 1_000, a[rounds / 4] / 1_000, a[3 * rounds / 4] / 1_000);
    }
  }

  public static void main(String[] args) throws RunnerException {
    if (args.length > 0 && args[0].equals("--cpu")) {
      cpu(args.length > 1 ? Integer.parseInt(args[1]) : 40);
      return;
    }
    new Runner(new OptionsBuilder().include(CrowdSnapshotBenchmark.class.getSimpleName()).build())
        .run();
  }
}
