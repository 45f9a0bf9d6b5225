package org.bluemarble.zone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.common.geometry.S2CellId;
import java.util.ArrayList;
import java.util.List;
import org.bluemarble.player.CharacterClass;
import org.bluemarble.spatial.GeoPosition;
import org.bluemarble.spatial.SpatialCells;
import org.bluemarble.spatial.Sphere;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CellSimulationTest {
  private static final ZoneSettings SETTINGS = ZoneSettings.defaults(Sphere.EARTH);
  private static final long NOW = 1_700_000_000_000_000_000L;
  private static final Terrain LAND = TestTerrains.flat("Grassland");

  private static CellSimulation cellAt(GeoPosition p) {
    return new CellSimulation(SpatialCells.cellAt(p, SETTINGS.zoneLevel()), SETTINGS, LAND, 42L);
  }

  @Test
  void correctsASpeedHackAndAcknowledgesTheInput() {
    GeoPosition start = SpatialCells.centreOf(SpatialCells.cellAt(GeoPosition.of(5, 5), 13));
    CellSimulation sim = cellAt(start);
    sim.enter(1L, CharacterClass.WARRIOR, start, 0L, null);

    sim.offer(1L, new MovementInput(1, new MovementInput.Heading(90, 1000), 0));
    List<TickReport> reports = ticks(sim, inputTicks());

    // The correction, sent when the input's period is over, is its acknowledgement too.
    assertThat(reports.stream().flatMap(r -> r.acks().stream())).isEmpty();
    List<TickReport.Correction> corrections =
        reports.stream().flatMap(r -> r.corrections().stream()).toList();
    assertThat(corrections).hasSize(1);
    TickReport.Correction c = corrections.get(0);
    assertThat(c.reason()).isEqualTo("CLAMPED");
    assertThat(c.ackSequence()).isEqualTo(1);
    assertThat(c.headingDeg()).isCloseTo(90.0, within(0.01));
    // One input period at the warrior's 6 m/s, not at the 1,000 m/s asked for.
    assertThat(Sphere.EARTH.distanceMeters(start, c.position())).isCloseTo(0.6, within(1e-6));
  }

  @Test
  void rejectsNanInputAndKeepsRunning() {
    GeoPosition start = SpatialCells.centreOf(SpatialCells.cellAt(GeoPosition.of(5, 5), 13));
    CellSimulation sim = cellAt(start);
    sim.enter(1L, CharacterClass.WARRIOR, start, 0L, null);

    sim.offer(1L, new MovementInput(1, new MovementInput.Heading(Double.NaN, 3), 0));
    List<TickReport> bad = ticks(sim, inputTicks());
    sim.offer(1L, new MovementInput(2, new MovementInput.Heading(0, 3), 0));
    List<TickReport> good = ticks(sim, 2 * inputTicks());

    assertThat(bad.stream().flatMap(r -> r.corrections().stream()))
        .extracting(TickReport.Correction::reason)
        .containsExactly("REJECTED");
    assertThat(good.stream().flatMap(r -> r.corrections().stream())).isEmpty();
    assertThat(good.stream().flatMap(r -> r.acks().stream()))
        .extracting(TickReport.Ack::sequence)
        .containsExactly(2L);
    assertThat(sim.positionOf(1L).latitudeDeg()).isGreaterThan(start.latitudeDeg());
  }

  @Test
  void anInputArrivingWhileItsPredecessorRunsShowsItsHeadingAtTheEndOfTheNextTick() {
    GeoPosition start = SpatialCells.centreOf(SpatialCells.cellAt(GeoPosition.of(5, 5), 13));
    CellSimulation sim = cellAt(start);
    sim.enter(1L, CharacterClass.WARRIOR, start, 0L, null);
    sim.offer(1L, new MovementInput(1, new MovementInput.Heading(90, 3), 0));
    ticks(sim, 2);
    assertThat(headingOf(sim, 1L)).isCloseTo(90.0, within(0.01));

    sim.offer(1L, new MovementInput(2, new MovementInput.Heading(0, 3), 0));
    ticks(sim, 1);

    // Input 1 was finished at once (the lead) and input 2 took over in the same tick.
    assertThat(headingOf(sim, 1L)).isCloseTo(0.0, within(0.01));
  }

  @Test
  void anInputWaitingWhenItsPredecessorEndsWithATickShowsInThatTick() {
    GeoPosition start = SpatialCells.centreOf(SpatialCells.cellAt(GeoPosition.of(5, 5), 13));
    CellSimulation sim = cellAt(start);
    sim.enter(1L, CharacterClass.WARRIOR, start, 0L, null);
    sim.offer(1L, new MovementInput(1, new MovementInput.Heading(90, 3), 0));
    sim.offer(1L, new MovementInput(2, new MovementInput.Heading(90, 3), 0));
    sim.offer(1L, new MovementInput(3, new MovementInput.Heading(0, 3), 0));
    sim.offer(1L, new MovementInput(4, MovementInput.Stop.INSTANCE, 0));
    // Inputs 1 and 2 are each finished early (together one input period of lead), so input 3
    // starts at the end of the tick that completes input 2 and runs exactly six ticks from there.
    int period = inputTicks();
    ticks(sim, 1 + (period - 1) + (period - 1));
    assertThat(headingOf(sim, 1L)).isCloseTo(0.0, within(0.01));
    assertThat(speedOf(sim, 1L)).isPositive();

    ticks(sim, 1);

    // Input 3 completed with this tick (the lead is used up, so nothing is finished early) and the
    // waiting stop is in force in the same tick, not from the next one.
    assertThat(speedOf(sim, 1L)).isZero();
  }

  private static double headingOf(CellSimulation sim, long playerId) {
    CellPopulation population = sim.population();
    return population.headingDeg(population.slotOf(playerId));
  }

  private static double speedOf(CellSimulation sim, long playerId) {
    CellPopulation population = sim.population();
    return population.speedMps(population.slotOf(playerId));
  }

  @Test
  void refusesInputFloods() {
    GeoPosition start = SpatialCells.centreOf(SpatialCells.cellAt(GeoPosition.of(5, 5), 13));
    CellSimulation sim = cellAt(start);
    sim.enter(1L, CharacterClass.WARRIOR, start, 0L, null);

    for (int i = 1; i <= CellSimulation.MAX_QUEUED_INPUTS; i++) {
      assertThat(sim.offer(1L, new MovementInput(i, MovementInput.Stop.INSTANCE, 0))).isTrue();
    }

    assertThat(sim.offer(1L, new MovementInput(99, MovementInput.Stop.INSTANCE, 0))).isFalse();
    assertThat(sim.offer(2L, new MovementInput(1, MovementInput.Stop.INSTANCE, 0))).isFalse();
  }

  @Test
  void sameSeedAndInputsReplayCreaturesIdentically() {
    GeoPosition start = SpatialCells.centreOf(SpatialCells.cellAt(GeoPosition.of(47, 8), 13));
    CellSimulation a = cellAt(start);
    CellSimulation b = cellAt(start);
    a.enter(1L, CharacterClass.RANGER, start, 0L, new MovementInput.Heading(45, 2));
    b.enter(1L, CharacterClass.RANGER, start, 0L, new MovementInput.Heading(45, 2));

    for (int i = 0; i < 600; i++) {
      a.tick(NOW);
      b.tick(NOW);
    }

    assertThat(a.creatureCount()).isPositive();
    List<GeoPosition> pa = a.creatures().stream().map(Creature::position).toList();
    List<GeoPosition> pb = b.creatures().stream().map(Creature::position).toList();
    assertThat(pa).isEqualTo(pb);
    GeoPosition home = new WorldSpawner(42L, LAND, SETTINGS).creatures(a.cellId()).get(0).home();
    assertThat(pa).anySatisfy(p -> assertThat(p).isNotEqualTo(home));
  }

  @Test
  void creaturesWalkOnTheGroundNotAtSeaLevel() {
    Terrain highland =
        new Terrain() {
          @Override
          public double elevationMeters(double latitudeDeg, double longitudeDeg) {
            return 2_036.0;
          }

          @Override
          public String biome(double latitudeDeg, double longitudeDeg) {
            return "Grassland";
          }
        };
    GeoPosition start = SpatialCells.centreOf(SpatialCells.cellAt(GeoPosition.of(47, 8), 13));
    CellSimulation sim =
        new CellSimulation(
            SpatialCells.cellAt(start, SETTINGS.zoneLevel()), SETTINGS, highland, 42L);

    for (int i = 0; i < 120; i++) {
      sim.tick(NOW);
    }

    assertThat(sim.creatureCount()).isPositive();
    CellPopulation population = sim.population();
    for (Creature c : sim.creatures()) {
      int slot = population.slotOf(c.id());
      assertThat(population.altitudeMeters(slot)).isCloseTo(2_036.0, within(1e-9));
      assertThat(c.position().altitudeMeters()).isCloseTo(2_036.0, within(1e-9));
    }
  }

  @Test
  void checkpointsEachPlayerAtTheConfiguredInterval() {
    GeoPosition start = SpatialCells.centreOf(SpatialCells.cellAt(GeoPosition.of(5, 5), 13));
    CellSimulation sim = cellAt(start);
    sim.enter(1L, CharacterClass.WARRIOR, start, 0L, null);
    int checkpoints = 0;

    for (int i = 0; i < 60 * 25; i++) {
      checkpoints += sim.tick(NOW).checkpoints().size();
    }

    assertThat(checkpoints).isEqualTo(2);
  }

  @ParameterizedTest(name = "across the boundary at lat {0} lng {1} / lng {2}")
  @CsvSource({
    "0.0, 179.9995, -179.9995", // antimeridian
    "0.001, 44.9995, 45.0005", // cube-face edge
  })
  void playersOnEitherSideOfABoundarySeeEachOtherWithinOneSnapshot(
      double lat, double lngA, double lngB) {
    GeoPosition a = GeoPosition.of(lat, lngA);
    GeoPosition b = GeoPosition.of(lat, lngB);
    CellSimulation left = cellAt(a);
    CellSimulation right = cellAt(b);
    assertThat(left.cellId()).isNotEqualTo(right.cellId());
    left.enter(1L, CharacterClass.WARRIOR, a, 0L, null);
    right.enter(2L, CharacterClass.WARRIOR, b, 0L, null);

    // Run until both cells have exchanged one round of ghost batches, then one snapshot interval.
    int interval = SETTINGS.tickHz() / SETTINGS.snapshotHz();
    long exchangedAt = -1;
    long[] seenByLeft = null;
    long[] seenByRight = null;
    for (long t = 1; exchangedAt < 0 || t <= exchangedAt + interval; t++) {
      TickReport l = left.tick(NOW);
      TickReport r = right.tick(NOW);
      if (l.hasGhostBatches() && exchangedAt < 0) {
        exchange(l, right);
        exchange(r, left);
        exchangedAt = t;
        continue;
      }
      if (exchangedAt > 0) {
        for (TickReport.PlayerView v : l.views()) {
          seenByLeft = v.diff().visible();
        }
        for (TickReport.PlayerView v : r.views()) {
          seenByRight = v.diff().visible();
        }
      }
    }

    assertThat(seenByLeft).contains(2L);
    assertThat(seenByRight).contains(1L);
  }

  @Test
  void aPlayerNearTheBoundaryGoesToTheNeighbourAsAGhostEveryTick() {
    GeoPosition a = GeoPosition.of(0.001, 44.9995);
    CellSimulation left = cellAt(a);
    S2CellId right = cellAt(GeoPosition.of(0.001, 45.0005)).cellId();
    left.enter(1L, CharacterClass.WARRIOR, a, 0L, null);
    int interval = SETTINGS.tickHz() / SETTINGS.snapshotHz();
    // Every tick of two snapshot intervals, so the neighbour's observers, whose snapshots are
    // staggered over the ticks, see it as fresh as the entities of their own cell.
    for (int t = 0; t < 2 * interval; t++) {
      TickReport report = left.tick(NOW);
      assertThat(report.ghosts())
          .filteredOn(b -> b.toCell().equals(right))
          .singleElement()
          .satisfies(b -> assertThat(b.entities()).extracting(g -> g.id()).contains(1L));
    }
  }

  /** Ticks one input period takes. */
  private static int inputTicks() {
    return (int) Math.round(PlayerSlot.INPUT_SECONDS * SETTINGS.tickHz());
  }

  private static List<TickReport> ticks(CellSimulation sim, int n) {
    List<TickReport> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(sim.tick(NOW));
    }
    return out;
  }

  private static void exchange(TickReport from, CellSimulation to) {
    S2CellId target = to.cellId();
    from.ghosts().stream().filter(g -> g.toCell().equals(target)).forEach(to::applyGhosts);
  }
}
