package org.bluemarble.zone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
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
  void reportsEnterAndLeaveAndTheVisibleListInTheResultsOrder() {
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

  /**
   * Against a plain set model, for AOI results in id order (the snapshot path: a merge) and nearest
   * first (a sort first): entered and left are exactly the set differences, ascending; the visible
   * list is the result's own order; sees() answers for the last update; clear() starts over.
   */
  @Property(tries = 200)
  void entersAndLeavesAreTheSetDifferencesInEitherOrder(@ForAll long seed, @ForAll boolean byId) {
    SplittableRandom random = new SplittableRandom(seed);
    InterestSet set = new InterestSet();
    TreeSet<Long> model = new TreeSet<>();
    AoiResult result = new AoiResult();
    for (int update = 0; update < 30; update++) {
      if (random.nextInt(15) == 0) {
        set.clear();
        model.clear();
      }
      TreeSet<Long> now = new TreeSet<>();
      int size = random.nextInt(60);
      while (now.size() < size) {
        now.add(random.nextLong(-40, 80));
      }
      result.begin(Integer.MAX_VALUE);
      for (long id : now) {
        result.offer(id, random.nextDouble(1e-9), -1);
      }
      if (byId) {
        result.finishInIdOrder(6_371_000);
      } else {
        result.finish(6_371_000);
      }

      InterestSet.Diff diff = set.update(result);

      TreeSet<Long> entered = new TreeSet<>(now);
      entered.removeAll(model);
      TreeSet<Long> left = new TreeSet<>(model);
      left.removeAll(now);
      assertThat(diff.entered()).containsExactly(toArray(entered));
      assertThat(diff.left()).containsExactly(toArray(left));
      assertThat(diff.visible()).containsExactly(result.ids());
      for (long id = -41; id <= 81; id++) {
        assertThat(set.sees(id)).as("sees %d", id).isEqualTo(now.contains(id));
      }
      model = now;
    }
  }

  private static long[] toArray(TreeSet<Long> ids) {
    List<Long> list = new ArrayList<>(ids);
    long[] out = new long[list.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = list.get(i);
    }
    return out;
  }
}
