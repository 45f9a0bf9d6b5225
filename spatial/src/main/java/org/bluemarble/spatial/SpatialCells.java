package org.bluemarble.spatial;

import com.google.common.geometry.S1Angle;
import com.google.common.geometry.S2Cap;
import com.google.common.geometry.S2CellId;
import com.google.common.geometry.S2CellUnion;
import com.google.common.geometry.S2LatLngRect;
import com.google.common.geometry.S2Projections;
import com.google.common.geometry.S2Region;
import com.google.common.geometry.S2RegionCoverer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import org.bluemarble.spatial.internal.Coordinates;
import org.bluemarble.spatial.internal.RangeMerger;

/**
 * S2 cell helpers: the cell of a position, the hierarchy, neighbours, coverings of caps and
 * rectangles, the id ranges a store scans for a region, and the choice of the zone level. Cells are
 * {@link S2CellId}s; a store keys documents by {@link S2CellId#id()}.
 *
 * <p>There are no special seams: the antimeridian, the poles and cube-face edges are ordinary cell
 * boundaries, and neighbour relations across them are symmetric.
 */
public final class SpatialCells {
  /** The finest S2 level (leaf cells, about 1 cm on Earth). */
  public static final int MAX_LEVEL = S2CellId.MAX_LEVEL;

  /** The most cells a fixed-level covering may contain (estimated before covering). */
  public static final long MAX_FIXED_LEVEL_CELLS = 200_000;

  private SpatialCells() {}

  /** The cell at {@code level} that contains {@code position}. */
  public static S2CellId cellAt(GeoPosition position, int level) {
    requireLevel("level", level);
    return S2CellId.fromPoint(position.toUnitVector()).parent(level);
  }

  /** The centre of {@code cell} as a surface position. */
  public static GeoPosition centreOf(S2CellId cell) {
    requireValid(cell);
    return GeoPosition.fromUnitVector(cell.toPoint(), 0.0);
  }

  /** The ancestor of {@code cell} at {@code level}, which must not be finer than the cell. */
  public static S2CellId parent(S2CellId cell, int level) {
    requireValid(cell);
    requireLevel("level", level);
    if (level > cell.level()) {
      throw new InvalidCellException(
          "level = " + level + " must not exceed the cell's level " + cell.level());
    }
    return cell.parent(level);
  }

  /** The four children of {@code cell} in Hilbert-curve order; not defined for leaf cells. */
  public static List<S2CellId> children(S2CellId cell) {
    requireValid(cell);
    if (cell.isLeaf()) {
      throw new InvalidCellException("cell " + cell.toToken() + " is a leaf and has no children");
    }
    List<S2CellId> out = new ArrayList<>(4);
    for (int i = 0; i < 4; i++) {
      out.add(cell.child(i));
    }
    return out;
  }

  /** The four cells of the same level that share an edge with {@code cell}. */
  public static List<S2CellId> edgeNeighbours(S2CellId cell) {
    requireValid(cell);
    S2CellId[] out = new S2CellId[4];
    cell.getEdgeNeighbors(out);
    return List.of(out);
  }

  /**
   * All distinct cells of the same level that share an edge or a vertex with {@code cell}: eight,
   * or seven when the cell touches one of the cube's corners (where only three faces meet); a
   * level-0 face cell has four (the adjacent faces).
   */
  public static List<S2CellId> allNeighbours(S2CellId cell) {
    requireValid(cell);
    List<S2CellId> raw = new ArrayList<>(9);
    cell.getAllNeighbors(cell.level(), raw);
    // S2 may list the same cell twice next to a cube corner.
    return List.copyOf(new LinkedHashSet<>(raw));
  }

  /**
   * The cells of exactly {@code level} covering the cap of {@code radiusMeters} (along the surface)
   * around {@code centre}, sorted by id.
   *
   * @throws CoveringTooLargeException if the covering would exceed {@link #MAX_FIXED_LEVEL_CELLS}
   */
  public static List<S2CellId> coverCapAtLevel(
      GeoPosition centre, double radiusMeters, Sphere sphere, int level) {
    requireLevel("level", level);
    S2Cap cap = cap(centre, radiusMeters, sphere);
    checkSize(cap.area(), level);
    return cover(cap, level, level, Integer.MAX_VALUE);
  }

  /**
   * At most {@code maxCells} cells of any level (coarsest first) covering the cap, sorted by id. S2
   * may return a few more cells than asked when the cap is awkwardly placed.
   */
  public static List<S2CellId> coverCap(
      GeoPosition centre, double radiusMeters, Sphere sphere, int maxCells) {
    requireMaxCells(maxCells);
    return cover(cap(centre, radiusMeters, sphere), 0, MAX_LEVEL, maxCells);
  }

  /**
   * The cells of exactly {@code level} covering {@code rect} (which may cross the antimeridian),
   * sorted by id.
   *
   * @throws CoveringTooLargeException if the covering would exceed {@link #MAX_FIXED_LEVEL_CELLS}
   */
  public static List<S2CellId> coverRectAtLevel(GeoRect rect, int level) {
    requireLevel("level", level);
    S2LatLngRect region = rect.toS2();
    checkSize(region.area(), level);
    return cover(region, level, level, Integer.MAX_VALUE);
  }

