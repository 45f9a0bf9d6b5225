package org.bluemarble.zone.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.bluemarble.player.CharacterClass;
import org.bluemarble.zone.CellSimulation;
import org.bluemarble.zone.MovementInput;
import org.bluemarble.zone.TickReport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The cost of one 60 Hz tick of a cell with N walking players (plus the cell's spawned creatures
 * and resource nodes); every third tick is a snapshot tick with AOI gathering and ghost batches.
 * SampleTime mode reports p50/p99.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TickBenchmark {
  @Param({"100", "500", "2000"})
  public int players;

  private CellSimulation sim;
  private SplittableRandom random;
  private long now;
  private long nextId;

  @Setup
  public void setUp() {
    random = new SplittableRandom(1);
    sim = new CellSimulation(BenchWorld.CELL, BenchWorld.SETTINGS, BenchWorld.LAND, 7L);
    for (int i = 0; i < players; i++) {
      enterOne();
    }
    now = 1_700_000_000_000_000_000L;
  }

  private void enterOne() {
    sim.enter(
        nextId++,
        CharacterClass.RANGER,
        BenchWorld.near(random, 300),
        0L,
        new MovementInput.Heading(random.nextDouble(360.0), 1.0 + random.nextDouble(4.0)));
  }

  @Benchmark
  public TickReport tick() {
    now += 16_666_667L;
    TickReport report = sim.tick(now);
    for (int i = 0; i < report.handoffs().size(); i++) {
      enterOne();
    }
    return report;
  }
}
