package org.bluemarble.planet.geojson;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.List;
import org.bluemarble.planet.Biome;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

class GeoJsonWriterTest {

  private static final GeometryFactory F = new GeometryFactory();

  private static Polygon clockwiseSquareWithHole() {
    LinearRing shell =
        F.createLinearRing(
            new Coordinate[] {
              new Coordinate(0, 0),
              new Coordinate(0, 10),
              new Coordinate(10, 10),
              new Coordinate(10, 0),
              new Coordinate(0, 0)
            });
    LinearRing hole =
        F.createLinearRing(
            new Coordinate[] {
              new Coordinate(2, 2),
              new Coordinate(4, 2),
              new Coordinate(4, 4),
              new Coordinate(2, 4),
              new Coordinate(2, 2)
            });
    return F.createPolygon(shell, new LinearRing[] {hole});
  }

  @Test
  void writesAFeatureCollectionWithRightHandRings() {
    BiomePolygon p = new BiomePolygon(Biome.DESERT, clockwiseSquareWithHole(), 12_345_678.91);
    String json = GeoJsonWriter.toGeoJson(List.of(p));
    assertThat(json)
        .isEqualTo(
            "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":"
                + "{\"biome\":\"Desert\",\"areaKm2\":12345678.9,\"color\":\"#EECBAD\"},"
                + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":["
                // exterior counter-clockwise
                + "[[0,0],[10,0],[10,10],[0,10],[0,0]],"
                // hole clockwise
                + "[[2,2],[2,4],[4,4],[4,2],[2,2]]]}}]}");
  }

  @Test
  void streamingWriterMatchesTheStringForm() throws Exception {
    List<BiomePolygon> list =
        List.of(
            new BiomePolygon(Biome.OCEAN, clockwiseSquareWithHole(), 1),
            new BiomePolygon(Biome.ALPINE, clockwiseSquareWithHole(), 2));
    StringWriter out = new StringWriter();
    GeoJsonWriter.write(list, out);
    assertThat(out.toString()).isEqualTo(GeoJsonWriter.toGeoJson(list));
    StringWriter empty = new StringWriter();
    GeoJsonWriter.write(List.of(), empty);
    assertThat(empty.toString()).isEqualTo("{\"type\":\"FeatureCollection\",\"features\":[]}");
  }

  @Test
  void numbersArePlainDecimalsWithAtMostSixDigits() {
    assertThat(format(-179.1234567)).isEqualTo("-179.123457");
    assertThat(format(0.0000001)).isEqualTo("0");
    assertThat(format(-0.5)).isEqualTo("-0.5");
    assertThat(format(1e9)).isEqualTo("1000000000");
    assertThat(format(90)).isEqualTo("90");
  }

  private static String format(double v) {
    StringBuilder sb = new StringBuilder();
    GeoJsonWriter.appendNumber(v, sb);
    return sb.toString();
  }
}
