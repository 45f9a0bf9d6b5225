package org.bluemarble.planet.geojson;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.bluemarble.planet.Biome;
import org.bluemarble.planet.TestPlanets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

class PolygonTopologyTest {
  private static List<BiomePolygon> polygons;

  @BeforeAll
  static void build() {
    polygons = BiomePolygons.build(TestPlanets.earthLike(42, 6), 4);
  }

  @Test
  void generatedPolygonsCoverTheSphereOnceAndAreSplitAtTheAntimeridian() {
    PolygonTopology.Report report = PolygonTopology.check(polygons, 4);
    assertThat(report.valid()).as(String.valueOf(report.problems())).isTrue();
    assertThat(report.cellsChecked()).isEqualTo(6 * 256);
    assertThat(report.splitAtAntimeridian()).isPositive();
    assertThat(report.problems()).isEmpty();
  }

  @Test
  void findsAGapAnOverlapAnInvalidPolygonAndAnAntimeridianJump() {
    List<BiomePolygon> broken = new ArrayList<>(polygons);
    BiomePolygon removed = broken.remove(broken.size() - 1);
    broken.add(broken.get(0));
    GeometryFactory f = new GeometryFactory();
    // A bow tie (self-intersecting) whose edge also jumps from 179 to -179.
    broken.add(
        new BiomePolygon(
            Biome.DESERT,
            f.createPolygon(
                new Coordinate[] {
                  new Coordinate(179, 10),
                  new Coordinate(-179, 12),
                  new Coordinate(-179, 10),
                  new Coordinate(179, 12),
                  new Coordinate(179, 10)
                }),
            1));

    PolygonTopology.Report report = PolygonTopology.check(broken, 4);
    assertThat(report.valid()).isFalse();
    assertThat(report.gaps()).as("cells of the removed %s", removed.biome()).isPositive();
    assertThat(report.overlaps()).isPositive();
    assertThat(report.invalidPolygons()).isEqualTo(1);
    assertThat(report.antimeridianJumps()).isGreaterThanOrEqualTo(2);
    assertThat(report.problems())
        .extracting(PolygonTopology.Problem::kind)
        .contains("gap", "overlap", "invalid_geometry", "antimeridian_jump");
  }
}
