package org.bluemarble.zone;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.geometry.S2CellId;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.bluemarble.player.CharacterClass;
import org.bluemarble.spatial.GeoPosition;
import org.bluemarble.spatial.Sphere;
import org.bluemarble.zone.internal.Vectors;
import org.junit.jupiter.api.Test;

/**
 * One player walks a great circle once around a small planet (radius 1,000 km, zone cells of ~30-40
 * km, AOI 10 km) at 100 m/s, 175 m past each pole and across the antimeridian at 45° N, through
 * real cells, handoffs and ghosts ({@link CrowdWorld}); 60 players stand along the way: around both
 * poles, on both sides of the antimeridian crossing and every ~300 km elsewhere. At every tick the
 * walker is held by exactly one cell and nobody is corrected, and every observer within the AOI
 * radius sees the walker in each of its snapshots at a position it had at most one snapshot
 * interval before (two ticks here).
 */
class PoleToPoleCrowdWalkTest {
  private static final Sphere SMALL = new Sphere(1_000_000.0);
  private static final double SPEED = 100.0;
  private static final double AOI = 10_000.0;
  private static final ZoneSettings SETTINGS = settings();
  private static final long WALKER = 1L;
  private static final int SNAPSHOT_EVERY = SETTINGS.tickHz() / SETTINGS.snapshotHz();
  private static final double STEP = SPEED / SETTINGS.tickHz();

  private static ZoneSettings settings() {
    Map<CharacterClass, Double> speeds = new EnumMap<>(CharacterClass.class);
    for (CharacterClass c : CharacterClass.values()) {
      speeds.put(c, SPEED);
    }
    // Two ticks per snapshot (the node runs three): 50 m per tick.
    return new ZoneSettings(SMALL, 5, 2, 1, AOI, speeds, 45, -2, Duration.ofSeconds(10));
  }

  /** A point {@code metres} along the walker's great circle from its start. */
  private static double[] along(double[] p0, double[] t0, double metres) {
    double a = metres / SMALL.radiusMeters();
    return new double[] {
      p0[0] * Math.cos(a) + t0[0] * Math.sin(a),
      p0[1] * Math.cos(a) + t0[1] * Math.sin(a),
      p0[2] * Math.cos(a) + t0[2] * Math.sin(a)
    };
  }

  /** {@code metres} off the circle at p (along the normal n), normalised. */
  private static GeoPosition beside(double[] p, double[] n, double metres) {
    double o = metres / SMALL.radiusMeters();
    double x = p[0] + n[0] * o;
    double y = p[1] + n[1] * o;
    double z = p[2] + n[2] * o;
    double len = Math.sqrt(x * x + y * y + z * z);
    return Vectors.toPosition(x / len, y / len, z / len, 0.0, 0.0);
  }

