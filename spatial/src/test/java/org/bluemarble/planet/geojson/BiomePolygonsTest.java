package org.bluemarble.planet.geojson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.google.common.geometry.S2CellId;
import com.google.common.geometry.S2LatLng;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.bluemarble.planet.Biome;
import org.bluemarble.planet.Planet;
import org.bluemarble.planet.TestPlanets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

class BiomePolygonsTest {

  private static Planet planet;
  private static List<BiomePolygon> polygons;

  @BeforeAll
  static void build() {
    planet = TestPlanets.earthLike(42, 6);
    polygons = BiomePolygons.build(planet, 4);
  }

  @Test
  void everyPolygonIsValidAndStaysWithinOneSideOfTheAntimeridian() {
    assertThat(polygons).isNotEmpty().hasSizeLessThan(2000);
    for (BiomePolygon p : polygons) {
      Polygon polygon = p.polygon();
      assertThat(polygon.isValid()).as("valid %s", p.biome()).isTrue();
      Coordinate[] coords = polygon.getCoordinates();
      for (int i = 0; i < coords.length; i++) {
        assertThat(coords[i].x).isBetween(-180.0, 180.0);
        assertThat(coords[i].y).isBetween(-90.0, 90.0);
        if (i > 0) {
          // An edge jumping across the date line would span more than 180° of longitude.
          assertThat(Math.abs(coords[i].x - coords[i - 1].x)).isLessThanOrEqualTo(180.0);
        }
      }
      assertThat(polygon.getEnvelopeInternal().getWidth()).isLessThanOrEqualTo(360.0);
    }
  }

  @Test
  void buildingTwiceGivesTheSameGeoJson() {
    assertThat(GeoJsonWriter.toGeoJson(BiomePolygons.build(planet, 4)))
        .isEqualTo(GeoJsonWriter.toGeoJson(polygons));
  }

  @Test
  void polygonsTileTheWholeSphere() {
    double sphereKm2 = 4 * Math.PI * Math.pow(planet.config().radiusMeters() / 1000, 2);
    double total = polygons.stream().mapToDouble(BiomePolygon::areaKm2).sum();
    assertThat(total).isCloseTo(sphereKm2, within(sphereKm2 * 0.005));
  }

  @Test
  void biomeAreasFollowTheSampleShares() {
    double sphereKm2 = 4 * Math.PI * Math.pow(planet.config().radiusMeters() / 1000, 2);
    Map<Biome, Double> area = new EnumMap<>(Biome.class);
    for (BiomePolygon p : polygons) {
      area.merge(p.biome(), p.areaKm2(), Double::sum);
    }
    double oceanShare = area.get(Biome.OCEAN) / sphereKm2;
    assertThat(oceanShare).isCloseTo(planet.stats().oceanShare(), within(0.05));
  }

  @Test
  void cellsBesideTheAntimeridianStayOnTheirOwnSide() {
    // S2 cell edges of level >= 1 run along the antimeridian, so its vertices there may come out
    // as +180 or -180; each cell must still end up whole on its own side.
    CellOutlines outlines = new CellOutlines(new GeometryFactory());
    for (double lat = -80; lat <= 80; lat += 10) {
      for (int level = 2; level <= 8; level += 3) {
        S2CellId west = S2CellId.fromLatLng(S2LatLng.fromDegrees(lat, 179.99)).parent(level);
        S2CellId east = S2CellId.fromLatLng(S2LatLng.fromDegrees(lat, -179.99)).parent(level);
        List<Polygon> w = outlines.outline(west, level);
        List<Polygon> e = outlines.outline(east, level);
        assertThat(w).hasSize(1);
        assertThat(e).hasSize(1);
        assertThat(w.get(0).getEnvelopeInternal().getMaxX()).isEqualTo(180.0);
        assertThat(w.get(0).getEnvelopeInternal().getMinX()).isGreaterThan(0.0);
        assertThat(e.get(0).getEnvelopeInternal().getMinX()).isEqualTo(-180.0);
        assertThat(e.get(0).getEnvelopeInternal().getMaxX()).isLessThan(0.0);
        assertThat(w.get(0).isValid()).isTrue();
        assertThat(e.get(0).isValid()).isTrue();
      }
    }
  }

  @Test
  void cellTouchingThePoleGetsAPolarEdge() {
    CellOutlines outlines = new CellOutlines(new GeometryFactory());
    S2CellId id = S2CellId.fromLatLng(S2LatLng.fromDegrees(89.9, 45)).parent(3);
    List<Polygon> parts = outlines.outline(id, 3);
    assertThat(parts).isNotEmpty();
    long polar = 0;
    for (Polygon p : parts) {
      assertThat(p.isValid()).isTrue();
      polar += Arrays.stream(p.getCoordinates()).filter(c -> c.y == 90.0).count();
    }
    assertThat(polar).isGreaterThanOrEqualTo(2);
  }

  @Test
  void defaultLevelFallsBackToACoarseTerrainLevel() {
    Planet coarse = TestPlanets.earthLike(42, 4);
    List<BiomePolygon> built = BiomePolygons.build(coarse);
    assertThat(GeoJsonWriter.toGeoJson(built))
        .isEqualTo(GeoJsonWriter.toGeoJson(BiomePolygons.build(coarse, 4)));
  }

  @Test
  void rejectsLevelsOutsideTwoToTheTerrainLevel() {
    assertThatThrownBy(() -> BiomePolygons.build(planet, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("polygon level 1");
    assertThatThrownBy(() -> BiomePolygons.build(planet, 7))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2..6");
  }
}
