package org.bluemarble.persistence.terrain.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.geometry.S2CellId;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ChunkLayoutTest {

  @Property
  void cellIdsAndChunkRangesAgreeWithS2(
      @ForAll @IntRange(min = 3, max = 10) int terrainLevel,
      @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE - 1) int anyIndex) {
    ChunkLayout layout = ChunkLayout.forTerrainLevel(terrainLevel);
    int index = anyIndex % layout.cellCount();
    S2CellId fromS2 = S2CellId.begin(terrainLevel).advance(index);

    assertThat(layout.cellId(index)).isEqualTo(fromS2.id());

    int chunk = index / layout.cellsPerChunk();
    S2CellId parent = fromS2.parent(layout.chunkLevel());
    assertThat(layout.chunkOf(layout.cellId(index))).isEqualTo(chunk);
    assertThat(layout.parentId(chunk)).isEqualTo(parent.id());
    assertThat(layout.minLeaf(chunk)).isEqualTo(parent.rangeMin().id());
    assertThat(layout.maxLeaf(chunk)).isEqualTo(parent.rangeMax().id());
    assertThat(layout.firstCell(chunk)).isLessThanOrEqualTo(index);
    assertThat(index).isLessThan(layout.firstCell(chunk) + layout.cellsPerChunk());
  }

  @Test
  void levelNineHas6144ChunksOf256Cells() {
    ChunkLayout layout = ChunkLayout.forTerrainLevel(9);
    assertThat(layout.cellCount()).isEqualTo(1_572_864);
    assertThat(layout.chunkCount()).isEqualTo(6_144);
    assertThat(layout.cellsPerChunk()).isEqualTo(256);
    assertThat(layout.minLeaf(layout.firstNegativeChunk())).isNegative();
    assertThat(layout.maxLeaf(layout.firstNegativeChunk() - 1)).isPositive();
  }

  @Test
  void coarseTerrainUsesTheTerrainLevelForChunks() {
    assertThat(ChunkLayout.forTerrainLevel(3).chunkLevel()).isEqualTo(3);
    assertThat(ChunkLayout.forTerrainLevel(3).cellsPerChunk()).isEqualTo(1);
    assertThatThrownBy(() -> new ChunkLayout(4, 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("chunkLevel = 5");
  }
}
