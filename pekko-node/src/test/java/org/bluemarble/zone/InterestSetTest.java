package org.bluemarble.zone;

import static org.assertj.core.api.Assertions.assertThat;

import org.bluemarble.spatial.GeoPosition;
import org.bluemarble.spatial.Sphere;
import org.junit.jupiter.api.Test;

class InterestSetTest {
  private final ZoneSettings settings = ZoneSettings.defaults(Sphere.EARTH);
  private final GeoPosition origin = GeoPosition.of(10, 10);
  private final CellPopulation population = new CellPopulation(8);
  private final AoiIndex index = new AoiIndex(origin, settings);
  private final AoiResult result = new AoiResult();

  private void place(long id, double metresEast) {
    population.upsert(
        id, EntityKind.NPC, false, Sphere.EARTH.destination(origin, 90, metresEast), 0, 0);
  }

  private InterestSet.Diff snapshot(InterestSet set) {
    index.rebuild(population);
    int s = population.slotOf(0);
    index.gather(population.x(s), population.y(s), population.z(s), 0, result);
    return set.update(result);
  }

  @Test
  void reportsEnterAndLeaveAndTheVisibleListNearestFirst() {
    InterestSet set = new InterestSet();
    population.upsert(0, EntityKind.PLAYER, false, origin, 0, 0);
    place(1, 200);
    place(2, 50);
    place(3, 400);

    InterestSet.Diff first = snapshot(set);
    assertThat(first.entered()).containsExactly(1, 2);
    assertThat(first.left()).isEmpty();
    assertThat(first.visible()).containsExactly(2, 1);

    place(1, 300);
    place(3, 100);
    InterestSet.Diff second = snapshot(set);
    assertThat(second.entered()).containsExactly(3);
    assertThat(second.left()).containsExactly(1);
    assertThat(second.visible()).containsExactly(2, 3);
    assertThat(set.sees(3)).isTrue();
    assertThat(set.sees(1)).isFalse();

    InterestSet.Diff unchanged = snapshot(set);
    assertThat(unchanged.entered()).isEmpty();
    assertThat(unchanged.left()).isEmpty();
  }
}
