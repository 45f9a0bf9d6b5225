package org.bluemarble.planet.geojson;

import com.google.common.geometry.S2CellId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.bluemarble.planet.Biome;
import org.bluemarble.planet.Planet;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.operation.overlayng.UnaryUnionNG;

/**
 * Merges a planet's cells into one set of polygons per biome. Each cell of a coarser S2 level takes
 * the biome covering most of its terrain cells; the coarse cells of each biome are unioned with JTS
 * in longitude/latitude degrees, already cut at the antimeridian, and any invalid result is
 * repaired with {@code buffer(0)}. Level 5 or 6 gives a few hundred polygons for an Earth-like
 * planet.
 */
public final class BiomePolygons {

  /** Default polygon level: cells of about 150 km on Earth. */
  public static final int DEFAULT_LEVEL = 6;

  /** Snap-rounding grid of the union: 1e-7 degrees, the same grid the cell vertices are on. */
  private static final PrecisionModel PRECISION = new PrecisionModel(1e7);

  private BiomePolygons() {}

  /** Builds at {@link #DEFAULT_LEVEL}, or at the terrain level when that is coarser. */
  public static List<BiomePolygon> build(Planet planet) {
    return build(planet, Math.min(DEFAULT_LEVEL, planet.config().terrainLevel()));
  }

  /**
   * Builds the biome polygons of {@code planet} from cells of {@code level} (2..terrainLevel).
   * Ordered by biome, then as JTS returns the union's parts (deterministic for a given planet).
   */
  public static List<BiomePolygon> build(Planet planet, int level) {
    int terrainLevel = planet.config().terrainLevel();
    if (level < 2 || level > terrainLevel) {
      throw new IllegalArgumentException(
          "polygon level " + level + " is outside 2.." + terrainLevel + " (the terrain level)");
    }
    GeometryFactory factory = new GeometryFactory();
    CellOutlines outlines = new CellOutlines(factory);
    List<List<Polygon>> cellsByBiome = new ArrayList<>();
    for (int b = 0; b < Biome.values().length; b++) {
      cellsByBiome.add(new ArrayList<>());
    }
    int[][] uniform = uniformBiomes(planet, level);
    for (int k = 0; k < 6 * 4; k++) {
      collect(new S2CellId(((long) k << 59) | (1L << 58)), level, uniform, outlines, cellsByBiome);
    }
    double radiusKm = planet.config().radiusMeters() / 1000.0;
    // Biomes are independent: union them in parallel, then collect in biome order.
    List<List<BiomePolygon>> perBiome =
        IntStream.range(0, Biome.values().length)
            .parallel()
            .mapToObj(b -> union(Biome.ofOrdinal(b), cellsByBiome.get(b), factory, radiusKm))
            .collect(Collectors.toList());
    List<BiomePolygon> result = new ArrayList<>();
    perBiome.forEach(result::addAll);
    return result;
  }

  private static List<BiomePolygon> union(
      Biome biome, List<Polygon> cells, GeometryFactory factory, double radiusKm) {
    List<BiomePolygon> result = new ArrayList<>();
    if (cells.isEmpty()) {
      return result;
    }
    Geometry union = UnaryUnionNG.union(factory.buildGeometry(cells), PRECISION);
    if (!union.isValid()) {
      union = union.buffer(0);
    }
    for (int i = 0; i < union.getNumGeometries(); i++) {
      Geometry part = union.getGeometryN(i);
      if (part instanceof Polygon && !part.isEmpty()) {
        Polygon polygon = (Polygon) part;
        result.add(new BiomePolygon(biome, polygon, sphericalAreaKm2(polygon, radiusKm)));
      }
    }
    return result;
  }

  /**
   * Biome of every cell of levels 1..level (index in id order), or -1 where its children differ. At
   * {@code level} a cell takes the biome most of its terrain cells have (ties to the lower
   * ordinal).
   */
  private static int[][] uniformBiomes(Planet planet, int level) {
    int terrainLevel = planet.config().terrainLevel();
    int[][] uniform = new int[level + 1][];
    int coarseCount = 6 << (2 * level);
    int perCoarse = 1 << (2 * (terrainLevel - level));
    uniform[level] = new int[coarseCount];
    int[] counts = new int[Biome.values().length];
    for (int c = 0; c < coarseCount; c++) {
      Arrays.fill(counts, 0);
      for (int k = c * perCoarse; k < (c + 1) * perCoarse; k++) {
        counts[planet.biomeOrdinal(k)]++;
      }
      int majority = 0;
      for (int b = 1; b < counts.length; b++) {
        if (counts[b] > counts[majority]) {
          majority = b;
        }
      }
      uniform[level][c] = majority;
    }
    for (int l = level - 1; l >= 1; l--) {
      int[] children = uniform[l + 1];
      uniform[l] = new int[6 << (2 * l)];
      for (int c = 0; c < uniform[l].length; c++) {
        int b = children[4 * c];
        boolean same = b >= 0;
        for (int q = 1; q < 4 && same; q++) {
          same = children[4 * c + q] == b;
        }
        uniform[l][c] = same ? b : -1;
      }
    }
    return uniform;
  }

  /** Adds the outline of {@code id} if its biome is uniform, else recurses into its children. */
  private static void collect(
      S2CellId id,
      int level,
      int[][] uniform,
      CellOutlines outlines,
      List<List<Polygon>> cellsByBiome) {
    int l = id.level();
    int index = (int) (id.id() >>> (61 - 2 * l));
    int biome = uniform[l][index];
    if (biome >= 0) {
      cellsByBiome.get(biome).addAll(outlines.outline(id, level));
      return;
    }
    for (int q = 0; q < 4; q++) {
      collect(id.child(q), level, uniform, outlines, cellsByBiome);
    }
  }

  /**
   * Area on the sphere of a longitude/latitude polygon: its planar area after the Lambert
   * cylindrical equal-area mapping (x = λ, y = sin φ), times R². Edges straight in degrees are
   * slightly curved in that mapping, so this is approximate (well under 1 % for cells of level 4+).
   */
  static double sphericalAreaKm2(Polygon polygon, double radiusKm) {
    Polygon equalArea = (Polygon) polygon.copy();
    equalArea.apply(
        (CoordinateFilter)
            (Coordinate c) -> {
              c.setX(Math.toRadians(c.getX()));
              c.setY(Math.sin(Math.toRadians(c.getY())));
            });
    equalArea.geometryChanged();
    return equalArea.getArea() * radiusKm * radiusKm;
  }
}
