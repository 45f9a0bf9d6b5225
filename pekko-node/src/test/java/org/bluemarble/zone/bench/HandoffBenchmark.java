package org.bluemarble.zone.bench;

import com.google.common.geometry.S2CellId;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.bluemarble.spatial.GeoPosition;
import org.bluemarble.zone.CellBoundary;
import org.bluemarble.zone.internal.Vectors;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Handoff detection and ghost-target computation for one entity position. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class HandoffBenchmark {
  private static final int POINTS = 1024;

  private CellBoundary boundary;
  private final double[][] points = new double[POINTS][3];
  private final S2CellId[] out = new S2CellId[8];
  private int next;

  @Setup
  public void setUp() {
    boundary = new CellBoundary(BenchWorld.CELL, BenchWorld.SETTINGS);
    SplittableRandom random = new SplittableRandom(5);
    for (double[] p : points) {
      // Spread over the cell and just beyond its edges.
      GeoPosition g = BenchWorld.near(random, 600);
      Vectors.fromLatLng(g.latitudeDeg(), g.longitudeDeg(), p);
    }
  }

  @Benchmark
  public boolean needsHandoff() {
    double[] p = points[next++ & (POINTS - 1)];
    return boundary.needsHandoff(p[0], p[1], p[2]);
  }

  @Benchmark
  public int ghostTargets() {
    double[] p = points[next++ & (POINTS - 1)];
    return boundary.ghostTargets(p[0], p[1], p[2], out);
  }
}
