package org.bluemarble.spatial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.google.common.geometry.S2Cell;
import com.google.common.geometry.S2CellId;
import com.google.common.geometry.S2Point;
import com.google.common.geometry.S2Projections;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class SpatialCellsTest {
  private static final Sphere EARTH = Sphere.EARTH;

  @Provide
  Arbitrary<S2CellId> cells() {
    return Combinators.combine(
            SeamPositions.mixed(), Arbitraries.of(0, 1, 2, 3, 5, 8, 10, 13, 17, 22, 29, 30))
        .as(SpatialCells::cellAt);
  }

  @Property
  void parentsAndChildrenAreConsistent(@ForAll("cells") S2CellId cell) {
    assertThat(cell.isValid()).isTrue();
    for (int level = 0; level <= cell.level(); level++) {
      S2CellId ancestor = SpatialCells.parent(cell, level);
      assertThat(ancestor.level()).isEqualTo(level);
      assertThat(ancestor.contains(cell)).isTrue();
    }
    if (!cell.isLeaf()) {
      List<S2CellId> children = SpatialCells.children(cell);
      assertThat(children).hasSize(4).doesNotHaveDuplicates();
      for (S2CellId child : children) {
        assertThat(child.level()).isEqualTo(cell.level() + 1);
        assertThat(SpatialCells.parent(child, cell.level())).isEqualTo(cell);
      }
    }
  }

  @Property
  void cellOfAPositionContainsItAtEveryLevel(@ForAll("positions") GeoPosition p) {
    S2CellId leaf = SpatialCells.cellAt(p, SpatialCells.MAX_LEVEL);
    for (int level : new int[] {0, 7, 13, 21}) {
      S2CellId cell = SpatialCells.cellAt(p, level);
      assertThat(cell.level()).isEqualTo(level);
      assertThat(cell.contains(leaf)).isTrue();
      double maxDiagonal = S2Projections.PROJ.maxDiag.getValue(level) * EARTH.radiusMeters();
      assertThat(EARTH.distanceMeters(p, SpatialCells.centreOf(cell))).isLessThan(maxDiagonal);
    }
  }

  @Provide
  Arbitrary<GeoPosition> positions() {
    return SeamPositions.mixed();
  }

  @Property
  void edgeNeighboursAreSymmetric(@ForAll("cells") S2CellId cell) {
    List<S2CellId> neighbours = SpatialCells.edgeNeighbours(cell);
    assertThat(neighbours).hasSize(4).doesNotHaveDuplicates().doesNotContain(cell);
    for (S2CellId n : neighbours) {
      assertThat(n.level()).isEqualTo(cell.level());
      assertThat(SpatialCells.edgeNeighbours(n)).contains(cell);
    }
  }

  @Property
  void allNeighboursAreSymmetricAndSevenOnlyAtCubeCorners(@ForAll("cells") S2CellId cell) {
    List<S2CellId> neighbours = SpatialCells.allNeighbours(cell);
    int expected = cell.level() == 0 ? 4 : touchesCubeCorner(cell) ? 7 : 8;
    assertThat(neighbours).hasSize(expected).doesNotHaveDuplicates().doesNotContain(cell);
    assertThat(neighbours).containsAll(SpatialCells.edgeNeighbours(cell));
    for (S2CellId n : neighbours) {
      assertThat(SpatialCells.allNeighbours(n)).contains(cell);
    }
  }

  private static boolean touchesCubeCorner(S2CellId id) {
    S2Cell cell = new S2Cell(id);
    for (int k = 0; k < 4; k++) {
      S2Point v = cell.getVertexRaw(k);
      double ax = Math.abs(v.getX());
      if (Math.abs(ax - Math.abs(v.getY())) < 1e-12 && Math.abs(ax - Math.abs(v.getZ())) < 1e-12) {
        return true;
      }
    }
    return false;
  }

  @Test
  void cellsEitherSideOfTheAntimeridianAreEdgeNeighbours() {
    S2CellId west = SpatialCells.cellAt(GeoPosition.of(0.001, 179.99999), 12);
    S2CellId east = SpatialCells.cellAt(GeoPosition.of(0.001, -179.99999), 12);
    assertThat(west).isNotEqualTo(east);
    assertThat(SpatialCells.edgeNeighbours(west)).contains(east);
    assertThat(SpatialCells.edgeNeighbours(east)).contains(west);
  }

  @Test
  void cellsAcrossACubeFaceEdgeAreEdgeNeighbours() {
    S2CellId face0 = SpatialCells.cellAt(GeoPosition.of(10, 44.9999), 12);
    S2CellId face1 = SpatialCells.cellAt(GeoPosition.of(10, 45.0001), 12);
    assertThat(face0.face()).isNotEqualTo(face1.face());
    assertThat(SpatialCells.edgeNeighbours(face0)).contains(face1);
    assertThat(SpatialCells.edgeNeighbours(face1)).contains(face0);
  }

  @Test
  void fourCellsAroundEachPoleAreMutualNeighbours() {
    for (double lat : new double[] {89.99999, -89.99999}) {
      List<S2CellId> around =
          List.of(
              SpatialCells.cellAt(GeoPosition.of(lat, 45), 14),
              SpatialCells.cellAt(GeoPosition.of(lat, 135), 14),
              SpatialCells.cellAt(GeoPosition.of(lat, -135), 14),
              SpatialCells.cellAt(GeoPosition.of(lat, -45), 14));
      assertThat(around).doesNotHaveDuplicates();
      for (S2CellId a : around) {
        for (S2CellId b : around) {
          if (!a.equals(b)) {
            assertThat(SpatialCells.allNeighbours(a)).contains(b);
          }
        }
      }
    }
  }

  @Test
  void cubeCornerCellHasSevenNeighbours() {
    double cornerLat = SeamPositions.CORNER_LATITUDE;
    S2CellId corner = SpatialCells.cellAt(GeoPosition.of(cornerLat - 1e-7, 45 - 1e-7), 10);
    assertThat(SpatialCells.allNeighbours(corner)).hasSize(7);
  }

  @Property
  void capCoveringContainsEveryPointWithinTheRadius(
      @ForAll("positions") GeoPosition centre,
      @ForAll("radii") double radius,
      @ForAll("bearings") double bearing,
      @ForAll("fractions") double fraction) {
    GeoPosition inside = EARTH.destination(centre, bearing, fraction * radius);
    S2CellId leaf = SpatialCells.cellAt(inside, SpatialCells.MAX_LEVEL);

    List<S2CellId> loose = SpatialCells.coverCap(centre, radius, EARTH, 8);
    assertThat(loose).anyMatch(c -> c.contains(leaf));

    int level = levelForRadius(radius);
    List<S2CellId> fixed = SpatialCells.coverCapAtLevel(centre, radius, EARTH, level);
    assertThat(fixed).allMatch(c -> c.level() == level);
    assertThat(fixed).contains(SpatialCells.cellAt(inside, level));
  }

  /** A level with cells about a tenth of the radius, so fixed coverings stay small. */
  private static int levelForRadius(double radius) {
    int level = 0;
    while (level < 30 && SpatialCells.minEdgeMeters(EARTH, level + 1) >= radius / 10) {
      level++;
    }
    return level;
  }

  @Provide
  Arbitrary<Double> radii() {
    return Arbitraries.doubles().between(1, 2_000_000).ofScale(3);
  }

  @Provide
  Arbitrary<Double> bearings() {
    return Arbitraries.doubles().between(0, 360).ofScale(6);
  }

  @Provide
  Arbitrary<Double> fractions() {
    return Arbitraries.doubles().between(0, 1).ofScale(9);
  }

  @Test
  void rectangleAcrossTheAntimeridianCoversBothSides() {
    GeoRect rect = new GeoRect(-10, 170, 10, -170);
    assertThat(rect.crossesAntimeridian()).isTrue();
    List<S2CellId> cells = SpatialCells.coverRectAtLevel(rect, 7);
    assertThat(cells).allMatch(c -> c.level() == 7);
    for (GeoPosition inside :
        List.of(
            GeoPosition.of(0, 175),
            GeoPosition.of(0, -175),
            GeoPosition.of(0, 180),
            GeoPosition.of(9.9, 170.1),
            GeoPosition.of(-9.9, -170.1))) {
      assertThat(cells).contains(SpatialCells.cellAt(inside, 7));
    }
    assertThat(cells).doesNotContain(SpatialCells.cellAt(GeoPosition.of(0, 0), 7));
    assertThat(cells).doesNotContain(SpatialCells.cellAt(GeoPosition.of(0, 160), 7));

    List<S2CellId> loose = SpatialCells.coverRect(rect, 6);
    S2CellId leaf = SpatialCells.cellAt(GeoPosition.of(0, 180), SpatialCells.MAX_LEVEL);
    assertThat(loose).anyMatch(c -> c.contains(leaf));
    S2CellId far = SpatialCells.cellAt(GeoPosition.of(0, 0), SpatialCells.MAX_LEVEL);
    assertThat(loose).noneMatch(c -> c.contains(far));
  }

  @Property
  void scanRangesCoverExactlyTheCoveringCells(
      @ForAll("positions") GeoPosition centre, @ForAll("radii") double radius) {
    List<S2CellId> cells = SpatialCells.coverCap(centre, radius, EARTH, 20);
    List<CellIdRange> ranges = SpatialCells.scanRanges(cells);

    long leavesInCells = 0;
    for (S2CellId c : cells) {
      leavesInCells += 1L << (2 * (SpatialCells.MAX_LEVEL - c.level()));
      assertThat(ranges).anyMatch(r -> r.contains(c.rangeMin().id()) && r.contains(c.id()));
      assertThat(ranges).anyMatch(r -> r.contains(c.rangeMax().id()));
    }
    long leavesInRanges = 0;
    for (int i = 0; i < ranges.size(); i++) {
      CellIdRange r = ranges.get(i);
      leavesInRanges += (r.maxId() - r.minId()) / 2 + 1;
      if (i > 0) {
        // Sorted (unsigned), disjoint, and not mergeable.
        CellIdRange previous = ranges.get(i - 1);
        assertThat(
                Long.compareUnsigned(previous.maxId() + 2, r.minId()) < 0
                    || previous.maxId() == Long.MAX_VALUE)
            .isTrue();
      }
    }
    assertThat(leavesInRanges).isEqualTo(leavesInCells);
  }

  @Property
  void aLeafIsInAScanRangeExactlyWhenACoveringCellContainsIt(
      @ForAll("positions") GeoPosition centre,
      @ForAll("radii") double radius,
      @ForAll("bearings") double bearing,
      @ForAll("fractions") double fraction) {
    List<S2CellId> cells = SpatialCells.coverCap(centre, radius, EARTH, 12);
    List<CellIdRange> ranges = SpatialCells.scanRanges(cells);
    // Probe up to twice the radius out, so that both answers occur.
    GeoPosition probe = EARTH.destination(centre, bearing, 2 * fraction * radius);
    long leaf = SpatialCells.cellAt(probe, SpatialCells.MAX_LEVEL).id();
    boolean inRanges = ranges.stream().anyMatch(r -> r.contains(leaf));
    boolean inCells = cells.stream().anyMatch(c -> c.contains(new S2CellId(leaf)));
    assertThat(inRanges).isEqualTo(inCells);
  }

  @Test
  void scanRangesOfNothingAreEmpty() {
    assertThat(SpatialCells.scanRanges(List.of())).isEmpty();
  }

  @Test
  void adjacentCellsMergeIntoOneRangeButNotAcrossTheSignBoundary() {
    S2CellId parent = SpatialCells.cellAt(GeoPosition.of(48.85, 2.35), 9);
    List<CellIdRange> merged = SpatialCells.scanRanges(SpatialCells.children(parent));
    assertThat(merged)
        .containsExactly(new CellIdRange(parent.rangeMin().id(), parent.rangeMax().id()));

    S2CellId lastOfFace3 = S2CellId.fromFace(3).child(3);
    S2CellId firstOfFace4 = S2CellId.fromFace(4).child(0);
    assertThat(lastOfFace3.rangeMax().next()).isEqualTo(firstOfFace4.rangeMin());
    List<CellIdRange> split = SpatialCells.scanRanges(List.of(firstOfFace4, lastOfFace3));
    assertThat(split).hasSize(2);
    assertThat(split.get(0).maxId()).isEqualTo(Long.MAX_VALUE);
    assertThat(split.get(1).minId()).isEqualTo(Long.MIN_VALUE + 1);
  }

  @Test
  void choosesZoneLevelThirteenForEarthAndTypicalAreasOfInterest() {
    assertThat(SpatialCells.minEdgeMeters(EARTH, 13)).isCloseTo(733.2, within(0.1));
    assertThat(SpatialCells.minEdgeMeters(EARTH, 14)).isCloseTo(366.6, within(0.1));
    assertThat(SpatialCells.zoneLevel(EARTH, 250)).isEqualTo(13);
    assertThat(SpatialCells.zoneLevel(EARTH, 300)).isEqualTo(13);
    assertThat(SpatialCells.zoneLevel(EARTH, 100)).isEqualTo(14);
    assertThat(SpatialCells.zoneLevel(EARTH, 400)).isEqualTo(12);
  }

  @Property
  void zoneLevelIsTheFinestLevelWithEdgesOfTwiceTheAoi(@ForAll("aois") double aoi) {
    int level = SpatialCells.zoneLevel(EARTH, aoi);
    assertThat(SpatialCells.minEdgeMeters(EARTH, level)).isGreaterThanOrEqualTo(2 * aoi);
    if (level < SpatialCells.MAX_LEVEL) {
      assertThat(SpatialCells.minEdgeMeters(EARTH, level + 1)).isLessThan(2 * aoi);
    }
  }

  @Provide
  Arbitrary<Double> aois() {
    return Arbitraries.doubles().between(0.001, 2_000_000).ofScale(3);
  }

  @Test
  void rejectsBadLevelsCellsAndRegions() {
    GeoPosition p = GeoPosition.of(0, 0);
    assertThatThrownBy(() -> SpatialCells.cellAt(p, 31))
        .isInstanceOf(InvalidCellException.class)
        .hasMessageContaining("level = 31");
    assertThatThrownBy(() -> SpatialCells.cellAt(p, -1)).isInstanceOf(InvalidCellException.class);
    S2CellId leaf = SpatialCells.cellAt(p, 30);
    assertThatThrownBy(() -> SpatialCells.children(leaf))
        .isInstanceOf(InvalidCellException.class)
        .hasMessageContaining("leaf");
    assertThatThrownBy(() -> SpatialCells.parent(SpatialCells.cellAt(p, 5), 6))
        .isInstanceOf(InvalidCellException.class);
    assertThatThrownBy(() -> SpatialCells.edgeNeighbours(new S2CellId(0)))
        .isInstanceOf(InvalidCellException.class);
    assertThatThrownBy(() -> SpatialCells.coverCapAtLevel(p, 5_000_000, EARTH, 20))
        .isInstanceOf(CoveringTooLargeException.class)
        .hasMessageContaining("level = 20");
    assertThatThrownBy(() -> SpatialCells.coverCap(p, -1, EARTH, 8))
        .isInstanceOf(InvalidCoordinateException.class)
        .hasMessageContaining("radiusMeters");
    assertThatThrownBy(() -> SpatialCells.coverCap(p, 10, EARTH, 0))
        .isInstanceOf(InvalidCellException.class)
        .hasMessageContaining("maxCells");
    assertThatThrownBy(() -> SpatialCells.zoneLevel(EARTH, 0))
        .isInstanceOf(InvalidCoordinateException.class);
    assertThatThrownBy(() -> SpatialCells.zoneLevel(EARTH, 1e7))
        .isInstanceOf(InvalidCoordinateException.class)
        .hasMessageContaining("aoiRadiusMeters");
    assertThatThrownBy(() -> new GeoRect(10, 0, -10, 5))
        .isInstanceOf(InvalidCoordinateException.class)
        .hasMessageContaining("southDeg");
    assertThatThrownBy(() -> new GeoRect(0, 0, 10, 181))
        .isInstanceOf(InvalidCoordinateException.class)
        .hasMessageContaining("eastDeg");
  }

  @Test
  void fullLongitudeRectangleCoversEveryMeridian() {
    List<S2CellId> cells = SpatialCells.coverRectAtLevel(new GeoRect(-1, -180, 1, 180), 4);
    for (double lon = -180; lon < 180; lon += 7.5) {
      assertThat(cells).contains(SpatialCells.cellAt(GeoPosition.of(0, lon), 4));
    }
  }
}
