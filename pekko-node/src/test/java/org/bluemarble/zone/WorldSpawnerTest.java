package org.bluemarble.zone;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.geometry.S2CellId;
import java.util.List;
import org.bluemarble.spatial.GeoPosition;
import org.bluemarble.spatial.SpatialCells;
import org.bluemarble.spatial.Sphere;
import org.junit.jupiter.api.Test;

class WorldSpawnerTest {
  private static final ZoneSettings SETTINGS = ZoneSettings.defaults(Sphere.EARTH);
  private final S2CellId cell = SpatialCells.cellAt(GeoPosition.of(-20, 30), SETTINGS.zoneLevel());
  private final S2CellId other = SpatialCells.cellAt(GeoPosition.of(-21, 30), SETTINGS.zoneLevel());
  private final WorldSpawner forest =
      new WorldSpawner(42L, TestTerrains.flat("TemperateForest"), SETTINGS);

  @Test
  void sameSeedAndCellGiveTheSameCreaturesAndResources() {
    WorldSpawner again = new WorldSpawner(42L, TestTerrains.flat("TemperateForest"), SETTINGS);

    assertThat(again.creatures(cell)).isEqualTo(forest.creatures(cell)).isNotEmpty();
    assertThat(again.resources(cell)).isEqualTo(forest.resources(cell)).isNotEmpty();
  }

  @Test
  void differentCellsAndSeedsGiveDifferentSpawns() {
    WorldSpawner otherSeed = new WorldSpawner(43L, TestTerrains.flat("TemperateForest"), SETTINGS);

    assertThat(forest.creatures(other)).isNotEqualTo(forest.creatures(cell));
    assertThat(forest.resources(other)).isNotEqualTo(forest.resources(cell));
    assertThat(otherSeed.creatures(cell)).isNotEqualTo(forest.creatures(cell));
  }

  @Test
  void spawnsInsideTheCellWithKindsOfItsBiome() {
    List<NpcSpawn> creatures = forest.creatures(cell);
    for (NpcSpawn s : creatures) {
      assertThat(SpatialCells.cellAt(s.home(), SETTINGS.zoneLevel())).isEqualTo(cell);
      assertThat(s.kind())
          .isIn(CreatureKind.DEER, CreatureKind.BOAR, CreatureKind.FOX, CreatureKind.WOLF);
      assertThat(EntityIds.isNpc(s.id())).isTrue();
    }
    for (ResourceSpawn r : forest.resources(cell)) {
      assertThat(r.kind()).isIn(ResourceKind.TIMBER, ResourceKind.BERRIES, ResourceKind.HERBS);
      assertThat(EntityIds.isResourceNode(r.id())).isTrue();
    }
  }

  @Test
  void spawnsNothingOnDeepOcean() {
    WorldSpawner halfOcean = new WorldSpawner(7L, TestTerrains.oceanNorth(), SETTINGS);
    S2CellId wet = SpatialCells.cellAt(GeoPosition.of(10, 10), SETTINGS.zoneLevel());
    S2CellId dry = SpatialCells.cellAt(GeoPosition.of(-10, 10), SETTINGS.zoneLevel());

    assertThat(halfOcean.creatures(wet)).isEmpty();
    assertThat(halfOcean.resources(wet)).isEmpty();
    assertThat(halfOcean.creatures(dry)).isNotEmpty();
  }
}
