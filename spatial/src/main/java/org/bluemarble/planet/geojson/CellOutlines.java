package org.bluemarble.planet.geojson;

import com.google.common.geometry.S2Cell;
import com.google.common.geometry.S2CellId;
import com.google.common.geometry.S2LatLng;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/**
 * Outlines of S2 cells as longitude/latitude polygons with straight edges between the cell's
 * vertices. Vertices are rounded to 1e-7° so neighbouring cells share edges exactly (and union
 * cleanly); a vertex on a pole becomes two pole points at its neighbours' longitudes; a cell
 * straddling the antimeridian is cut into a western and an eastern part.
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

  /** The cell as one polygon, or two when it straddles the antimeridian. Needs level ≥ 1. */
  List<Polygon> outline(S2CellId id) {
    if (id.level() < 1) {
      throw new IllegalArgumentException("cell outlines need level >= 1, got " + id.level());
    }
    S2Cell cell = new S2Cell(id);
    double[] lat = new double[4];
    double[] lng = new double[4];
    boolean[] pole = new boolean[4];
    double minLng = Double.MAX_VALUE;
    double maxLng = -Double.MAX_VALUE;
    for (int i = 0; i < 4; i++) {
      S2LatLng ll = new S2LatLng(cell.getVertex(i));
      lat[i] = snap(ll.latDegrees());
      lng[i] = snap(ll.lngDegrees());
      pole[i] = Math.abs(lat[i]) >= 90 - 1e-7;
      if (!pole[i]) {
        minLng = Math.min(minLng, lng[i]);
        maxLng = Math.max(maxLng, lng[i]);
      }
    }
    boolean straddles = maxLng - minLng > 180;
    if (straddles) {
      for (int i = 0; i < 4; i++) {
        if (lng[i] < 0) {
          lng[i] += 360;
        }
      }
    }
    List<Coordinate> ring = new ArrayList<>(7);
    for (int i = 0; i < 4; i++) {
      if (pole[i]) {
        double polarLat = lat[i] > 0 ? 90 : -90;
        ring.add(new Coordinate(lng[(i + 3) % 4], polarLat));
        ring.add(new Coordinate(lng[(i + 1) % 4], polarLat));
      } else {
        ring.add(new Coordinate(lng[i], lat[i]));
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

  private void addPolygons(Geometry g, double shiftLng, List<Polygon> out) {
    for (int i = 0; i < g.getNumGeometries(); i++) {
      Geometry part = g.getGeometryN(i);
      if (part instanceof Polygon && !part.isEmpty() && part.getArea() > 0) {
        Polygon p = (Polygon) part.copy();
        if (shiftLng != 0) {
          p.apply(
              (org.locationtech.jts.geom.CoordinateFilter) c -> c.setX(snap(c.getX() + shiftLng)));
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
