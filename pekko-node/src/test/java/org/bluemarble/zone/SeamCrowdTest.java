package org.bluemarble.zone;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.geometry.S2CellId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.bluemarble.protocol.movement.MovementIntegrator;
import org.bluemarble.protocol.movement.MovementIntent;
import org.bluemarble.protocol.movement.MovementState;
import org.bluemarble.spatial.GeoPosition;
import org.bluemarble.spatial.Sphere;
import org.bluemarble.zone.internal.Vectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Crowds play the same at the seams of the cell grid as anywhere else. Fifty players walk at 5 m/s
 * between random points of a 485 m square (the load driver's dense scenario) for 20 simulated
 * seconds, through real cells, handoffs and ghosts ({@link CrowdWorld}), centred on each of the 8
 * cube-face corners, both poles, a cube-face edge, the antimeridian and an ordinary spot. Each
 * player predicts its own path with the reference client's {@link MovementIntegrator}. Checked at
 * every tick: no correction, each player held by exactly one cell, every ack at the predicted
 * position, and every observer's snapshot shows every player within the AOI radius at a position it
 * had at most one snapshot interval ago; at the end every input is acknowledged.
 */
class SeamCrowdTest {
  private static final Sphere EARTH = Sphere.EARTH;
  private static final ZoneSettings SETTINGS = ZoneSettings.defaults(EARTH);
  private static final Terrain LAND = TestTerrains.flat("UrbanArea");
  private static final int PLAYERS = 50;
  private static final double SIDE_M = 485.0;
  private static final double SPEED = 5.0;
  private static final int TICKS = 20 * SETTINGS.tickHz();
  private static final int INPUT_EVERY =
      (int) Math.round(MovementIntegrator.INPUT_STEP_SECONDS * SETTINGS.tickHz());
  private static final int SNAPSHOT_EVERY = SETTINGS.tickHz() / SETTINGS.snapshotHz();

  /** Latitude where three cube faces meet, atan(1/√2). */
  private static final double CORNER_LAT = Math.toDegrees(Math.atan(1 / Math.sqrt(2)));

  static Stream<Arguments> places() {
    List<Arguments> out = new ArrayList<>();
    out.add(Arguments.of("an ordinary spot", -21.0, -27.0));
    for (double lat : new double[] {CORNER_LAT, -CORNER_LAT}) {
      for (double lng : new double[] {45.0, 135.0, -135.0, -45.0}) {
        out.add(Arguments.of("a cube corner", lat, lng));
      }
    }
    out.add(Arguments.of("the north pole", 90.0, 0.0));
    out.add(Arguments.of("the south pole", -90.0, 0.0));
    out.add(Arguments.of("a cube-face edge", 0.0, 45.0));
    out.add(Arguments.of("the antimeridian", 0.0, 180.0));
    return out.stream();
  }

  @ParameterizedTest(name = "{0} ({1}, {2})")
  @MethodSource("places")
  void aCrowdPlaysAtTheSeamAsAnywhereElse(String place, double lat, double lng) {
    Crowd crowd = new Crowd(lat, lng, 7L);
    crowd.run();

    assertThat(crowd.corrections).as("corrections").isEmpty();
    assertThat(crowd.ackMisses).as("acks away from the prediction").isZero();
    assertThat(crowd.presenceFaults).as("players held by other than one cell").isEmpty();
    assertThat(crowd.unacknowledged()).as("players with unacknowledged inputs").isEmpty();
    assertThat(crowd.missing).as("players in range missing from a snapshot").isEmpty();
    assertThat(crowd.maxLagTicks)
        .as("ticks a shown position lags")
        .isLessThanOrEqualTo(SNAPSHOT_EVERY);
    assertThat(crowd.sightings).isGreaterThan(100_000);
    if (!place.equals("an ordinary spot")) {
      assertThat(crowd.world.cellCount()).as("cells under the crowd").isGreaterThan(1);
      assertThat(crowd.handoffs).as("handoffs").isGreaterThanOrEqualTo(5);
    }
  }

  /** The crowd, its world and what was observed. */
  private static final class Crowd {
    final CrowdWorld world = new CrowdWorld(SETTINGS, LAND);
    final MovementIntegrator integrator = new MovementIntegrator(EARTH.radiusMeters());
    final double[] centre = new double[3];
    final double[] north = new double[3];
    final double[] east = new double[3];
    final SplittableRandom random;
    final MovementState[] predicted = new MovementState[PLAYERS];
    final GeoPosition[] waypoint = new GeoPosition[PLAYERS];
    final long[] sent = new long[PLAYERS];
    final long[] acked = new long[PLAYERS];
    final List<Map<Long, MovementState>> afterInput = new ArrayList<>();
    final List<Map<Long, GeoPosition>> history = new ArrayList<>();
    final List<String> corrections = new ArrayList<>();
    final List<String> presenceFaults = new ArrayList<>();
    final List<String> missing = new ArrayList<>();
    int ackMisses;
    long maxLagTicks;
    long sightings;
    long handoffs;

    Crowd(double lat, double lng, long seed) {
      Vectors.fromLatLng(lat, lng, centre);
      Vectors.tangent(lat, lng, 0.0, north);
      Vectors.tangent(lat, lng, 90.0, east);
      random = new SplittableRandom(seed);
      for (int i = 0; i < PLAYERS; i++) {
        GeoPosition start = randomPoint();
        predicted[i] = new MovementState(start.latitudeDeg(), start.longitudeDeg(), 0.0, 0.0);
        waypoint[i] = randomPoint();
        afterInput.add(new HashMap<>());
        world.enter(id(i), start);
      }
    }

    static long id(int i) {
      return 1_000 + i;
    }

    GeoPosition randomPoint() {
      double u = (random.nextDouble() - 0.5) * SIDE_M / EARTH.radiusMeters();
      double v = (random.nextDouble() - 0.5) * SIDE_M / EARTH.radiusMeters();
      double[] p = new double[3];
      for (int k = 0; k < 3; k++) {
        p[k] = centre[k] + north[k] * u + east[k] * v;
      }
      double n = Math.sqrt(p[0] * p[0] + p[1] * p[1] + p[2] * p[2]);
      return Vectors.toPosition(p[0] / n, p[1] / n, p[2] / n, 0.0, 0.0);
    }

    void run() {
      // Inputs stop a second before the end, so the last ones complete and are acknowledged.
      for (int t = 1; t <= TICKS; t++) {
        if (t % INPUT_EVERY == 1 && t < TICKS - SETTINGS.tickHz()) {
          sendInputs(t >= TICKS - SETTINGS.tickHz() - INPUT_EVERY);
        }
        Map<S2CellId, TickReport> reports = world.tick();
        check(reports);
      }
    }

    void sendInputs(boolean last) {
      for (int i = 0; i < PLAYERS; i++) {
        MovementState at = predicted[i];
        while (integrator.distanceM(
                at.latDeg(), at.lngDeg(), waypoint[i].latitudeDeg(), waypoint[i].longitudeDeg())
            < 1.0) {
          waypoint[i] = randomPoint();
        }
        double heading =
            MovementIntegrator.bearingDeg(
                at.latDeg(), at.lngDeg(), waypoint[i].latitudeDeg(), waypoint[i].longitudeDeg());
        double speed = last ? 0.0 : SPEED;
        long seq = ++sent[i];
        predicted[i] = integrator.step(at, new MovementIntent.Heading(heading, speed));
        afterInput.get(i).put(seq, predicted[i]);
        assertThat(
                world.offer(
                    id(i), new MovementInput(seq, new MovementInput.Heading(heading, speed), 0L)))
            .isTrue();
      }
    }

    void check(Map<S2CellId, TickReport> reports) {
      long tick = world.now();
      Map<Long, GeoPosition> now = new HashMap<>();
      for (int i = 0; i < PLAYERS; i++) {
        List<S2CellId> holding = world.cellsHolding(id(i));
        if (holding.size() != 1) {
          presenceFaults.add("tick " + tick + " player " + i + " in " + holding);
          continue;
        }
        now.put(id(i), world.positionOf(id(i)));
      }
      history.add(now);
      for (Map.Entry<S2CellId, TickReport> e : reports.entrySet()) {
        TickReport r = e.getValue();
        handoffs += r.handoffs().size();
        for (TickReport.Correction c : r.corrections()) {
          corrections.add("tick " + tick + ": " + c);
        }
        for (TickReport.Ack a : r.acks()) {
          int i = (int) (a.playerId() - id(0));
          MovementState expected = afterInput.get(i).get(a.sequence());
          double off =
              integrator.distanceM(
                  expected.latDeg(),
                  expected.lngDeg(),
                  a.position().latitudeDeg(),
                  a.position().longitudeDeg());
          if (a.sequence() <= acked[i] || off > 0.05) {
            ackMisses++;
          }
          acked[i] = Math.max(acked[i], a.sequence());
        }
        // Ghosts need one exchange to be established after the crowd appears.
        if (tick > 2L * SNAPSHOT_EVERY) {
          checkViews(world.cellOf(e.getKey()), r, now, tick);
        }
      }
    }

    void checkViews(CellSimulation cell, TickReport r, Map<Long, GeoPosition> now, long tick) {
      CellPopulation population = cell.population();
      for (TickReport.PlayerView view : r.views()) {
        GeoPosition me = now.get(view.playerId());
        Set<Long> visible = new HashSet<>();
        for (long id : view.diff().visible()) {
          visible.add(id);
        }
        for (Map.Entry<Long, GeoPosition> other : now.entrySet()) {
          long id = other.getKey();
          if (id == view.playerId()
              || EARTH.distanceMeters(me, other.getValue()) > SETTINGS.aoiRadiusMeters() - 1.0) {
            continue;
          }
          int slot = population.slotOf(id);
          if (!visible.contains(id) || slot < 0) {
            missing.add(
                "tick "
                    + tick
                    + ": "
                    + view.playerId()
                    + " in "
                    + cell.cellId().toToken()
                    + " misses "
                    + id
                    + " in "
                    + world.cellsHolding(id).get(0).toToken()
                    + " at "
                    + Math.round(EARTH.distanceMeters(me, other.getValue()))
                    + " m"
                    + (slot < 0 ? " (unknown here)" : " (known, not gathered)"));
            continue;
          }
          sightings++;
          maxLagTicks = Math.max(maxLagTicks, lagOf(id, population.position(slot)));
        }
      }
    }

    /** How many ticks ago player {@code id} stood where it is shown (a large number if never). */
    long lagOf(long id, GeoPosition shown) {
      for (int back = 0; back < history.size() && back <= 4 * SNAPSHOT_EVERY; back++) {
        GeoPosition then = history.get(history.size() - 1 - back).get(id);
        if (then != null && EARTH.distanceMeters(then, shown) < 0.001) {
          return back;
        }
      }
      return Long.MAX_VALUE / 2;
    }

    List<Integer> unacknowledged() {
      List<Integer> out = new ArrayList<>();
      for (int i = 0; i < PLAYERS; i++) {
        if (acked[i] != sent[i]) {
          out.add(i);
        }
      }
      return out;
    }
  }
}
