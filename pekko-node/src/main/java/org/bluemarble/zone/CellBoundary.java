package org.bluemarble.zone;

import com.google.common.geometry.S2Cell;
import com.google.common.geometry.S2CellId;
import com.google.common.geometry.S2Point;
import java.util.List;
import org.bluemarble.spatial.SpatialCells;

/**
 * The boundary of one zone cell: who owns a position now (a handoff is due when it is not this
 * cell), and which neighbouring cells must be told of an entity because it lies within the AOI
 * radius of them (ghosts). Neighbours are all cells sharing an edge or a vertex, so cube-face
 * edges, corners, the poles and the antimeridian need no special case.
 */
public final class CellBoundary {
  private final S2CellId cellId;
  private final S2Cell cell;
  private final int level;
  private final S2CellId[] neighbourIds;
  private final S2Cell[] neighbours;

  /** The AOI radius as a squared chord length, S2's cheap distance unit. */
  private final double aoiLength2;

  /** The boundary of {@code cellId}, which must be at the settings' zone level. */
  public CellBoundary(S2CellId cellId, ZoneSettings settings) {
    if (cellId == null || !cellId.isValid() || cellId.level() != settings.zoneLevel()) {
      throw new IllegalArgumentException(
          "cellId "
              + (cellId == null ? "null" : cellId.toToken())
              + " must be a valid cell at zone level "
              + settings.zoneLevel());
    }
    this.cellId = cellId;
    this.cell = new S2Cell(cellId);
    this.level = cellId.level();
    List<S2CellId> all = SpatialCells.allNeighbours(cellId);
    this.neighbourIds = all.toArray(new S2CellId[0]);
    this.neighbours = new S2Cell[neighbourIds.length];
    for (int i = 0; i < neighbourIds.length; i++) {
      neighbours[i] = new S2Cell(neighbourIds[i]);
    }
    double radians = settings.aoiRadiusMeters() / settings.sphere().radiusMeters();
    double halfChord = Math.sin(radians / 2.0);
    this.aoiLength2 = 4.0 * halfChord * halfChord;
  }

  /** This cell's id. */
  public S2CellId cellId() {
    return cellId;
  }

  /** The neighbouring cells (7 or 8), in a fixed order. */
  public List<S2CellId> neighbours() {
    return List.of(neighbourIds);
  }

  /** The zone cell that contains the unit vector (x, y, z). */
  public S2CellId ownerOf(double x, double y, double z) {
    return S2CellId.fromPoint(new S2Point(x, y, z)).parent(level);
  }

  /** Whether an entity at (x, y, z) has left this cell and must be handed to {@link #ownerOf}. */
  public boolean needsHandoff(double x, double y, double z) {
    return !cellId.contains(S2CellId.fromPoint(new S2Point(x, y, z)));
  }

  /**
   * Writes into {@code out} the neighbour cells that must know of an entity at (x, y, z) owned by
   * this cell, i.e. those within the AOI radius of it; returns how many. Entities far from the
   * boundary cost one distance test.
   *
   * @param out at least {@link #neighbours()}{@code .size()} long
   */
  public int ghostTargets(double x, double y, double z, S2CellId[] out) {
    S2Point p = new S2Point(x, y, z);
    if (cell.contains(p) && cell.getBoundaryDistance(p).getLength2() > aoiLength2) {
      return 0;
    }
    int n = 0;
    for (int i = 0; i < neighbours.length; i++) {
      if (neighbours[i].getDistance(p).getLength2() <= aoiLength2) {
        out[n++] = neighbourIds[i];
      }
    }
    return n;
  }
}
