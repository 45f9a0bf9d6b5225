package org.bluemarble.zone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.geometry.S2CellId;
import org.apache.pekko.cluster.sharding.typed.ShardingEnvelope;
import org.bluemarble.spatial.GeoPosition;
import org.bluemarble.spatial.SpatialCells;
import org.junit.jupiter.api.Test;

class CellPlacementTest {
  private static final S2CellId CELL = SpatialCells.cellAt(GeoPosition.of(-21, -27), 13);

  @Test
  void aCellsShardIsItsParentAtTheShardLevel() {
    CellPlacement placement = CellPlacement.byParent(10);

    assertThat(placement.shardOf(CELL)).isEqualTo(CELL.parent(10).toToken());
    assertThat(placement.shardOf(CellIds.entityId(CELL))).isEqualTo(CELL.parent(10).toToken());
  }

  @Test
  void mostNeighboursOfACellShareItsShardButHashedPlacementScattersThem() {
    CellPlacement byParent = CellPlacement.byParent(10);
    CellPlacement hashed = CellPlacement.hashed();
    int sameParent = 0;
    int sameHash = 0;
    int pairs = 0;
    for (S2CellId c = CELL.parent(10).childBegin(13);
        !c.equals(CELL.parent(10).childEnd(13));
        c = c.next()) {
      for (S2CellId n : SpatialCells.edgeNeighbours(c)) {
        pairs++;
        sameParent += byParent.shardOf(c).equals(byParent.shardOf(n)) ? 1 : 0;
        sameHash += hashed.shardOf(c).equals(hashed.shardOf(n)) ? 1 : 0;
      }
    }

    // 64 cells in an 8 x 8 block: 224 of 256 neighbour links stay inside it.
    assertThat(sameParent).isEqualTo(224);
    assertThat(pairs).isEqualTo(256);
    assertThat(sameHash).isLessThan(pairs / 20);
  }

  @Test
  void theExtractorUnwrapsEnvelopesAndNamesTheShard() {
    CellPlacement placement = CellPlacement.byDefault(13);
    ZoneCell.Command cmd = new ZoneCell.Ghosts(CellIds.entityId(CELL), java.util.List.of());
    ShardingEnvelope<ZoneCell.Command> envelope =
        new ShardingEnvelope<>(CellIds.entityId(CELL), cmd);

    assertThat(placement.extractor().entityId(envelope)).isEqualTo(CellIds.entityId(CELL));
    assertThat(placement.extractor().unwrapMessage(envelope)).isSameAs(cmd);
    assertThat(placement.extractor().shardId(CellIds.entityId(CELL)))
        .isEqualTo(CELL.parent(CellPlacement.DEFAULT_LEVEL).toToken());
  }

  @Test
  void aPlanetWithCoarseZoneCellsShardsEachCellAlone() {
    S2CellId coarse = CELL.parent(4);

    assertThat(CellPlacement.byDefault(4).shardOf(coarse)).isEqualTo(coarse.toToken());
    assertThatThrownBy(() -> CellPlacement.byParent(31))
        .isInstanceOf(InvalidZoneSettingsException.class)
        .hasMessageContaining("shardLevel");
  }
}
