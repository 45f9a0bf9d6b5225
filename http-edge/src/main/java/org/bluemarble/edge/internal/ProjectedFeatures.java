package org.bluemarble.edge.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.bluemarble.planet.geojson.BiomePolygon;
import org.bluemarble.spatial.MapProjection;
import org.bluemarble.spatial.OutsideProjectionDomainException;
import org.bluemarble.spatial.PlanarPoint;
import org.bluemarble.spatial.Tissot;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;

/**
 * {@code POST /v1/planet/{id}/projection/{name}}: the biome polygons projected to metres,
 * optionally simplified, each with Tissot's indicatrix at its interior point, and a summary of the
 * distortion over all features. Features the projection cannot draw whole are left out and counted:
 * those with a vertex outside its domain, and, with a central meridian other than 0, those
 * straddling the new map edge (features are split at ±180 only).
 */
public final class ProjectedFeatures {
  private ProjectedFeatures() {}

  /** Builds the answer's body. */
  public static ObjectNode collection(
      String planetId,
      List<BiomePolygon> all,
      MapProjection projection,
      double simplification,
      boolean distortion) {
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.put("type", "FeatureCollection");
    body.put("projectionName", projection.name());
    body.putObject("parameters").put("centralMeridian", projection.centralMeridianDeg());
    ArrayNode features = body.putArray("features");
    Envelope bounds = new Envelope();
    double seam = normalise(projection.centralMeridianDeg() + 180);
    int omitted = 0;
    double maxArea = 0;
    double minArea = Double.MAX_VALUE;
    double maxAngle = 0;
    double sumArea = 0;
    double sumAngle = 0;
    double sumWeights = 0;
    for (int i = 0; i < all.size(); i++) {
      BiomePolygon p = all.get(i);
      Envelope env = p.polygon().getEnvelopeInternal();
      if (projection.centralMeridianDeg() != 0 && env.getMinX() < seam && env.getMaxX() > seam) {
        omitted++;
        continue;
      }
      Geometry projected;
      try {
        projected = project(p.polygon(), projection);
      } catch (OutsideProjectionDomainException e) {
        omitted++;
        continue;
      }
      if (simplification > 0) {
        projected = TopologyPreservingSimplifier.simplify(projected, simplification);
      }
      if (!(projected instanceof Polygon polygon) || polygon.isEmpty()) {
        omitted++;
        continue;
      }
      bounds.expandToInclude(polygon.getEnvelopeInternal());
      ObjectNode f = features.addObject();
      f.put("type", "Feature");
      f.put("id", i);
      ObjectNode props = f.putObject("properties");
      props.put("biome", p.biome().wireName());
      props.put("color", p.biome().hexColor());
      props.put("areaKm2", Math.round(p.areaKm2() * 10) / 10.0);
      if (distortion) {
        Point inside = p.polygon().getInteriorPoint();
        try {
          Tissot t = Tissot.at(projection, inside.getY(), inside.getX());
          ObjectNode d = props.putObject("distortion");
          d.put("sampledAtLon", round(inside.getX(), 1e6));
          d.put("sampledAtLat", round(inside.getY(), 1e6));
          d.put("h", round(t.h(), 1e6));
          d.put("k", round(t.k(), 1e6));
          d.put("a", round(t.a(), 1e6));
          d.put("b", round(t.b(), 1e6));
          d.put("areaScale", round(t.areaScale(), 1e6));
          d.put("maxAngularDistortionDeg", round(t.maxAngularDistortionDeg(), 1e4));
          maxArea = Math.max(maxArea, t.areaScale());
          minArea = Math.min(minArea, t.areaScale());
          maxAngle = Math.max(maxAngle, t.maxAngularDistortionDeg());
          sumArea += t.areaScale() * p.areaKm2();
          sumAngle += t.maxAngularDistortionDeg() * p.areaKm2();
          sumWeights += p.areaKm2();
        } catch (OutsideProjectionDomainException e) {
          props.putNull("distortion");
        }
      }
      ObjectNode geometry = f.putObject("geometry");
      geometry.put("type", "Polygon");
      ArrayNode rings = geometry.putArray("coordinates");
      ring(rings.addArray(), polygon.getExteriorRing());
      for (int r = 0; r < polygon.getNumInteriorRing(); r++) {
        ring(rings.addArray(), polygon.getInteriorRingN(r));
      }
    }
    if (distortion && sumWeights > 0) {
      ObjectNode analysis = body.putObject("distortionAnalysis");
      analysis.put(
          "method", "Tissot indicatrix at each feature's interior point; means weighted by area");
      analysis.put("maxAreaScale", round(maxArea, 1e6));
      analysis.put("minAreaScale", round(minArea, 1e6));
      analysis.put("meanAreaScale", round(sumArea / sumWeights, 1e6));
      analysis.put("maxAngularDistortionDeg", round(maxAngle, 1e4));
      analysis.put("meanAngularDistortionDeg", round(sumAngle / sumWeights, 1e4));
    }
    ObjectNode meta = body.putObject("metadata");
    meta.put("planetId", planetId);
    meta.put("totalFeatures", features.size());
    meta.put("omittedFeatures", omitted);
    meta.put("simplificationTolerance", simplification);
    meta.set("properties", Json.MAPPER.valueToTree(projection.properties()));
    if (!bounds.isNull()) {
      ObjectNode b = meta.putObject("bounds");
      b.put("minX", round(bounds.getMinX(), 100));
      b.put("minY", round(bounds.getMinY(), 100));
      b.put("maxX", round(bounds.getMaxX(), 100));
      b.put("maxY", round(bounds.getMaxY(), 100));
    }
    return body;
  }

  private static Geometry project(Polygon polygon, MapProjection projection) {
    Geometry copy = polygon.copy();
    copy.apply(
        new CoordinateSequenceFilter() {
          @Override
          public void filter(CoordinateSequence seq, int i) {
            PlanarPoint xy = projection.forward(seq.getY(i), seq.getX(i));
            seq.setOrdinate(i, 0, xy.x());
            seq.setOrdinate(i, 1, xy.y());
          }

          @Override
          public boolean isDone() {
            return false;
          }

          @Override
          public boolean isGeometryChanged() {
            return true;
          }
        });
    return copy;
  }

  private static void ring(ArrayNode out, LineString ring) {
    for (Coordinate c : ring.getCoordinates()) {
      out.addArray().add(round(c.x, 100)).add(round(c.y, 100));
    }
  }

  private static double normalise(double lon) {
    double l = ((lon + 180) % 360 + 360) % 360 - 180;
    return l == -180 ? 180 : l;
  }

  private static double round(double v, double scale) {
    return Math.round(v * scale) / scale;
  }
}
