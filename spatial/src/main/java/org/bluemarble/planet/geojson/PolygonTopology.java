package org.bluemarble.planet.geojson;

import com.google.common.geometry.S2CellId;
import com.google.common.geometry.S2LatLng;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * Checks a planet's biome polygons as a map: every polygon valid (JTS), no ring edge jumping across
 * the antimeridian (features are split there), and the polygons covering the sphere once: the
 * centre of every S2 cell of the polygon level lies in exactly one polygon (none: a gap, several:
 * an overlap).
 */
public final class PolygonTopology {
  /** Problems of each kind listed in a report at most (counts are always complete). */
  public static final int MAX_LISTED = 20;

  private PolygonTopology() {}

  /** One problem: the feature (or -1 for a place), what, and where (lon, lat degrees). */
  public record Problem(int feature, String kind, String message, double lon, double lat) {}

  /**
   * What was found.
   *
   * @param splitAtAntimeridian polygons with a border on longitude ±180 (pieces of a split one)
   * @param cellsChecked cell centres tested for coverage
   */
  public record Report(
      int polygons,
      int invalidPolygons,
      int antimeridianJumps,
      int splitAtAntimeridian,
      int cellsChecked,
      int gaps,
      int overlaps,
      List<Problem> problems) {
    public boolean valid() {
      return invalidPolygons == 0 && antimeridianJumps == 0 && gaps == 0 && overlaps == 0;
    }
  }

  /** Checks {@code polygons}, built at S2 {@code level}. */
  public static Report check(List<BiomePolygon> polygons, int level) {
    List<Problem> problems = new ArrayList<>();
    STRtree index = new STRtree();
    int invalid = 0;
    int jumps = 0;
    int split = 0;
    for (int i = 0; i < polygons.size(); i++) {
      Polygon polygon = polygons.get(i).polygon();
      TopologyValidationError error = new IsValidOp(polygon).getValidationError();
      if (error != null) {
        invalid++;
        Coordinate c = error.getCoordinate();
        note(problems, new Problem(i, "invalid_geometry", error.getMessage(), c.x, c.y));
      }
      boolean touches = false;
      Coordinate[] ring = polygon.getExteriorRing().getCoordinates();
      for (int j = 1; j < ring.length; j++) {
        if (Math.abs(ring[j].x - ring[j - 1].x) > 180) {
          jumps++;
          note(
              problems,
              new Problem(
                  i, "antimeridian_jump", "edge crosses the antimeridian", ring[j].x, ring[j].y));
        }
        touches |= Math.abs(Math.abs(ring[j].x) - 180) < 1e-9;
      }
      if (touches) {
        split++;
      }
      index.insert(polygon.getEnvelopeInternal(), i);
    }
    List<PreparedGeometry> prepared =
        polygons.stream().map(p -> PreparedGeometryFactory.prepare(p.polygon())).toList();
    GeometryFactory factory = new GeometryFactory();
    int gaps = 0;
    int overlaps = 0;
    int checked = 0;
    for (S2CellId id = S2CellId.begin(level); !id.equals(S2CellId.end(level)); id = id.next()) {
      S2LatLng centre = new S2LatLng(id.toPoint());
      double lon = centre.lngDegrees();
      double lat = centre.latDegrees();
      Point point = factory.createPoint(new Coordinate(lon, lat));
      int covering = 0;
      for (Object o : index.query(new Envelope(lon, lon, lat, lat))) {
        if (prepared.get((Integer) o).covers(point)) {
          covering++;
        }
      }
      checked++;
      if (covering == 0) {
        gaps++;
        note(problems, new Problem(-1, "gap", "cell " + id.toToken() + " is uncovered", lon, lat));
      } else if (covering > 1) {
        overlaps++;
        note(
            problems,
            new Problem(
                -1,
                "overlap",
                "cell " + id.toToken() + " lies in " + covering + " polygons",
                lon,
                lat));
      }
    }
    return new Report(
        polygons.size(), invalid, jumps, split, checked, gaps, overlaps, List.copyOf(problems));
  }

  private static void note(List<Problem> problems, Problem problem) {
    if (problems.stream().filter(p -> p.kind().equals(problem.kind())).count() < MAX_LISTED) {
      problems.add(problem);
    }
  }
}
