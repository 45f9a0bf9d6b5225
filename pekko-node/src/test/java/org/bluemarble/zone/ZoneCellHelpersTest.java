package org.bluemarble.zone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.geometry.S2CellId;
import java.util.List;
import org.bluemarble.spatial.GeoPosition;
import org.bluemarble.spatial.SpatialCells;
import org.bluemarble.spatial.Sphere;
import org.junit.jupiter.api.Test;

/** The plain classes around {@link ZoneCell}: ids, intents, ghost routing, tick statistics. */
class ZoneCellHelpersTest {
  private static final ZoneSettings SETTINGS = ZoneSettings.defaults(Sphere.EARTH);
  private static final S2CellId A = SpatialCells.cellAt(GeoPosition.of(1, 2), SETTINGS.zoneLevel());
  private static final S2CellId B = SpatialCells.edgeNeighbours(A).get(0);

  private static TickReport.GhostState ghost(long id, EntityKind kind) {
    return new TickReport.GhostState(id, kind, SpatialCells.centreOf(A), 0.0, 0.0);
  }

  @Test
  void parsesTokensAndDecimalIdsAtTheZoneLevelOnly() {
    assertThat(CellIds.parse(CellIds.entityId(A), SETTINGS.zoneLevel())).isEqualTo(A);
    assertThat(CellIds.parse(Long.toUnsignedString(A.id()), SETTINGS.zoneLevel())).isEqualTo(A);
    assertThatThrownBy(() -> CellIds.parse(A.parent(5).toToken(), SETTINGS.zoneLevel()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("zone level");
    assertThatThrownBy(() -> CellIds.parse(" ", SETTINGS.zoneLevel()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void playerIdsAreStableAndNonNegative() {
    String id = "6f1c1e9a-1f0b-4b55-9d1e-0c6a5b8f7e21";
    // Pinned values: every node (and every release) must map a player to the same entity id, or a
    // handoff between nodes of different versions would change it.
    assertThat(PlayerIds.simulationId(id)).isEqualTo(834_433_765_972_734_777L);
    assertThat(PlayerIds.simulationId("a")).isEqualTo(198_367_012_849_983_736L);
    assertThat(PlayerIds.simulationId(id)).isNotEqualTo(PlayerIds.simulationId(id + "x"));
    assertThatThrownBy(() -> PlayerIds.simulationId(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("playerId");
  }

  @Test
  void wireIntentsRoundTripEveryKind() {
    List<MovementInput.Intent> intents =
        List.of(
            new MovementInput.Heading(90, 3),
            new MovementInput.Target(1, 2),
            MovementInput.Stop.INSTANCE);
    for (MovementInput.Intent i : intents) {
      assertThat(WireIntent.of(i).toIntent()).isEqualTo(i);
    }
    assertThat(WireIntent.of(null)).isNull();
  }

  @Test
  void sendsPlayersAlwaysAndNpcsOnlyToInterestedNeighboursThenClearsOnce() {
    GhostRouter router = new GhostRouter(10);
    TickReport.GhostBatch npcs =
        new TickReport.GhostBatch(A, B, List.of(ghost(-5, EntityKind.NPC)));
    TickReport.GhostBatch player =
        new TickReport.GhostBatch(A, B, List.of(ghost(7, EntityKind.PLAYER)));
    TickReport.GhostBatch empty = new TickReport.GhostBatch(A, B, List.of());

    assertThat(router.select(List.of(npcs), 1)).isEmpty();
    assertThat(router.select(List.of(player), 2)).containsExactly(player);
    assertThat(router.select(List.of(empty), 3)).containsExactly(empty);
    assertThat(router.select(List.of(empty), 4)).isEmpty();

    router.received(new TickReport.GhostBatch(B, A, List.of(ghost(9, EntityKind.PLAYER))), 5);
    assertThat(router.watched(6)).isTrue();
    assertThat(router.select(List.of(npcs), 6)).containsExactly(npcs);
    assertThat(router.watched(16)).isFalse();
  }

  @Test
  void countsOverrunsAndRateLimitsTheirLogLines() {
    TickStats stats = new TickStats(1_000);

    assertThat(stats.record(500, 0)).isZero();
    assertThat(stats.record(2_000, 1)).isEqualTo(1);
    assertThat(stats.record(3_000, 2)).isZero();
    assertThat(stats.record(3_000, 2 + TickStats.LOG_EVERY_NANOS)).isEqualTo(2);

    assertThat(stats.ticks()).isEqualTo(4);
    assertThat(stats.overruns()).isEqualTo(3);
    assertThat(stats.percentile(0.5)).isEqualTo(2_000);
    assertThat(stats.percentile(0.99)).isEqualTo(3_000);
  }
}