  /** At most {@code maxCells} cells of any level covering {@code rect}, sorted by id. */
  public static List<S2CellId> coverRect(GeoRect rect, int maxCells) {
    requireMaxCells(maxCells);
    return cover(rect.toS2(), 0, MAX_LEVEL, maxCells);
  }

  /**
   * The leaf-id ranges a store keyed by cell id scans to find everything inside {@code cells}:
   * sorted, adjacent or overlapping cells merged into one range, never crossing the sign boundary
   * (see {@link CellIdRange}). A stored id lies in one of the ranges exactly when its cell lies
   * inside one of {@code cells}.
   */
  public static List<CellIdRange> scanRanges(Collection<S2CellId> cells) {
    ArrayList<S2CellId> copy = new ArrayList<>(cells.size());
    for (S2CellId cell : cells) {
      requireValid(cell);
      copy.add(cell);
    }
    S2CellUnion union = new S2CellUnion();
    union.initFromCellIds(copy);
    return RangeMerger.merge(union.cellIds());
  }

  /**
   * The smallest edge length of any cell at {@code level} on {@code sphere}, in metres (S2's {@code
   * minEdge} metric: 2√2/3 radians at level 0, halving with each level).
   */
  public static double minEdgeMeters(Sphere sphere, int level) {
    requireLevel("level", level);
    return S2Projections.PROJ.minEdge.getValue(level) * sphere.radiusMeters();
  }

  /**
   * The zone level for an area-of-interest radius: the finest (highest-numbered) level whose
   * smallest cell edge is still at least twice {@code aoiRadiusMeters}, so a player's area of
   * interest never spans more than two cells across. Finer levels would be too small; every coarser
   * level also satisfies the rule but makes cells larger than needed.
   *
   * <p>On Earth (R = 6,371,000 m) the smallest edge is 733.2 m at level 13 and 366.6 m at level 14,
   * so an AOI radius of 250 m (needs 500 m) and of 300 m (needs 600 m) both give level 13.
   *
   * @throws InvalidCoordinateException if the radius is not positive and finite, or so large that
   *     even level 0 is too small
   */
  public static int zoneLevel(Sphere sphere, double aoiRadiusMeters) {
    Coordinates.requireFinite("aoiRadiusMeters", aoiRadiusMeters);
    if (aoiRadiusMeters <= 0.0) {
      throw new InvalidCoordinateException("aoiRadiusMeters", aoiRadiusMeters, "must be > 0");
    }
    for (int level = MAX_LEVEL; level >= 0; level--) {
      if (minEdgeMeters(sphere, level) >= 2.0 * aoiRadiusMeters) {
        return level;
      }
    }
    throw new InvalidCoordinateException(
        "aoiRadiusMeters",
        aoiRadiusMeters,
        "must be at most half of a level-0 cell edge (" + minEdgeMeters(sphere, 0) / 2 + " m)");
  }

  private static S2Cap cap(GeoPosition centre, double radiusMeters, Sphere sphere) {
    Coordinates.requireFinite("radiusMeters", radiusMeters);
    if (radiusMeters < 0.0) {
      throw new InvalidCoordinateException("radiusMeters", radiusMeters, "must be >= 0");
    }
    if (radiusMeters >= sphere.halfCircumferenceMeters()) {
      return S2Cap.full();
    }
    return S2Cap.fromAxisAngle(
        centre.toUnitVector(), S1Angle.radians(radiusMeters / sphere.radiusMeters()));
  }

  private static List<S2CellId> cover(S2Region region, int minLevel, int maxLevel, int maxCells) {
    S2RegionCoverer coverer =
        S2RegionCoverer.builder()
            .setMinLevel(minLevel)
            .setMaxLevel(maxLevel)
            .setMaxCells(maxCells)
            .build();
    ArrayList<S2CellId> out = new ArrayList<>();
    coverer.getCovering(region, out);
    return out;
  }

  private static void checkSize(double areaSteradians, int level) {
    double estimate = areaSteradians / S2Projections.PROJ.avgArea.getValue(level);
    if (estimate > MAX_FIXED_LEVEL_CELLS) {
      throw new CoveringTooLargeException(level, (long) Math.min(estimate, Long.MAX_VALUE));
    }
  }

  private static void requireLevel(String field, int level) {
    if (level < 0 || level > MAX_LEVEL) {
      throw new InvalidCellException(
          field + " = " + level + " must be within [0, " + MAX_LEVEL + "]");
    }
  }

  private static void requireMaxCells(int maxCells) {
    if (maxCells < 1) {
      throw new InvalidCellException("maxCells = " + maxCells + " must be >= 1");
    }
  }

  private static void requireValid(S2CellId cell) {
    if (cell == null || !cell.isValid()) {
      throw new InvalidCellException("cell id " + cell + " is not a valid S2 cell id");
    }
  }
}
