package org.bluemarble.zone;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.geometry.S2CellId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bluemarble.spatial.GeoPosition;
import org.bluemarble.spatial.SpatialCells;
import org.bluemarble.spatial.Sphere;
import org.junit.jupiter.api.Test;

class NeighbourTrafficTest {
  private static final int LEVEL = ZoneSettings.defaults(Sphere.EARTH).zoneLevel();
  private static final S2CellId OWN = SpatialCells.cellAt(GeoPosition.of(47, 8), LEVEL);
  private static final List<S2CellId> NEIGHBOURS = SpatialCells.edgeNeighbours(OWN);

  /** Records what is sent; cells in {@code local} are on this node. */
  private record Recording(Set<S2CellId> local, List<S2CellId> sent) implements CellOutbox {
    @Override
    public void toCell(S2CellId cell, ZoneCell.Command command) {
      sent.add(cell);
    }

    @Override
    public void checkpoint(String playerId, GeoPosition position) {}

    @Override
    public boolean sameNode(S2CellId cell) {
      return local.contains(cell);
    }
  }

  @Test
  void countsMessagesToNeighboursBySameOrOtherNodeAndPassesThemOn() {
    Recording out = new Recording(Set.of(NEIGHBOURS.get(0)), new ArrayList<>());
    NeighbourTraffic traffic = new NeighbourTraffic(OWN, out);
    ZoneCell.Ghosts empty = new ZoneCell.Ghosts(CellIds.entityId(OWN), List.of());

    traffic.toCell(NEIGHBOURS.get(0), empty);
    traffic.toCell(NEIGHBOURS.get(1), empty);
    traffic.toCell(NEIGHBOURS.get(2), empty);
    traffic.toCell(OWN, empty);

    assertThat(traffic.sameNode()).isEqualTo(1);
    assertThat(traffic.crossNode()).isEqualTo(2);
    assertThat(out.sent())
        .containsExactly(NEIGHBOURS.get(0), NEIGHBOURS.get(1), NEIGHBOURS.get(2), OWN);
  }

  @Test
  void withoutAClusterEveryNeighbourIsOnTheSameNode() {
    CellOutbox plain =
        new CellOutbox() {
          @Override
          public void toCell(S2CellId cell, ZoneCell.Command command) {}

          @Override
          public void checkpoint(String playerId, GeoPosition position) {}
        };
    NeighbourTraffic traffic = new NeighbourTraffic(OWN, plain);

    NEIGHBOURS.forEach(
        n -> traffic.toCell(n, new ZoneCell.Ghosts(CellIds.entityId(OWN), List.of())));

    assertThat(traffic.sameNode()).isEqualTo(NEIGHBOURS.size());
    assertThat(traffic.crossNode()).isZero();
  }
}
