package org.bluemarble.planet.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.common.geometry.R2Vector;
import com.google.common.geometry.S2Cell;
import com.google.common.geometry.S2CellId;
import com.google.common.geometry.S2LatLng;
import com.google.common.geometry.S2Point;
import com.google.common.geometry.S2Projections;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

class CellGridTest {

  private static final CellGrid GRID = CellGrid.build(6);

  @Property(tries = 2000)
  void faceAndUvMatchS2Everywhere(
      @ForAll @DoubleRange(min = -90, max = 90) double lat,
      @ForAll @DoubleRange(min = -180, max = 180) double lng) {
    S2Point p = S2LatLng.fromDegrees(lat, lng).toPoint();
    int face = CubeFace.face(p.getX(), p.getY(), p.getZ());
    assertThat(face).isEqualTo(S2Projections.xyzToFace(p));
    R2Vector uv = S2Projections.validFaceXyzToUv(face, p);
    assertThat(CubeFace.u(face, p.getX(), p.getY(), p.getZ())).isCloseTo(uv.x(), within(1e-12));
    assertThat(CubeFace.v(face, p.getX(), p.getY(), p.getZ())).isCloseTo(uv.y(), within(1e-12));
    assertThat(CubeFace.uvToSt(uv.x())).isCloseTo(S2Projections.PROJ.uvToST(uv.x()), within(1e-12));
    assertThat(CubeFace.stToUv(0.3)).isCloseTo(S2Projections.PROJ.stToUV(0.3), within(1e-12));
  }

  @Property(tries = 2000)
  void pointLookupFindsTheS2CellContainingThePoint(
      @ForAll @DoubleRange(min = -90, max = 90) double lat,
      @ForAll @DoubleRange(min = -180, max = 180) double lng) {
    S2Point p = S2LatLng.fromDegrees(lat, lng).toPoint();
    int index = GRID.indexOfPoint(p.getX(), p.getY(), p.getZ());
    assertThat(GRID.cellId(index)).isEqualTo(S2CellId.fromPoint(p).parent(6));
  }

  @Test
  void faceUvToXyzInvertsTheFaceMappingOnEveryFace() {
    double[] out = new double[3];
    for (int face = 0; face < 6; face++) {
      CubeFace.faceUvToXyz(face, 0.3, -0.6, out);
      S2Point expected = S2Projections.faceUvToXyz(face, 0.3, -0.6);
      assertThat(out).containsExactly(expected.getX(), expected.getY(), expected.getZ());
    }
  }

  @Test
  void indicesFollowCellIdOrderAndRoundTrip() {
    S2CellId id = S2CellId.begin(6);
    for (int k = 0; k < GRID.count(); k++) {
      assertThat(GRID.cellId(k)).isEqualTo(id);
      assertThat(GRID.indexOf(id)).isEqualTo(k);
      id = id.next();
    }
    assertThat(id).isEqualTo(S2CellId.end(6));
  }

  @Test
  void centresAreTheS2CellCentres() {
    for (int k = 0; k < GRID.count(); k += 97) {
      S2Point c = GRID.cellId(k).toPoint();
      assertThat(GRID.x(k)).isCloseTo(c.getX(), within(1e-6));
      assertThat(GRID.y(k)).isCloseTo(c.getY(), within(1e-6));
      assertThat(GRID.z(k)).isCloseTo(c.getZ(), within(1e-6));
    }
  }

  @Test
  void areaSharesSumToOneAndMatchExactCellAreas() {
    double sum = 0;
    for (int k = 0; k < GRID.count(); k++) {
      sum += GRID.areaShare(k);
    }
    assertThat(sum).isCloseTo(1.0, within(1e-5));
    for (int k = 0; k < GRID.count(); k += 211) {
      double exact = new S2Cell(GRID.cellId(k)).exactArea() / (4 * Math.PI);
      assertThat(GRID.areaShare(k)).isCloseTo(exact, within(exact * 0.01));
    }
  }
}
