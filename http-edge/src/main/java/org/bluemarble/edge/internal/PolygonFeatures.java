package org.bluemarble.edge.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.bluemarble.planet.geojson.BiomePolygon;
import org.bluemarble.spatial.MapProjection;
import org.bluemarble.spatial.OutsideProjectionDomainException;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * Biome polygons as GeoJSON features, in longitude/latitude degrees or projected to metres. A
 * feature with a vertex outside the projection's domain (the far side of an orthographic view, the
 * other hemisphere of a polar stereographic one) is left out rather than drawn wrongly.
 */
public final class PolygonFeatures {
  private PolygonFeatures() {}

  /** The polygons that pass the filters, in their stable order. */
  public static List<BiomePolygon> filter(
      List<BiomePolygon> all, String biome, Envelope bbox, MapProjection projection) {
    return all.stream()
        .filter(p -> biome == null || p.biome().wireName().equals(biome))
        .filter(p -> bbox == null || bbox.intersects(p.polygon().getEnvelopeInternal()))
        .filter(p -> projection == null || visible(p.polygon(), projection))
        .toList();
  }

  public static ObjectNode feature(int id, BiomePolygon p, MapProjection projection) {
    ObjectNode f = Json.MAPPER.createObjectNode();
    f.put("type", "Feature");
    f.put("id", id);
    ObjectNode props = f.putObject("properties");
    props.put("biome", p.biome().wireName());
    props.put("color", p.biome().hexColor());
    props.put("areaKm2", Math.round(p.areaKm2() * 10) / 10.0);
    ObjectNode geometry = f.putObject("geometry");
    geometry.put("type", "Polygon");
    ArrayNode rings = geometry.putArray("coordinates");
    ring(rings.addArray(), p.polygon().getExteriorRing(), projection);
    for (int i = 0; i < p.polygon().getNumInteriorRing(); i++) {
      ring(rings.addArray(), p.polygon().getInteriorRingN(i), projection);
    }
    return f;
  }

  private static void ring(ArrayNode out, LineString ring, MapProjection projection) {
    for (Coordinate c : ring.getCoordinates()) {
      ArrayNode point = out.addArray();
      if (projection == null) {
        point.add(round(c.x, 1e6)).add(round(c.y, 1e6));
      } else {
        var xy = projection.forward(c.y, c.x);
        point.add(round(xy.x(), 100)).add(round(xy.y(), 100));
      }
    }
  }

  /**
   * Whether every vertex projects (Mercator clamps its poles and keeps them; the far side of a
   * globe does not project).
   */
  private static boolean visible(Polygon polygon, MapProjection projection) {
    try {
      for (Coordinate c : polygon.getCoordinates()) {
        projection.forward(c.y, c.x);
      }
      return true;
    } catch (OutsideProjectionDomainException e) {
      return false;
    }
  }

  private static double round(double v, double scale) {
    return Math.round(v * scale) / scale;
  }
}
