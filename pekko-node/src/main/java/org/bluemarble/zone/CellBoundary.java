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
  /** Unit-vector distance from an edge below which the exact S2 test decides (~6 µm on Earth). */
  private static final double EDGE_MARGIN = 1e-12;

  private final S2CellId cellId;
  private final S2Cell cell;
  private final int level;
  private final S2CellId[] neighbourIds;
  private final S2Cell[] neighbours;

  /** The AOI radius as a squared chord length, S2's cheap distance unit. */
  private final double aoiLength2;

  /** sin(AOI angle): a point whose distance to an edge's great circle is below it is near. */
  private final double sinAoi;

  /** Unit inward normals of the four edges' great circles, [edge][xyz]. */
  private final double[][] edgeNormals = new double[4][3];

  /** The cell across edge k. */
  private final S2CellId[] acrossEdge = new S2CellId[4];

  /** The four vertices (unit vectors) and the cell touching only at vertex k, or null. */
  private final double[][] vertices = new double[4][3];

  private final S2CellId[] acrossVertex = new S2CellId[4];

  private final S2Cell[] acrossVertexCell = new S2Cell[4];

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
    this.sinAoi = Math.sin(radians);
    cellId.getEdgeNeighbors(acrossEdge);
    for (int k = 0; k < 4; k++) {
      S2Point n = cell.getEdge(k);
      double len = n.norm();
      edgeNormals[k][0] = n.getX() / len;
      edgeNormals[k][1] = n.getY() / len;
      edgeNormals[k][2] = n.getZ() / len;
      S2Point v = cell.getVertex(k);
      vertices[k][0] = v.getX();
      vertices[k][1] = v.getY();
      vertices[k][2] = v.getZ();
    }
    for (int i = 0; i < neighbourIds.length; i++) {
      if (List.of(acrossEdge).contains(neighbourIds[i])) {
        continue;
      }
      // A corner-only neighbour: find the vertex it touches.
      for (int k = 0; k < 4; k++) {
        if (neighbours[i].getDistance(cell.getVertex(k)).getLength2() < 1e-24) {
          acrossVertex[k] = neighbourIds[i];
          acrossVertexCell[k] = neighbours[i];
        }
      }
    }
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
    // Fast path: clearly inside all four edge great circles. Within rounding of an edge, ask S2
    // so the answer always agrees with ownerOf.
    boolean clearlyInside = true;
    for (int k = 0; k < 4 && clearlyInside; k++) {
      double[] n = edgeNormals[k];
      clearlyInside = x * n[0] + y * n[1] + z * n[2] > EDGE_MARGIN;
    }
    return !clearlyInside && !cellId.contains(S2CellId.fromPoint(new S2Point(x, y, z)));
  }

  /**
   * Writes into {@code out} the neighbour cells that must know of an entity at (x, y, z) owned by
   * this cell, i.e. those within the AOI radius of it; returns how many. Entities far from the
   * boundary cost one distance test.
   *
   * @param out at least {@link #neighbours()}{@code .size()} long
   */
  public int ghostTargets(double x, double y, double z, S2CellId[] out) {
    double[] d = new double[4];
    boolean inside = true;
    boolean near = false;
    for (int k = 0; k < 4; k++) {
      double[] n = edgeNormals[k];
      d[k] = x * n[0] + y * n[1] + z * n[2];
      inside &= d[k] >= 0.0;
      near |= d[k] <= sinAoi;
    }
    if (inside) {
      return near ? ghostTargetsInside(x, y, z, d, out) : 0;
    }
    return ghostTargetsExact(x, y, z, out);
  }

  /**
   * For a point inside the cell, the distance to the neighbour across edge k is the distance to
   * that edge segment, at least the distance to its great circle (asin d[k]). A neighbour across a
   * vertex is as far as the vertex where the cells meet at right angles, but S2 cells are skewed
   * near cube-face edges and corners: when the cell beside the vertex has an acute angle there, the
   * diagonal cell's edge passes nearer than the vertex. So a vertex within twice the radius (angles
   * of 30° or more) gets the exact S2 distance. The test never misses a neighbour; it may add an
   * edge neighbour whose segment ends just short of the point (a harmless extra ghost).
   */
  private int ghostTargetsInside(double x, double y, double z, double[] d, S2CellId[] out) {
    int n = 0;
    for (int k = 0; k < 4; k++) {
      if (d[k] <= sinAoi) {
        out[n++] = acrossEdge[k];
      }
      S2CellId corner = acrossVertex[k];
      if (corner != null) {
        double[] v = vertices[k];
        double dx = v[0] - x;
        double dy = v[1] - y;
        double dz = v[2] - z;
        double vertex2 = dx * dx + dy * dy + dz * dz;
        if (vertex2 <= aoiLength2
            || (vertex2 <= 4.0 * aoiLength2
                && acrossVertexCell[k].getDistance(new S2Point(x, y, z)).getLength2()
                    <= aoiLength2)) {
          out[n++] = corner;
        }
      }
    }
    return n;
  }

  private int ghostTargetsExact(double x, double y, double z, S2CellId[] out) {
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
