package org.bluemarble.zone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.common.geometry.S2CellId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.bluemarble.spatial.GeoPosition;
import org.bluemarble.spatial.SpatialCells;
import org.bluemarble.spatial.Sphere;
import org.bluemarble.zone.internal.Vectors;
import org.junit.jupiter.api.Test;

class AoiIndexTest {
  private static final Sphere EARTH = Sphere.EARTH;
  private static final ZoneSettings SETTINGS = ZoneSettings.defaults(EARTH);

  @Property(tries = 60)
  void gathersExactlyWhatBruteForceFinds(
      @ForAll @DoubleRange(min = -90, max = 90) double lat,
      @ForAll @DoubleRange(min = -180, max = 179.99) double lng,
      @ForAll @IntRange(min = 1, max = 400) int count,
      @ForAll long seed) {
    S2CellId cell = SpatialCells.cellAt(GeoPosition.of(lat, lng), SETTINGS.zoneLevel());
    GeoPosition centre = SpatialCells.centreOf(cell);
    CellPopulation population = new CellPopulation(16);
    SplittableRandom random = new SplittableRandom(seed);
    List<GeoPosition> positions = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      // Scatter over the cell and its neighbours (up to ~1.5 km from the centre).
      GeoPosition p =
          EARTH.destination(centre, random.nextDouble(360.0), random.nextDouble(1500.0));
      positions.add(p);
      population.upsert(i, EntityKind.NPC, random.nextBoolean(), p, 0, 0);
    }
    AoiIndex index = new AoiIndex(centre, SETTINGS);
    index.rebuild(population);
    AoiResult result = new AoiResult();
    double[] u = new double[3];

