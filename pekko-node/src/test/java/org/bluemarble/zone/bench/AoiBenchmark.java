package org.bluemarble.zone.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.bluemarble.spatial.GeoPosition;
import org.bluemarble.zone.AoiIndex;
import org.bluemarble.zone.AoiResult;
import org.bluemarble.zone.CellPopulation;
import org.bluemarble.zone.CellSimulation;
import org.bluemarble.zone.EntityKind;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * AOI gathering for one player in a cell of N entities spread over the cell (about 730 m across):
 * everything within the radius, and the nearest ones a snapshot carries; and the rebuild of the
 * index that precedes a snapshot.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AoiBenchmark {
  @Param({"500", "2000"})
  public int entities;

  private CellPopulation population;
  private AoiIndex index;
  private final AoiResult result = new AoiResult();
  private int observer;

  @Setup
  public void setUp() {
    SplittableRandom random = new SplittableRandom(3);
    population = new CellPopulation(entities);
    for (int i = 0; i < entities; i++) {
      GeoPosition p = BenchWorld.near(random, 400);
      population.upsert(i, EntityKind.PLAYER, false, p, 0.0, 0.0);
    }
    index = new AoiIndex(BenchWorld.CENTRE, BenchWorld.SETTINGS);
    index.rebuild(population);
  }

  @Benchmark
  public AoiResult gatherForOnePlayer() {
    int slot = observer++ % entities;
    index.gather(
        population.x(slot), population.y(slot), population.z(slot), population.id(slot), result);
    return result;
  }

  /** What a snapshot does: the nearest {@link CellSimulation#MAX_VISIBLE_PER_SNAPSHOT} only. */
  @Benchmark
  public AoiResult gatherNearestForOnePlayer() {
    int slot = observer++ % entities;
    index.gather(
        population.x(slot),
        population.y(slot),
        population.z(slot),
        population.id(slot),
        CellSimulation.MAX_VISIBLE_PER_SNAPSHOT,
        result);
    return result;
  }

  /** What a snapshot does now: the same nearest ones, handed on in id order. */
  @Benchmark
  public AoiResult gatherNearestInIdOrderForOnePlayer() {
    int slot = observer++ % entities;
    index.gatherInIdOrder(
        population.x(slot),
        population.y(slot),
        population.z(slot),
        population.id(slot),
        CellSimulation.MAX_VISIBLE_PER_SNAPSHOT,
        result);
    return result;
  }

  @Benchmark
  public AoiIndex rebuildIndex() {
    index.rebuild(population);
    return index;
  }
}
