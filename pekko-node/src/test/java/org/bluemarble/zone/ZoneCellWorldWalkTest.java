package org.bluemarble.zone;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.geometry.S2CellId;
import com.google.common.geometry.S2Point;
import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.FishingOutcomes;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.bluemarble.edge.port.WorldListener;
import org.bluemarble.player.CharacterClass;
import org.bluemarble.player.Player;
import org.bluemarble.spatial.GeoPosition;
import org.bluemarble.spatial.Sphere;
import org.bluemarble.zone.internal.Vectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two players walk once around a small planet (radius 1,000 km, zone cells of ~30-40 km) through
 * real {@link ZoneCell}s on a single-node cluster, one 50 m behind the other on the same great
 * circle, each watching the other. The circle passes within 90 m of both poles (through the polar
 * cells) and crosses the antimeridian away from them. Cells run 8 steps every millisecond (8,000
 * times real time at 1 Hz); every step still advances the simulation by one tick (100 m at 100
 * m/s), and every cell crossing goes through the real handoff (EnterCell through sharding, session
 * told, ghosts between neighbours).
 */
class ZoneCellWorldWalkTest {
  private static final Sphere SMALL = new Sphere(1_000_000.0);
  private static final double SPEED = 100.0;
  private static final ZoneSettings SETTINGS = settings();
  private static final double STEP = SPEED / SETTINGS.tickHz();
  private static final int SNAPSHOT_EVERY = SETTINGS.tickHz() / SETTINGS.snapshotHz();
  private static final double GAP = 50.0;
  // The follower enters a millisecond (~3 km at this speed) after the leader; a wide AOI keeps
  // them in sight of each other.
  private static final double AOI = 10_000.0;
  private static final int STEPS_PER_TIMER = 32;
  private static final ActorTestKit testKit =
      ActorTestKit.create(
          "ZoneCellWorldWalkTest",
          ConfigFactory.parseString(
                  """
                  pekko.actor.provider = cluster
                  pekko.remote.artery.canonical.hostname = 127.0.0.1
                  pekko.remote.artery.canonical.port = 0
                  pekko.cluster.jmx.multi-mbeans-in-same-jvm = on
                  pekko.scheduler.tick-duration = 1ms
                  # Cells re-enter their players at shutdown; the region would wait out the phase.
                  pekko.coordinated-shutdown.phases.cluster-sharding-shutdown-region.timeout = 3s
                  pekko.actor.testkit.typed.system-shutdown-default = 30s
                  """)
              .withFallback(EventSourcedBehaviorTestKit.config())
              .withFallback(ConfigFactory.parseResources("bluemarble/serialization.conf"))
              .withFallback(ConfigFactory.defaultReference()));

  private static ZoneSettings settings() {
    Map<CharacterClass, Double> speeds = new EnumMap<>(CharacterClass.class);
    for (CharacterClass c : CharacterClass.values()) {
      speeds.put(c, SPEED);
    }
    return new ZoneSettings(
        SMALL,
        // Cells of ~30-40 km: ~150 handoffs around the planet (each starts a cell, ~30 ms here).
        5,
        1,
        1,
        AOI,
        speeds,
        45,
        -2,
        Duration.ofSeconds(10));
  }

  @BeforeAll
  static void startCluster() {
    Cluster cluster = Cluster.get(testKit.system());
    cluster.manager().tell(Join.create(cluster.selfMember().address()));
    Player.init(testKit.system(), 4);
    // No creatures in the way: an urban planet spawns none.
    ZoneCell.init(
        testKit.system(),
        ZoneCellDeps.of(SETTINGS, TestTerrains.flat("UrbanArea"), 42L, 4)
            .withIdleTimeout(Duration.ofSeconds(5))
            .withTimeWarp(Duration.ofMillis(1), STEPS_PER_TIMER),
        CellPlacement.byDefault(SETTINGS.zoneLevel()));
  }

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  /** A point and the direction of travel on the great circle, as unit vectors. */
  private record OnCircle(double[] point, double[] direction) {
    GeoPosition position() {
      return Vectors.toPosition(point[0], point[1], point[2], 0.0, 0.0);
    }

    double bearing() {
      double lng = Vectors.longitudeDeg(point[0], point[1], 0.0);
      return Vectors.bearingDeg(point, direction, lng);
    }

    /** This point moved {@code metres} along the circle (negative: backwards). */
    OnCircle moved(double metres) {
      double a = metres / SMALL.radiusMeters();
      double[] p = new double[3];
      double[] d = new double[3];
      for (int i = 0; i < 3; i++) {
        p[i] = point[i] * Math.cos(a) + direction[i] * Math.sin(a);
        d[i] = -point[i] * Math.sin(a) + direction[i] * Math.cos(a);
      }
      return new OnCircle(p, d);
    }
  }

