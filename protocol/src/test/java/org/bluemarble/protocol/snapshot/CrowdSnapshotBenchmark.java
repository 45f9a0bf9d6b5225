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
 * quantises each entity once per round and every observer encodes from those same instances. Time
 * per round (all observers). Run: see protocol/README.md.
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
  private EntityState[] viewers;
  private ReferenceSnapshotEncoder[] before;
  private SnapshotEncoder[] after;
  private int[] lastBefore;
  private int[] lastAfter;

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
    for (int o = 0; o < OBSERVERS; o++) {
      List<EntityState> states = new ArrayList<>(VISIBLE);
      for (int i : sees[o]) {
        states.add(quantiser.quantise(i + 1, lat[i], lng[i], 2.0, heading[i]));
      }
      before[o].acknowledge(lastBefore[o]);
      Snapshot s = before[o].encode(viewers[o], states, 0, SnapshotEncoder.DEFAULT_BUDGET_BYTES);
      lastBefore[o] = s.getSnapshotId();
      bh.consume(s);
    }
  }

  /** After: quantise each entity once per round, every observer encodes the shared instances. */
  @Benchmark
  public void shared(Blackhole bh) {
    step();
    EntityState[] tick = new EntityState[POPULATION];
    for (int i = 0; i < POPULATION; i++) {
      tick[i] = quantiser.quantise(i + 1, lat[i], lng[i], 2.0, heading[i]);
    }
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
      bh.consume(s);
    }
  }

  public static void main(String[] args) throws RunnerException {
    new Runner(new OptionsBuilder().include(CrowdSnapshotBenchmark.class.getSimpleName()).build())
        .run();
  }
}
