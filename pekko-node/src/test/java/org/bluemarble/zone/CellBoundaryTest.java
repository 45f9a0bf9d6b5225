package org.bluemarble.zone;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.geometry.S2Cell;
import com.google.common.geometry.S2CellId;
import com.google.common.geometry.S2Point;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.bluemarble.spatial.GeoPosition;
import org.bluemarble.spatial.SpatialCells;
import org.bluemarble.spatial.Sphere;
import org.bluemarble.zone.internal.Vectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CellBoundaryTest {
  private static final Sphere EARTH = Sphere.EARTH;
  private static final ZoneSettings SETTINGS = ZoneSettings.defaults(EARTH);

  private static double[] unit(GeoPosition p) {
    double[] u = new double[3];
    Vectors.fromLatLng(p.latitudeDeg(), p.longitudeDeg(), u);
    return u;
  }

  /**
   * A point {@code metres} outside (positive) or inside (negative) the middle of edge {@code k}.
   */
  private static GeoPosition acrossEdge(S2CellId id, int k, double metres) {
    S2Cell cell = new S2Cell(id);
    S2Point mid = S2Point.normalize(S2Point.add(cell.getVertex(k), cell.getVertex((k + 1) % 4)));
    GeoPosition m = GeoPosition.fromUnitVector(mid, 0);
    GeoPosition centre = SpatialCells.centreOf(id);
    double inward = EARTH.initialBearingDeg(m, centre);
    return EARTH.destination(m, inward + 180.0, metres);
  }

  @ParameterizedTest(name = "edge at lat {0} lng {1}")
  @CsvSource({
    "10.0, 20.0",
    "0.0, 179.999", // antimeridian
    "0.0, 44.999", // cube-face edge between faces 0 and 1
    "89.99, 10.0", // next to the north pole
    "-35.26, -45.0" // near a cube corner
  })
  void handsOffExactlyWhenThePositionLeavesTheCell(double lat, double lng) {
    S2CellId id = SpatialCells.cellAt(GeoPosition.of(lat, lng), SETTINGS.zoneLevel());
    CellBoundary boundary = new CellBoundary(id, SETTINGS);
    for (int k = 0; k < 4; k++) {
      double[] inside = unit(acrossEdge(id, k, -0.5));
      double[] outside = unit(acrossEdge(id, k, 0.5));

      assertThat(boundary.needsHandoff(inside[0], inside[1], inside[2])).isFalse();
      assertThat(boundary.ownerOf(inside[0], inside[1], inside[2])).isEqualTo(id);
      assertThat(boundary.needsHandoff(outside[0], outside[1], outside[2])).isTrue();
      S2CellId owner = boundary.ownerOf(outside[0], outside[1], outside[2]);
      assertThat(boundary.neighbours()).contains(owner);
      assertThat(new S2Cell(owner).contains(new S2Point(outside[0], outside[1], outside[2])))
          .isTrue();
    }
  }

  @Test
  void crossingTheCubeFaceEdgeHandsToTheOtherFace() {
    S2CellId west = SpatialCells.cellAt(GeoPosition.of(0.001, 44.9999), SETTINGS.zoneLevel());
    CellBoundary boundary = new CellBoundary(west, SETTINGS);
    double[] east = unit(GeoPosition.of(0.001, 45.0001));

    assertThat(boundary.needsHandoff(east[0], east[1], east[2])).isTrue();
    assertThat(boundary.ownerOf(east[0], east[1], east[2]).face()).isNotEqualTo(west.face());
  }

  @Test
  void reportsAnEntityNearAnEdgeToTheNeighbourAcrossIt() {
    S2CellId id = SpatialCells.cellAt(GeoPosition.of(0.0, 179.999), SETTINGS.zoneLevel());
    CellBoundary boundary = new CellBoundary(id, SETTINGS);
    S2CellId[] out = new S2CellId[8];
    for (int k = 0; k < 4; k++) {
      double[] near = unit(acrossEdge(id, k, -100.0));
      double[] justOutside = unit(acrossEdge(id, k, 1.0));
      S2CellId across = boundary.ownerOf(justOutside[0], justOutside[1], justOutside[2]);

      int n = boundary.ghostTargets(near[0], near[1], near[2], out);

      assertThat(Arrays.asList(out).subList(0, n)).containsExactly(across);
    }
  }

  @Property(tries = 200)
  void ghostTargetsIncludeEveryNeighbourWithinTheAoiRadius(
      @ForAll @DoubleRange(min = -89.9, max = 89.9) double lat,
      @ForAll @DoubleRange(min = -180, max = 179.99) double lng,
      @ForAll @DoubleRange(min = 0, max = 360) double bearing,
      @ForAll @DoubleRange(min = 0, max = 600) double metres) {
    S2CellId id = SpatialCells.cellAt(GeoPosition.of(lat, lng), SETTINGS.zoneLevel());
    CellBoundary boundary = new CellBoundary(id, SETTINGS);
    GeoPosition p = EARTH.destination(SpatialCells.centreOf(id), bearing, metres);
    double[] u = unit(p);
    S2Point point = new S2Point(u[0], u[1], u[2]);
    S2CellId[] out = new S2CellId[8];

    List<S2CellId> found =
        Arrays.asList(out).subList(0, boundary.ghostTargets(u[0], u[1], u[2], out));

    for (S2CellId n : boundary.neighbours()) {
      double meters = new S2Cell(n).getDistance(point).toAngle().radians() * EARTH.radiusMeters();
      if (meters <= 249.999) {
        assertThat(found).contains(n);
      }
    }
    assertThat(boundary.neighbours()).containsAll(found);
    assertThat(found).doesNotHaveDuplicates();
  }

  @Test
  void reportsNothingForAnEntityFarFromEveryEdge() {
    S2CellId id = SpatialCells.cellAt(GeoPosition.of(48.0, 11.0), SETTINGS.zoneLevel());
    CellBoundary boundary = new CellBoundary(id, SETTINGS);
    double[] c = unit(SpatialCells.centreOf(id));

    assertThat(boundary.ghostTargets(c[0], c[1], c[2], new S2CellId[8])).isZero();
  }

  @Test
  void reportsAnEntityNearACornerToAllThreeCellsAroundIt() {
    S2CellId id = SpatialCells.cellAt(GeoPosition.of(48.0, 11.0), SETTINGS.zoneLevel());
    CellBoundary boundary = new CellBoundary(id, SETTINGS);
    GeoPosition corner = GeoPosition.fromUnitVector(new S2Cell(id).getVertex(0), 0);
    GeoPosition centre = SpatialCells.centreOf(id);
    GeoPosition near = EARTH.destination(corner, EARTH.initialBearingDeg(corner, centre), 20.0);
    double[] u = unit(near);
    S2CellId[] out = new S2CellId[8];

    int n = boundary.ghostTargets(u[0], u[1], u[2], out);

    List<S2CellId> targets = Arrays.asList(out).subList(0, n);
    assertThat(targets).hasSize(3).doesNotContain(id);
    assertThat(boundary.neighbours()).containsAll(targets);
  }
}