  private static OnCircle start(double lat, double lng, double bearing) {
    double[] p = new double[3];
    double[] d = new double[3];
    Vectors.fromLatLng(lat, lng, p);
    Vectors.tangent(lat, lng, bearing, d);
    return new OnCircle(p, d);
  }

  private static S2CellId cellOf(double[] p) {
    return S2CellId.fromPoint(new S2Point(p[0], p[1], p[2])).parent(SETTINGS.zoneLevel());
  }

  /** The cells a walker starting at {@code from} enters, in order, stepping one tick at a time. */
  private static List<String> expectedHandoffs(OnCircle from, long steps) {
    List<String> cells = new ArrayList<>();
    S2CellId current = cellOf(from.point());
    for (long k = 1; k <= steps; k++) {
      S2CellId next = cellOf(from.moved(k * STEP).point());
      if (!next.equals(current)) {
        cells.add(CellIds.entityId(next));
        current = next;
      }
    }
    return cells;
  }

  private static void tell(String cellId, ZoneCell.Command command) {
    ClusterSharding.get(testKit.system()).entityRefFor(ZoneCell.ENTITY_KEY, cellId).tell(command);
  }

  /** Puts {@code player} standing at {@code at}, facing along its circle; returns its cell. */
  private static String enter(String player, OnCircle at, TestProbe<SessionEvent> session) {
    String cellId = CellIds.entityId(cellOf(at.point()));
    TestProbe<ZoneCell.Reply> reply = testKit.createTestProbe(ZoneCell.Reply.class);
    GeoPosition p = at.position();
    tell(
        cellId,
        new ZoneCell.EnterCell(
            player,
            "Ranger",
            p.latitudeDeg(),
            p.longitudeDeg(),
            0.0,
            0L,
            WireIntent.heading(at.bearing(), 0.0),
            session.ref(),
            reply.ref()));
    assertThat(reply.receiveMessage(Duration.ofSeconds(15))).isInstanceOf(ZoneCell.Entered.class);
    return cellId;
  }

  /** Collects a session's events until it has been handed off {@code handoffs} times. */
  private static List<SessionEvent> walkUntil(TestProbe<SessionEvent> session, int handoffs) {
    int[] seen = {0};
    return session.fishForMessage(
        Duration.ofSeconds(120),
        m -> {
          if (m instanceof SessionEvent.HandedOff && ++seen[0] == handoffs) {
            return FishingOutcomes.complete();
          }
          return FishingOutcomes.continueAndCollect();
        });
  }

  @Test
  void twoPlayersWalkAroundThePlanetThroughBothPolesAndAcrossTheAntimeridian() {
    // Nearly a meridian: 87 m from each pole, crossing longitude 180 at 11.5 N.
    OnCircle leaderStart = start(0.5, 179.999, 0.005);
    OnCircle followerStart = leaderStart.moved(-GAP);
    long steps = Math.round(2 * Math.PI * SMALL.radiusMeters() / STEP) + 1;
    List<String> leaderCells = expectedHandoffs(leaderStart, steps);
    String leader = UUID.randomUUID().toString();
    String follower = UUID.randomUUID().toString();
    long leaderId = PlayerIds.simulationId(leader);
    long followerId = PlayerIds.simulationId(follower);
    TestProbe<SessionEvent> leaderSession = testKit.createTestProbe(SessionEvent.class);
    TestProbe<SessionEvent> followerSession = testKit.createTestProbe(SessionEvent.class);

    String startCell = enter(leader, leaderStart, leaderSession);
    String followerCell = enter(follower, followerStart, followerSession);
    // Both stand until now; the two inputs go out back to back, so at most one timer's worth of
    // warped ticks (STEPS_PER_TIMER, 3.2 km) can separate their starts, well inside the area of
    // interest. Entering them walking made the gap depend on how fast the second entry followed
    // the first (thousands of warped ticks on a quiet machine: the follower was never seen).
    long now = System.currentTimeMillis();
    tell(
        followerCell,
        new ZoneCell.SubmitInput(
            follower, 1L, WireIntent.heading(followerStart.bearing(), SPEED), now));
    tell(
        startCell,
        new ZoneCell.SubmitInput(
            leader, 1L, WireIntent.heading(leaderStart.bearing(), SPEED), now));
    List<SessionEvent> leaderEvents = new ArrayList<>(walkUntil(leaderSession, leaderCells.size()));
    // Back in the cell it started from, the walk goes on there.
    int[] atHome = {0};
    leaderEvents.addAll(
        leaderSession.fishForMessage(
            Duration.ofSeconds(60),
            m ->
                m instanceof SessionEvent.Snapshot v
                        && v.cellId().equals(startCell)
                        && ++atHome[0] == 20
                    ? FishingOutcomes.complete()
                    : FishingOutcomes.continueAndCollect()));

    // The whole way round, through the cells of both poles and across the antimeridian.
    assertThat(leaderCells).hasSizeGreaterThan(120);
    assertThat(leaderCells)
        .contains(
            CellIds.entityId(cellOf(new double[] {0, 0, 1})),
            CellIds.entityId(cellOf(new double[] {0, 0, -1})));
    assertThat(antimeridianCrossings(leaderStart, steps)).isEqualTo(1);
    assertThat(leaderCells.get(leaderCells.size() - 1)).isEqualTo(startCell);
    Walk walk = Walk.of(leaderEvents, leaderId, followerId, normal(leaderStart));
    // Every cell crossing is one handoff, in order, none missing or repeated.
    assertThat(walk.handoffs).containsExactlyElementsOf(leaderCells);
    // After each handoff the very next snapshot comes from the new cell.
    assertThat(walk.firstSnapshotAfterHandoff).containsExactlyElementsOf(leaderCells);
    // Inside a cell a snapshot every snapshot interval: never a gap.
    assertThat(walk.maxTickGapInACell).isLessThanOrEqualTo(SNAPSHOT_EVERY);
    assertThat(walk.snapshots).isGreaterThan((int) (steps / SNAPSHOT_EVERY * 9 / 10));
    // Nobody appears twice in a snapshot; the follower is seen along the way, always on its
    // circle. (How far apart the two are depends on how the independently timed cells are
    // scheduled at this speed, so distances between sightings are not asserted.)
    assertThat(walk.duplicates).isZero();
    assertThat(walk.sightings).isPositive();
    assertThat(walk.maxOffCircle).isLessThan(1.0);
    assertThat(walk.handoffs.get(walk.handoffs.size() - 1)).isEqualTo(startCell);
  }

