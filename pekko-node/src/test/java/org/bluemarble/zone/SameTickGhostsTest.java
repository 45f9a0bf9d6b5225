package org.bluemarble.zone;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.geometry.S2CellId;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Queue;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.bluemarble.edge.port.WorldListener;
import org.bluemarble.player.CharacterClass;
import org.bluemarble.spatial.GeoPosition;
import org.bluemarble.spatial.SpatialCells;
import org.bluemarble.spatial.Sphere;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Cross-cell visibility in the same tick: two neighbour cells on one node, beat by beat as the
 * {@link CellClock} drives them (every cell steps, then every cell composes), a player walking in
 * one cell appears in the snapshot of an observer in the other at the position of that same tick,
 * as an entity of the observer's own cell would. The message path (a neighbour on another node)
 * shows it a tick later, which the second test pins down so that the first one means something.
 */
class SameTickGhostsTest {
  private static final ActorTestKit testKit = ActorTestKit.create("SameTickGhostsTest");
  private static final ZoneSettings SETTINGS = ZoneSettings.defaults(Sphere.EARTH);
  private static final double R = Sphere.EARTH.radiusMeters();
  private static final Terrain LAND = TestTerrains.flat("Desert");
  private static final long WALKER = 1_001;
  private static final long OBSERVER = 1_002;

  /** Cells of one node, stepped and composed in the clock's two phases. */
  private static final class Node {
    final GhostInboxes inboxes = new GhostInboxes();
    final SessionSinks sinks = new SessionSinks();
    final boolean local;
    final Map<S2CellId, CellTicker> tickers = new LinkedHashMap<>();
    final Map<S2CellId, CellSimulation> sims = new LinkedHashMap<>();
    final Map<S2CellId, CellRoster> rosters = new LinkedHashMap<>();
    final Map<S2CellId, RecordingOutbox> outboxes = new LinkedHashMap<>();
    long now = 1_700_000_000L;

    /** {@code local}: neighbours use each other's ghost inboxes; else ghosts go as messages. */
    Node(boolean local) {
      this.local = local;
    }

    void cell(S2CellId c) {
      if (tickers.containsKey(c)) {
        return;
      }
      CellSimulation sim = new CellSimulation(c, SETTINGS, LAND, 42L);
      RecordingOutbox outbox = new RecordingOutbox();
      CellRoster roster = new CellRoster();
      GhostInbox own = new GhostInbox();
      if (local) {
        inboxes.register(CellIds.entityId(c), own);
      }
      sims.put(c, sim);
      rosters.put(c, roster);
      outboxes.put(c, outbox);
      tickers.put(
          c,
          new CellTicker(
              sim,
              roster,
              ZoneCellDeps.of(SETTINGS, LAND, 42L, 4),
              outbox,
              x -> testKit.<ZoneCell.Reply>createTestProbe().ref(),
              () -> {},
              () -> false,
              LoggerFactory.getLogger(SameTickGhostsTest.class),
              sinks,
              local ? inboxes : null,
              local ? own : null));
    }

    /** Enters a player; what the cell pushes to its session lands in the returned queue. */
    Queue<SessionEvent> enter(long id, GeoPosition at, MovementInput.Intent intent) {
      S2CellId c = SpatialCells.cellAt(at, SETTINGS.zoneLevel());
      cell(c);
      TestProbe<SessionEvent> probe = testKit.createTestProbe(SessionEvent.class);
      Queue<SessionEvent> got = new ArrayDeque<>();
      sinks.register(probe.ref(), got::add);
      sims.get(c).enter(id, CharacterClass.WARRIOR, at, 0L, intent);
      rosters.get(c).add(id, new CellRoster.Link("p-" + id, probe.ref()));
      return got;
    }

    /**
     * One beat: every cell steps, then every cell composes; messages between cells (the remote
     * path) are delivered after the beat, as they arrive after a cell's tick.
     */
    void beat() {
      Instant t = Instant.ofEpochSecond(now++);
      for (CellTicker ticker : tickers.values()) {
        ticker.step(t, 1);
      }
      for (CellTicker ticker : tickers.values()) {
        ticker.compose(t);
      }
      outboxes.forEach(
          (from, outbox) -> {
            for (RecordingOutbox.Sent s = outbox.sent.poll(); s != null; s = outbox.sent.poll()) {
              CellTicker to = tickers.get(s.cell());
              if (to != null && s.command() instanceof ZoneCell.Ghosts g) {
                to.ghostsReceived(CellMessages.batchOf(g, s.cell()));
              }
            }
          });
    }

