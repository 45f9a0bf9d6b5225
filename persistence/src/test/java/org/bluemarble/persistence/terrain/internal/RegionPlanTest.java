package org.bluemarble.persistence.terrain.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.bluemarble.persistence.terrain.TerrainSample;
import org.bluemarble.planet.PlanetSamples;
import org.bluemarble.spatial.CellIdRange;
import org.bluemarble.spatial.GeoPosition;
import org.bluemarble.spatial.SpatialCells;
import org.bluemarble.spatial.Sphere;
import org.junit.jupiter.api.Test;

class RegionPlanTest {

  @Property(tries = 300)
  void keepsExactlyTheCellsWhoseIdLiesInARangeAndScansTheirChunks(
      @ForAll @IntRange(min = 3, max = 7) int terrainLevel,
      @ForAll @DoubleRange(min = -90, max = 90) double lat,
      @ForAll @DoubleRange(min = -180, max = 180) double lng,
      @ForAll @DoubleRange(min = 10_000, max = 8_000_000) double radius,
      @ForAll @IntRange(min = 1, max = 30) int maxCells) {
    ChunkLayout layout = ChunkLayout.forTerrainLevel(terrainLevel);
    List<CellIdRange> ranges =
        SpatialCells.scanRanges(
            SpatialCells.coverCap(GeoPosition.of(lat, lng), radius, Sphere.EARTH, maxCells));
    assertPlanMatchesBruteForce(layout, ranges);
  }

  @Test
  void handlesRangesAroundTheSignBoundaryAndTheWholeIdSpace() {
    ChunkLayout layout = ChunkLayout.forTerrainLevel(6);
    long faceFourStart = layout.minLeaf(layout.firstNegativeChunk());
    long faceThreeEnd = layout.maxLeaf(layout.firstNegativeChunk() - 1);
    assertPlanMatchesBruteForce(
        layout,
        List.of(
            new CellIdRange(faceThreeEnd - (1L << 52), faceThreeEnd),
            new CellIdRange(faceFourStart, faceFourStart + (1L << 52))));
    assertPlanMatchesBruteForce(layout, List.of(new CellIdRange(Long.MIN_VALUE, Long.MAX_VALUE)));
    assertPlanMatchesBruteForce(layout, List.of(new CellIdRange(-5, 5)));
    assertPlanMatchesBruteForce(layout, List.of());
  }

  @Test
  void scansNeverCrossFromFaceThreeToFaceFour() {
    ChunkLayout layout = ChunkLayout.forTerrainLevel(9);
    RegionPlan plan =
        RegionPlan.of(layout, List.of(new CellIdRange(Long.MIN_VALUE, Long.MAX_VALUE)));
    assertThat(plan.scans()).hasSize(2);
    for (RegionPlan.LeafScan scan : plan.scans()) {
      assertThat(scan.fromMinLeaf()).isLessThanOrEqualTo(scan.toMinLeaf());
      assertThat(Long.signum(scan.fromMinLeaf())).isEqualTo(Long.signum(scan.toMinLeaf()));
    }
  }

  private static void assertPlanMatchesBruteForce(ChunkLayout layout, List<CellIdRange> ranges) {
    RegionPlan plan = RegionPlan.of(layout, ranges);
    boolean[] scanned = new boolean[layout.chunkCount()];
    for (RegionPlan.LeafScan scan : plan.scans()) {
      for (int chunk = 0; chunk < layout.chunkCount(); chunk++) {
        // What a database does with the scan's bounds (signed comparison).
        long minLeaf = layout.minLeaf(chunk);
        if (minLeaf >= scan.fromMinLeaf() && minLeaf <= scan.toMinLeaf()) {
          assertThat(scanned[chunk]).as("chunk %d scanned twice", chunk).isFalse();
          scanned[chunk] = true;
        }
      }
    }
    List<Integer> expected = new ArrayList<>();
    for (int k = 0; k < layout.cellCount(); k++) {
      long id = layout.cellId(k);
      boolean inside = ranges.stream().anyMatch(r -> r.contains(id));
      assertThat(plan.containsCell(k)).isEqualTo(inside);
      if (inside) {
        expected.add(k);
        assertThat(scanned[k / layout.cellsPerChunk()]).as("chunk of cell %d", k).isTrue();
      }
    }
    List<Integer> collected = new ArrayList<>();
    for (int chunk = 0; chunk < layout.chunkCount(); chunk++) {
      if (scanned[chunk]) {
        List<TerrainSample> out = new ArrayList<>();
        plan.collect(chunk, emptyChunk(layout), out);
        for (TerrainSample sample : out) {
          collected.add((int) (sample.cellId() >>> (61 - 2 * layout.terrainLevel())));
        }
      }
    }
    assertThat(collected).isEqualTo(expected);
  }

  private static byte[] emptyChunk(ChunkLayout layout) {
    int n = layout.cellsPerChunk();
    return ChunkCodec.encode(
        new PlanetSamples(
            new float[n], new float[n], new float[n], new byte[n], new byte[n], new boolean[0]),
        0,
        n);
  }
}