  /** How often the path crosses longitude 180 away from the poles. */
  private static int antimeridianCrossings(OnCircle from, long steps) {
    int crossings = 0;
    GeoPosition previous = from.position();
    for (long k = 1; k <= steps; k++) {
      GeoPosition p = from.moved(k * STEP).position();
      boolean jump = Math.abs(p.longitudeDeg() - previous.longitudeDeg()) > 180.0;
      if (jump && Math.abs(p.latitudeDeg()) < 80.0) {
        crossings++;
      }
      previous = p;
    }
    return crossings;
  }

  /** The unit normal of the great circle a walker on {@code c} follows. */
  private static double[] normal(OnCircle c) {
    double[] a = c.point();
    double[] b = c.direction();
    return new double[] {
      a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]
    };
  }

  /** What one session saw along the walk. */
  private static final class Walk {
    final List<String> handoffs = new ArrayList<>();
    final List<String> firstSnapshotAfterHandoff = new ArrayList<>();
    long maxTickGapInACell;
    int snapshots;
    int sightings;
    int duplicates;
    double maxOffCircle;

    static Walk of(List<SessionEvent> events, long self, long other, double[] normal) {
      Walk w = new Walk();
      boolean awaitingFirst = false;
      String cell = null;
      long lastTick = -1;
      for (SessionEvent e : events) {
        if (e instanceof SessionEvent.HandedOff h) {
          assertThat(h.playerId()).isEqualTo(self);
          w.handoffs.add(h.newCellId());
          awaitingFirst = true;
        } else if (e instanceof SessionEvent.Snapshot s) {
          w.snapshots++;
          if (awaitingFirst) {
            w.firstSnapshotAfterHandoff.add(s.cellId());
            awaitingFirst = false;
          }
          if (s.cellId().equals(cell)) {
            w.maxTickGapInACell = Math.max(w.maxTickGapInACell, s.tick() - lastTick);
          }
          cell = s.cellId();
          lastTick = s.tick();
          Set<Long> ids = new HashSet<>();
          for (WorldListener.SeenEntity v : s.visible()) {
            if (!ids.add(v.entityId())) {
              w.duplicates++;
            }
            if (v.entityId() == other) {
              GeoPosition seen = GeoPosition.of(v.latitudeDeg(), v.longitudeDeg());
              double[] p = new double[3];
              Vectors.fromLatLng(seen.latitudeDeg(), seen.longitudeDeg(), p);
              double off = Math.abs(p[0] * normal[0] + p[1] * normal[1] + p[2] * normal[2]);
              w.maxOffCircle = Math.max(w.maxOffCircle, off * SMALL.radiusMeters());
              w.sightings++;
            }
          }
        }
      }
      return w;
    }
  }
}