    for (int observer = 0; observer < Math.min(count, 25); observer++) {
      GeoPosition o = positions.get(observer);
      Vectors.fromLatLng(o.latitudeDeg(), o.longitudeDeg(), u);
      index.gather(u[0], u[1], u[2], observer, result);

      List<Long> expected = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        if (i != observer && EARTH.distanceMeters(o, positions.get(i)) <= 250.0 - 1e-6) {
          expected.add((long) i);
        }
      }
      List<Long> found = new ArrayList<>();
      for (int i = 0; i < result.size(); i++) {
        found.add(result.id(i));
        if (i > 0) {
          // AoiResult sorts at 1 mm resolution (ties keep the order found), so allow 1 mm.
          assertThat(result.distanceMeters(i))
              .isGreaterThanOrEqualTo(result.distanceMeters(i - 1) - 0.001);
        }
      }
      // Allow only entities on the radius itself (within rounding) to differ.
      assertThat(found).containsAll(expected);
      for (long id : found) {
        assertThat(EARTH.distanceMeters(o, positions.get((int) id))).isLessThan(250.0 + 1e-6);
      }
    }
  }

  @Property(tries = 40)
  void limitedGatherKeepsExactlyTheNearestOnes(
      @ForAll @IntRange(min = 1, max = 300) int count,
      @ForAll @IntRange(min = 1, max = 80) int limit,
      @ForAll long seed) {
    GeoPosition centre = GeoPosition.of(12, 34);
    CellPopulation population = new CellPopulation(16);
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < count; i++) {
      GeoPosition p = EARTH.destination(centre, random.nextDouble(360.0), random.nextDouble(300.0));
      population.upsert(i, EntityKind.NPC, false, p, 0, 0);
    }
    AoiIndex index = new AoiIndex(centre, SETTINGS);
    index.rebuild(population);
    double[] u = new double[3];
    Vectors.fromLatLng(12, 34, u);
    AoiResult all = new AoiResult();
    AoiResult nearest = new AoiResult();

    index.gather(u[0], u[1], u[2], -1, all);
    index.gather(u[0], u[1], u[2], -1, limit, nearest);

    assertThat(nearest.size()).isEqualTo(Math.min(limit, all.size()));
    for (int i = 0; i < nearest.size(); i++) {
      assertThat(nearest.distanceMeters(i)).isCloseTo(all.distanceMeters(i), within(0.002));
    }
    // Each kept entry's slot (carried through the heap and the sort) is its entity's slot, so the
    // push needs no id lookup.
    for (AoiResult r : List.of(all, nearest)) {
      int[] slots = r.slots();
      assertThat(slots).hasSize(r.size());
      for (int i = 0; i < r.size(); i++) {
        assertThat(population.id(slots[i])).isEqualTo(r.id(i));
      }
    }
  }

  @Property(tries = 40)
  void idOrderGatherKeepsTheSameNearestOnesSortedByIdWithTheirDistancesAndSlots(
      @ForAll @IntRange(min = 1, max = 300) int count,
      @ForAll @IntRange(min = 1, max = 80) int limit,
      @ForAll boolean largeIds,
      @ForAll long seed) {
    GeoPosition centre = GeoPosition.of(-21, -27);
    CellPopulation population = new CellPopulation(16);
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < count; i++) {
      GeoPosition p = EARTH.destination(centre, random.nextDouble(360.0), random.nextDouble(300.0));
      // Large ids (negative or beyond 2^39) take the sort that does not pack the index into the id.
      long id = largeIds ? random.nextLong() : random.nextLong(1L << 39);
      if (population.slotOf(id) < 0) {
        population.upsert(id, EntityKind.PLAYER, false, p, 0, 0);
      }
    }
    AoiIndex index = new AoiIndex(centre, SETTINGS);
    index.rebuild(population);
    double[] u = new double[3];
    Vectors.fromLatLng(-21, -27, u);
    AoiResult nearest = new AoiResult();
    AoiResult byId = new AoiResult();

    index.gather(u[0], u[1], u[2], -1, limit, nearest);
    index.gatherInIdOrder(u[0], u[1], u[2], -1, limit, byId);

    assertThat(byId.size()).isEqualTo(nearest.size());
    java.util.Map<Long, Double> distanceOf = new java.util.HashMap<>();
    for (int i = 0; i < nearest.size(); i++) {
      distanceOf.put(nearest.id(i), nearest.distanceMeters(i));
    }
    int[] slots = byId.slots();
    for (int i = 0; i < byId.size(); i++) {
      if (i > 0) {
        assertThat(byId.id(i)).isGreaterThan(byId.id(i - 1));
      }
      // The same entities (the limit's boundary may tie within rounding), their own distances.
      Double d = distanceOf.get(byId.id(i));
      if (d != null) {
        assertThat(byId.distanceMeters(i)).isEqualTo(d);
      } else {
        assertThat(byId.distanceMeters(i))
            .isCloseTo(nearest.distanceMeters(nearest.size() - 1), within(0.002));
      }
      assertThat(population.id(slots[i])).isEqualTo(byId.id(i));
    }
  }

  @Test
  void findsGhostsAcrossTheAntimeridian() {
    S2CellId cell = SpatialCells.cellAt(GeoPosition.of(0.0, 179.999), SETTINGS.zoneLevel());
    CellPopulation population = new CellPopulation(4);
    population.upsert(1, EntityKind.PLAYER, false, GeoPosition.of(0.0, 179.9995), 0, 0);
    population.upsert(2, EntityKind.PLAYER, true, GeoPosition.of(0.0, -179.9995), 0, 0);
    population.upsert(3, EntityKind.PLAYER, true, GeoPosition.of(0.0, -179.99), 0, 0);
    AoiIndex index = new AoiIndex(SpatialCells.centreOf(cell), SETTINGS);
    index.rebuild(population);
    AoiResult result = new AoiResult();
    int slot = population.slotOf(1);

    index.gather(population.x(slot), population.y(slot), population.z(slot), 1, result);

    assertThat(result.ids()).containsExactly(2L);
    assertThat(result.distanceMeters(0)).isBetween(111.0, 112.0);
  }
}
