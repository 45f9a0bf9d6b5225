package org.bluemarble.zone;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.geometry.S2CellId;
import com.google.common.geometry.S2LatLng;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which zone cells a Say disc touches. */
class CellSayTest {
  private static final double EARTH = 6_371_000;

  @Test
  void discAcrossTheAntimeridianTouchesCellsOnBothSides() {
    S2LatLng speaker = S2LatLng.fromDegrees(10.0, 179.99995);
    List<S2CellId> cells = CellSay.cellsWithin(speaker.toPoint(), 30 / EARTH, 13);
    S2CellId west = S2CellId.fromLatLng(S2LatLng.fromDegrees(10.0, -179.9999)).parent(13);
    S2CellId east = S2CellId.fromLatLng(speaker).parent(13);
    assertThat(cells).contains(west, east);
  }

  @Test
  void smallDiscInsideACellTouchesOnlyThatCell() {
    S2CellId cell = S2CellId.fromLatLng(S2LatLng.fromDegrees(-21.0, -27.0)).parent(13);
    S2LatLng centre = cell.toLatLng();
    assertThat(CellSay.cellsWithin(centre.toPoint(), 30 / EARTH, 13)).containsExactly(cell);
  }
}