    /** Where {@code id} stands in the cell that simulates it (not as a ghost). */
    GeoPosition ownPosition(long id) {
      for (CellSimulation sim : sims.values()) {
        CellPopulation p = sim.population();
        int slot = p.slotOf(id);
        if (slot >= 0 && !p.isGhost(slot)) {
          return p.position(slot);
        }
      }
      throw new AssertionError("nobody simulates " + id);
    }
  }

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  @Test
  void aNeighboursPlayerMovedInABeatShowsInTheObserversSnapshotOfThatBeat() {
    Node node = new Node(true);
    int lagged = walkAlongTheEdgeAndCountLaggingSnapshots(node);
    assertThat(lagged).isZero();
  }

  @Test
  void throughMessagesTheGhostShowsTheTickBefore() {
    Node node = new Node(false);
    int lagged = walkAlongTheEdgeAndCountLaggingSnapshots(node);
    assertThat(lagged).isPositive();
  }

  /**
   * A walker just south of a cell edge walks east along it; an observer stands just north of it, in
   * the other cell. Returns how many of the observer's snapshots (after the first second) show the
   * walker elsewhere than where it stood in that beat; fails if the walker is not shown.
   */
  private static int walkAlongTheEdgeAndCountLaggingSnapshots(Node node) {
    GeoPosition start = GeoPosition.of(-21.0, -27.0);
    GeoPosition edge = boundaryNorthOf(start);
    GeoPosition walker = offset(edge, 180, 20);
    GeoPosition observer = offset(edge, 0, 20);
    assertThat(SpatialCells.cellAt(walker, SETTINGS.zoneLevel()))
        .isNotEqualTo(SpatialCells.cellAt(observer, SETTINGS.zoneLevel()));
    node.enter(WALKER, walker, new MovementInput.Heading(90, 5.0));
    Queue<SessionEvent> eyes = node.enter(OBSERVER, observer, null);

    // A second for the ghost exchange to start (the first batches, the routers' interest).
    for (int i = 0; i < SETTINGS.tickHz(); i++) {
      node.beat();
    }
    eyes.clear();

    int shown = 0;
    int lagged = 0;
    for (int i = 0; i < 30; i++) {
      node.beat();
      GeoPosition truth = node.ownPosition(WALKER);
      for (SessionEvent e = eyes.poll(); e != null; e = eyes.poll()) {
        if (e instanceof SessionEvent.Snapshot s) {
          WorldListener.SeenEntity seen =
              s.visible().stream().filter(v -> v.entityId() == WALKER).findFirst().orElseThrow();
          shown++;
          double metres = distance(truth, seen.latitudeDeg(), seen.longitudeDeg());
          if (metres > 0.001) {
            lagged++;
            // a tick of walking (at most 8 cm at 5 m/s), not more
            assertThat(metres).isLessThan(0.1);
          }
        }
      }
    }
    assertThat(shown).isGreaterThanOrEqualTo(30 / (SETTINGS.tickHz() / SETTINGS.snapshotHz()));
    return lagged;
  }

  private static double distance(GeoPosition a, double latDeg, double lngDeg) {
    double p1 = Math.toRadians(a.latitudeDeg());
    double p2 = Math.toRadians(latDeg);
    double dp = p2 - p1;
    double dl = Math.toRadians(lngDeg - a.longitudeDeg());
    double h =
        Math.sin(dp / 2) * Math.sin(dp / 2)
            + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
    return 2 * R * Math.asin(Math.min(1, Math.sqrt(h)));
  }

  private static GeoPosition offset(GeoPosition from, double bearingDeg, double meters) {
    double b = Math.toRadians(bearingDeg);
    double dLat = Math.toDegrees(meters * Math.cos(b) / R);
    double dLng =
        Math.toDegrees(meters * Math.sin(b) / (R * Math.cos(Math.toRadians(from.latitudeDeg()))));
    return GeoPosition.of(from.latitudeDeg() + dLat, from.longitudeDeg() + dLng);
  }

  private static GeoPosition boundaryNorthOf(GeoPosition start) {
    S2CellId cell = SpatialCells.cellAt(start, SETTINGS.zoneLevel());
    for (int i = 1; ; i++) {
      GeoPosition p = offset(start, 0, i * 0.25);
      if (!SpatialCells.cellAt(p, SETTINGS.zoneLevel()).equals(cell)) {
        return p;
      }
    }
  }
}
