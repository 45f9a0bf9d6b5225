package org.bluemarble.planet.geojson;

import com.google.common.geometry.R2Vector;
import com.google.common.geometry.S2CellId;
import com.google.common.geometry.S2Point;
import com.google.common.geometry.S2Projections;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/**
 * Outlines of S2 cells as longitude/latitude polygons with straight edges between lattice points
 * (the vertices of the cells of a finer level along the cell's edges). Vertices are rounded to
 * 1e-7° so neighbouring cells share edges exactly (and union cleanly); a vertex on a pole becomes
 * two pole points at its neighbours' longitudes; a cell straddling the antimeridian is cut into a
 * western and an eastern part.
 */
final class CellOutlines {

  private static final double SNAP = 1e7;

  private final GeometryFactory factory;
  private final Polygon westWorld;
  private final Polygon eastWorld;

  CellOutlines(GeometryFactory factory) {
    this.factory = factory;
    this.westWorld = box(-180, 180);
    this.eastWorld = box(180, 540);
  }

  /**
   * The cell as one polygon, or two when it straddles the antimeridian. Its edges carry every
   * vertex of the finer {@code latticeLevel} along them, so a big cell meets its small neighbours
   * vertex to vertex. Needs 1 ≤ cell level ≤ latticeLevel ≤ 20.
   */
  List<Polygon> outline(S2CellId id, int latticeLevel) {
    int level = id.level();
    if (level < 1 || latticeLevel < level || latticeLevel > 20) {
      throw new IllegalArgumentException(
          "cell outlines need 1 <= level ("
              + level
              + ") <= lattice level ("
              + latticeLevel
              + ") <= 20");
    }
    int face = id.face();
    R2Vector st = id.getCenterST();
    int n = 1 << (latticeLevel - level);
    int i0 = (int) Math.floor(st.x() * (1 << level)) * n;
    int j0 = (int) Math.floor(st.y() * (1 << level)) * n;
    int count = 4 * n;
    double[] lat = new double[count];
    double[] lng = new double[count];
    // Counter-clockwise in (u, v): bottom, right, top and left edges of the lattice square.
    for (int k = 0; k < n; k++) {
      latLng(face, i0 + k, j0, latticeLevel, lat, lng, k);
      latLng(face, i0 + n, j0 + k, latticeLevel, lat, lng, n + k);
      latLng(face, i0 + n - k, j0 + n, latticeLevel, lat, lng, 2 * n + k);
      latLng(face, i0, j0 + n - k, latticeLevel, lat, lng, 3 * n + k);
    }
    boolean[] pole = new boolean[count];
    double minLng = Double.MAX_VALUE;
    double maxLng = -Double.MAX_VALUE;
    for (int k = 0; k < count; k++) {
      pole[k] = Math.abs(lat[k]) >= 90 - 1e-7;
      if (!pole[k]) {
        minLng = Math.min(minLng, lng[k]);
        maxLng = Math.max(maxLng, lng[k]);
      }
    }
    boolean straddles = maxLng - minLng > 180;
    if (straddles) {
      for (int k = 0; k < count; k++) {
        if (lng[k] < 0) {
          lng[k] += 360;
        }
      }
    }
    List<Coordinate> ring = new ArrayList<>(count + 2);
    for (int k = 0; k < count; k++) {
      if (pole[k]) {
        double polarLat = lat[k] > 0 ? 90 : -90;
        ring.add(new Coordinate(lng[(k + count - 1) % count], polarLat));
        ring.add(new Coordinate(lng[(k + 1) % count], polarLat));
      } else {
        ring.add(new Coordinate(lng[k], lat[k]));
      }
    }
    ring.add(new Coordinate(ring.get(0)));
    Polygon polygon = factory.createPolygon(ring.toArray(new Coordinate[0]));
    if (!straddles) {
      return List.of(polygon);
    }
    List<Polygon> parts = new ArrayList<>(2);
    addPolygons(polygon.intersection(westWorld), 0, parts);
    addPolygons(polygon.intersection(eastWorld), -360, parts);
    return parts;
  }

  /** Snapped latitude/longitude of lattice point (face, i, j) of {@code level}, into slot k. */
  private static void latLng(int face, int i, int j, int level, double[] lat, double[] lng, int k) {
    double scale = 1.0 / (1 << level);
    S2Point p =
        S2Projections.faceUvToXyz(
            face, S2Projections.PROJ.stToUV(i * scale), S2Projections.PROJ.stToUV(j * scale));
    lat[k] = snap(Math.toDegrees(Math.atan2(p.getZ(), Math.hypot(p.getX(), p.getY()))));
    lng[k] = snap(Math.toDegrees(Math.atan2(p.getY(), p.getX())));
  }

  private void addPolygons(Geometry g, double shiftLng, List<Polygon> out) {
    for (int i = 0; i < g.getNumGeometries(); i++) {
      Geometry part = g.getGeometryN(i);
      if (part instanceof Polygon && !part.isEmpty() && part.getArea() > 0) {
        Polygon p = (Polygon) part.copy();
        if (shiftLng != 0) {
          p.apply((CoordinateFilter) c -> c.setX(snap(c.getX() + shiftLng)));
          p.geometryChanged();
        }
        out.add(p);
      }
    }
  }

  private Polygon box(double minLng, double maxLng) {
    return factory.createPolygon(
        new Coordinate[] {
          new Coordinate(minLng, -90),
          new Coordinate(maxLng, -90),
          new Coordinate(maxLng, 90),
          new Coordinate(minLng, 90),
          new Coordinate(minLng, -90)
        });
  }

  private static double snap(double degrees) {
    return Math.round(degrees * SNAP) / SNAP;
  }
}
