package org.bluemarble.zone.bench;

import com.google.common.geometry.S2CellId;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import org.bluemarble.planet.Planet;
import org.bluemarble.planet.PlanetConfig;
import org.bluemarble.planet.PlanetGenerator;
import org.bluemarble.planet.TerrainQuery;
import org.bluemarble.player.CharacterClass;
import org.bluemarble.spatial.GeoPosition;
import org.bluemarble.spatial.SpatialCells;
import org.bluemarble.spatial.Sphere;
import org.bluemarble.zone.CellSimulation;
import org.bluemarble.zone.MovementInput;
import org.bluemarble.zone.Terrain;
import org.bluemarble.zone.TickReport;

/**
 * The cell tick on a generated planet's terrain (as the node's), thread CPU time per tick, with the
 * cell's elevation memo ({@code after}) and without it ({@code before}: the same terrain behind an
 * adapter that states the deep-ocean rule itself, which the memo leaves alone). Two cells with the
 * same seeded walkers (the load test's dense crowd, {@value #PLAYERS} players, new headings at 10
 * Hz) tick alternately, so a loaded machine slows both alike. Run: {@code java -cp <pekko-node test
 * classpath> org.bluemarble.zone.bench.TerrainTickCpu [ticks=3000] [terrainLevel=9]}.
 */
public final class TerrainTickCpu {
  static final int PLAYERS = 200;

  private TerrainTickCpu() {}

  public static void main(String[] args) {
    int ticks = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
    int level = args.length > 1 ? Integer.parseInt(args[1]) : PlanetConfig.DEFAULT_TERRAIN_LEVEL;
    Planet planet =
        new PlanetGenerator().generate(PlanetConfig.earthLike(42).withTerrainLevel(level));
    TerrainQuery query = planet.terrainQuery();
    GeoPosition land = gentleLand(query);
    S2CellId cell = SpatialCells.cellAt(land, BenchWorld.SETTINGS.zoneLevel());
    Terrain after = new Adapter(query);
    Terrain before = new OwnOceanRule(query);
    CellSimulation[] sims = {
      new CellSimulation(cell, BenchWorld.SETTINGS, before, 7L),
      new CellSimulation(cell, BenchWorld.SETTINGS, after, 7L)
    };
    SplittableRandom[] randoms = {new SplittableRandom(1), new SplittableRandom(1)};
    GeoPosition centre = SpatialCells.centreOf(cell);
    long[][] nextId = {{1}, {1}};
    for (int v = 0; v < 2; v++) {
      for (int i = 0; i < PLAYERS; i++) {
        enter(sims[v], randoms[v], centre, nextId[v]);
      }
    }
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    long[][] cpu = new long[2][ticks];
    long now = 1_700_000_000_000_000_000L;
    long sequence = 1;
    System.out.printf(
        Locale.ROOT,
        "terrain level %d, cell %s at %.3f,%.3f, %d players, %d creatures%n",
        level,
        cell.toToken(),
        land.latitudeDeg(),
        land.longitudeDeg(),
        PLAYERS,
        sims[0].creatureCount());
    for (int t = -1200; t < ticks; t++) {
      now += 16_666_667L;
      if (t % 6 == 0) {
        sequence++;
        for (int v = 0; v < 2; v++) {
          for (long id = 1; id < nextId[v][0]; id++) {
            sims[v].offer(id, walk(sequence, randoms[v]));
          }
        }
      }
      for (int k = 0; k < 2; k++) {
        int v = (k + t) & 1;
        long c0 = mx.getCurrentThreadCpuTime();
        TickReport report = sims[v].tick(now);
        long c1 = mx.getCurrentThreadCpuTime();
        for (int i = 0; i < report.handoffs().size(); i++) {
          enter(sims[v], randoms[v], centre, nextId[v]);
        }
        if (t >= 0) {
          cpu[v][t] = c1 - c0;
        }
      }
    }
    for (int v = 0; v < 2; v++) {
      long[] c = cpu[v];
      double mean = Arrays.stream(c).average().orElse(0) / 1e6;
      Arrays.sort(c);
      System.out.printf(
          Locale.ROOT,
          "%-6s cpu per tick mean %.3f ms, p50 %.3f ms, p99 %.3f ms (%d ticks)%n",
          v == 0 ? "before" : "after",
          mean,
          c[ticks / 2] / 1e6,
          c[ticks * 99 / 100] / 1e6,
          ticks);
    }
  }

  private static void enter(
      CellSimulation sim, SplittableRandom random, GeoPosition centre, long[] nextId) {
    GeoPosition at =
        Sphere.EARTH.destination(centre, random.nextDouble(360.0), random.nextDouble(300.0));
    sim.enter(
        nextId[0]++,
        CharacterClass.RANGER,
        at,
        0L,
        new MovementInput.Heading(random.nextDouble(360.0), 5.0));
  }

  private static MovementInput walk(long sequence, SplittableRandom random) {
    return new MovementInput(
        sequence, new MovementInput.Heading(random.nextDouble(360.0), 5.0), 0L);
  }

  /** A point on land whose surroundings are land too (a crowd walks there without refusals). */
  private static GeoPosition gentleLand(TerrainQuery query) {
    for (double lat = 10; lat < 60; lat += 0.37) {
      for (double lng = -170; lng < 170; lng += 0.53) {
        boolean ok = true;
        for (int b = 0; b < 8 && ok; b++) {
          GeoPosition p = Sphere.EARTH.destination(GeoPosition.of(lat, lng), b * 45.0, 800.0);
          ok = query.elevation(p.latitudeDeg(), p.longitudeDeg()) > 20.0;
        }
        if (ok) {
          return GeoPosition.of(lat, lng);
        }
      }
    }
    throw new IllegalStateException("no land on this planet");
  }

  /** The node's terrain adapter: elevation and biome from the planet. */
  private record Adapter(TerrainQuery query) implements Terrain {
    @Override
    public double elevationMeters(double latitudeDeg, double longitudeDeg) {
      return query.elevation(latitudeDeg, longitudeDeg);
    }

    @Override
    public String biome(double latitudeDeg, double longitudeDeg) {
      return query.biome(latitudeDeg, longitudeDeg).wireName();
    }
  }

  /** The same terrain, stating the interface's deep-ocean rule itself: not memoised. */
  private record OwnOceanRule(TerrainQuery query) implements Terrain {
    @Override
    public double elevationMeters(double latitudeDeg, double longitudeDeg) {
      return query.elevation(latitudeDeg, longitudeDeg);
    }

    @Override
    public String biome(double latitudeDeg, double longitudeDeg) {
      return query.biome(latitudeDeg, longitudeDeg).wireName();
    }

    @Override
    public boolean isDeepOcean(double latitudeDeg, double longitudeDeg, double thresholdMeters) {
      return elevationMeters(latitudeDeg, longitudeDeg) < thresholdMeters;
    }
  }
}