  @Test
  void aWalkThroughBothPolesAndAcrossTheAntimeridianIsSeenAllTheWayByACrowd() {
    GeoPosition start = GeoPosition.of(0.0, 179.99);
    double bearing = 0.01;
    double[] p0 = new double[3];
    double[] t0 = new double[3];
    Vectors.fromLatLng(start.latitudeDeg(), start.longitudeDeg(), p0);
    Vectors.tangent(start.latitudeDeg(), start.longitudeDeg(), bearing, t0);
    double[] normal = {
      p0[1] * t0[2] - p0[2] * t0[1], p0[2] * t0[0] - p0[0] * t0[2], p0[0] * t0[1] - p0[1] * t0[0]
    };
    double circumference = 2 * Math.PI * SMALL.radiusMeters();
    long ticks = Math.round(circumference / STEP) + 2;

    CrowdWorld world =
        new CrowdWorld(SETTINGS, TestTerrains.flat("UrbanArea")).retiringEmptyCells();
    SplittableRandom random = new SplittableRandom(3);
    List<Long> observers = new ArrayList<>();
    // Crowds where the circle passes the poles (a quarter and three quarters of the way) and where
    // it crosses the antimeridian (45° N, an eighth of the way), then one every ~300 km.
    double[] crowds = {circumference / 4, 3 * circumference / 4, circumference / 8};
    long id = 100;
    for (double at : crowds) {
      for (int k = 0; k < 12; k++) {
        double s = at + (random.nextDouble() - 0.5) * 3_000;
        world.enter(id, beside(along(p0, t0, s), normal, (random.nextDouble() - 0.5) * 3_000));
        observers.add(id++);
      }
    }
    for (int k = 0; observers.size() < 60; k++) {
      double s = 100_000 + k * 260_000.0;
      world.enter(id, beside(along(p0, t0, s), normal, (random.nextDouble() - 0.5) * 2_000));
      observers.add(id++);
    }
    // The walker walks by its intent alone: a handoff carries the intent on to the next cell.
    world.enter(WALKER, start, new MovementInput.Heading(bearing, SPEED));

    ArrayDeque<GeoPosition> recent = new ArrayDeque<>();
    List<String> faults = new ArrayList<>();
    Set<Long> sawIt = new HashSet<>();
    double nearestNorth = Double.MAX_VALUE;
    double nearestSouth = Double.MAX_VALUE;
    int antimeridianCrossings = 0;
    long handoffs = 0;
    long sightings = 0;
    GeoPosition previous = start;
    for (long t = 1; t <= ticks; t++) {
      Map<S2CellId, TickReport> reports = world.tick();
      List<S2CellId> holding = world.cellsHolding(WALKER);
      if (holding.size() != 1) {
        faults.add("tick " + t + ": walker held by " + holding);
        continue;
      }
      GeoPosition now = world.positionOf(WALKER);
      recent.addFirst(now);
      if (recent.size() > 2 * SNAPSHOT_EVERY + 2) {
        recent.removeLast();
      }
      nearestNorth = Math.min(nearestNorth, SMALL.distanceMeters(now, GeoPosition.of(90, 0)));
      nearestSouth = Math.min(nearestSouth, SMALL.distanceMeters(now, GeoPosition.of(-90, 0)));
      if (Math.abs(now.longitudeDeg() - previous.longitudeDeg()) > 180
          && Math.abs(now.latitudeDeg()) < 80) {
        antimeridianCrossings++;
      }
      previous = now;
      for (Map.Entry<S2CellId, TickReport> e : reports.entrySet()) {
        TickReport r = e.getValue();
        handoffs += r.handoffs().stream().filter(h -> h.playerId() == WALKER).count();
        r.corrections().forEach(c -> faults.add("tick " + r.tick() + ": " + c));
        CellSimulation cell = world.cellOf(e.getKey());
        if (cell == null) {
          continue;
        }
        for (TickReport.PlayerView v : r.views()) {
          if (v.playerId() == WALKER) {
            continue;
          }
          GeoPosition me = world.positionOf(v.playerId());
          if (SMALL.distanceMeters(me, now) > AOI - (SNAPSHOT_EVERY + 1) * STEP) {
            continue;
          }
          int slot = cell.population().slotOf(WALKER);
          boolean shown = false;
          for (long seen : v.diff().visible()) {
            shown |= seen == WALKER;
          }
          if (!shown || slot < 0) {
            faults.add("tick " + t + ": observer " + v.playerId() + " misses the walker");
            continue;
          }
          GeoPosition at = cell.population().position(slot);
          long lag = 0;
          for (GeoPosition then : recent) {
            if (SMALL.distanceMeters(then, at) < 0.01) {
              break;
            }
            lag++;
          }
          if (lag > SNAPSHOT_EVERY) {
            faults.add(
                "tick "
                    + t
                    + ": observer "
                    + v.playerId()
                    + " sees the walker "
                    + lag
                    + " ticks late");
          }
          sawIt.add(v.playerId());
          sightings++;
        }
      }
    }

    assertThat(faults).isEmpty();
    assertThat(nearestNorth).isLessThan(300.0);
    assertThat(nearestSouth).isLessThan(300.0);
    assertThat(antimeridianCrossings).isEqualTo(1);
    assertThat(handoffs).isGreaterThan(120);
    assertThat(sawIt).hasSize(observers.size());
    assertThat(sightings).isGreaterThan(60L * 50);
    assertThat(world.cellsHolding(WALKER)).hasSize(1);
  }
}
