package org.bluemarble.planet;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Plain micro-benchmark of {@link TerrainQuery}: generates an Earth-like planet, warms up, then
 * prints nanoseconds per query for elevation, biome and isDeepOcean over random points. Arguments:
 * {@code [terrainLevel=9] [queries=5000000]}. Run like {@link PlanetBenchmark}.
 */
public final class TerrainQueryBenchmark {

  private TerrainQueryBenchmark() {}

  public static void main(String[] args) {
    int level = args.length > 0 ? Integer.parseInt(args[0]) : PlanetConfig.DEFAULT_TERRAIN_LEVEL;
    int queries = args.length > 1 ? Integer.parseInt(args[1]) : 5_000_000;
    Planet planet =
        new PlanetGenerator().generate(PlanetConfig.earthLike(42).withTerrainLevel(level));
    TerrainQuery query = planet.terrainQuery();
    double[] lat = new double[1 << 16];
    double[] lng = new double[1 << 16];
    SplittableRandom random = new SplittableRandom(1);
    for (int i = 0; i < lat.length; i++) {
      // Uniform on the sphere, so every face and the poles are covered.
      lat[i] = Math.toDegrees(Math.asin(random.nextDouble(-1, 1)));
      lng[i] = random.nextDouble(-180, 180);
    }
    // A walk of 10 m steps, like a player moving: neighbouring queries hit the same cells.
    double[] walkLat = new double[1 << 16];
    double[] walkLng = new double[1 << 16];
    double step = Math.toDegrees(10.0 / planet.config().radiusMeters());
    walkLat[0] = 20;
    walkLng[0] = 179.5;
    for (int i = 1; i < walkLat.length; i++) {
      walkLat[i] = Math.max(-89, Math.min(89, walkLat[i - 1] + step * random.nextDouble(-1, 1)));
      walkLng[i] = walkLng[i - 1] + step * random.nextDouble(-1, 1);
    }
    System.out.printf(
        Locale.ROOT, "TerrainQuery on level %d (%,d cells)%n", level, planet.cellCount());
    for (int round = 0; round < 3; round++) {
      boolean report = round == 2;
      print(report, " random points on the sphere:");
      time("elevation", queries, report, i -> query.elevation(lat[i], lng[i]), lat.length);
      time("biome", queries, report, i -> query.biome(lat[i], lng[i]).ordinal(), lat.length);
      time("deepOcean", queries, report, i -> query.isDeepOcean(lat[i], lng[i]) ? 1 : 0, 1 << 16);
      print(report, " a walk in 10 m steps:");
      time("elevation", queries, report, i -> query.elevation(walkLat[i], walkLng[i]), 1 << 16);
      time("biome", queries, report, i -> query.biome(walkLat[i], walkLng[i]).ordinal(), 1 << 16);
    }
  }

  private static void print(boolean report, String line) {
    if (report) {
      System.out.println(line);
    }
  }

  private interface Op {
    double apply(int i);
  }

  private static void time(String name, int queries, boolean report, Op op, int pointCount) {
    int mask = pointCount - 1;
    double sink = 0;
    long t0 = System.nanoTime();
    for (int i = 0; i < queries; i++) {
      sink += op.apply(i & mask);
    }
    long ns = System.nanoTime() - t0;
    if (report) {
      System.out.printf(
          Locale.ROOT,
          "  %-12s %7.1f ns/query (checksum %.1f)%n",
          name,
          (double) ns / queries,
          sink);
    }
  }
}
