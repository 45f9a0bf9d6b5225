package org.bluemarble.zone;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.geometry.S2CellId;
import com.google.common.geometry.S2Point;
import com.typesafe.config.Config;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.FishingOutcomes;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.ShardCoordinator;
import org.apache.pekko.cluster.sharding.ShardRegion;
import org.apache.pekko.cluster.sharding.typed.GetShardRegionState;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.dispatch.Futures;
import org.bluemarble.node.testing.ClusterTestKits;
import org.bluemarble.player.Player;
import org.bluemarble.spatial.GeoPosition;
import org.bluemarble.spatial.SpatialCells;
import org.bluemarble.spatial.Sphere;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import scala.collection.immutable.IndexedSeq;
import scala.concurrent.Future;

/**
 * Two ActorSystems in one JVM form one cluster; neighbouring zone cells are placed on different
 * nodes, so ghosts, handoffs and session events cross Artery (and CBOR) between them.
 */
class ZoneCellTwoNodeTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final ZoneSettings SETTINGS = ZoneSettings.defaults(Sphere.EARTH);
  private static final S2CellId A =
      SpatialCells.cellAt(GeoPosition.of(47.0, 8.0), SETTINGS.zoneLevel());
  private static final S2CellId B = SpatialCells.edgeNeighbours(A).get(0);
  private static ActorTestKit first;
  private static ActorTestKit second;

  /** Puts cell B (each cell is its own shard) on a node other than the coordinator's. */
  static final class SplitAllocation extends ShardCoordinator.AbstractShardAllocationStrategy {
    private final String remoteShard;

    SplitAllocation(String remoteShard) {
      this.remoteShard = remoteShard;
    }

    @Override
    public Future<ActorRef> allocateShard(
        ActorRef requester, String shardId, Map<ActorRef, IndexedSeq<String>> current) {
      boolean wantLocal = !shardId.equals(remoteShard);
      for (ActorRef region : current.keySet()) {
        if (region.path().address().hasLocalScope() == wantLocal) {
          return Futures.successful(region);
        }
      }
      return Futures.successful(requester);
    }

    @Override
    public Future<Set<String>> rebalance(
        Map<ActorRef, IndexedSeq<String>> current, Set<String> inProgress) {
      return Futures.successful(new HashSet<>());
    }
  }

  private static void startZone(ActorSystem<?> system) {
    Player.init(system, 4);
    CellPlacement placement =
        CellPlacement.byParent(SETTINGS.zoneLevel())
            .withAllocation(new SplitAllocation(CellIds.entityId(B)));
    ZoneCell.init(
        system,
        ZoneCellDeps.of(SETTINGS, TestTerrains.flat("UrbanArea"), 42L, 4)
            .withIdleTimeout(Duration.ofSeconds(5)),
        placement);
  }

  @BeforeAll
  static void startCluster() {
    Config config =
        ClusterTestKits.config(
            """
            # Cells re-enter their players at shutdown; the region would wait out the phase for them.
            pekko.coordinated-shutdown.phases.cluster-sharding-shutdown-region.timeout = 3s
            pekko.actor.testkit.typed.system-shutdown-default = 30s
            """);
    first = ActorTestKit.create("ZoneCellTwoNodeTest", config);
    second = ActorTestKit.create("ZoneCellTwoNodeTest", config);
    ClusterTestKits.join(WAIT, first, second);
    startZone(first.system());
    startZone(second.system());
  }

  @AfterAll
  static void shutdown() {
    second.shutdownTestKit();
    first.shutdownTestKit();
  }

  private static void tell(S2CellId cell, ZoneCell.Command command) {
    ClusterSharding.get(first.system())
        .entityRefFor(ZoneCell.ENTITY_KEY, CellIds.entityId(cell))
        .tell(command);
  }

  /** A point {@code metres} inside {@code cell} on the way between the two cells' centres. */
  private static GeoPosition nearBorder(S2CellId cell, double metres) {
    S2Point pa = SpatialCells.centreOf(A).toUnitVector();
    S2Point pb = SpatialCells.centreOf(B).toUnitVector();
    double lo = 0.0;
    double hi = 1.0;
    for (int i = 0; i < 60; i++) {
      double mid = (lo + hi) / 2;
      if (SpatialCells.cellAt(along(pa, pb, mid), SETTINGS.zoneLevel()).equals(A)) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    double step =
        metres
            / Sphere.EARTH.distanceMeters(
                GeoPosition.fromUnitVector(pa, 0), GeoPosition.fromUnitVector(pb, 0));
    GeoPosition p = cell.equals(A) ? along(pa, pb, lo - step) : along(pa, pb, hi + step);
    assertThat(SpatialCells.cellAt(p, SETTINGS.zoneLevel())).isEqualTo(cell);
    return p;
  }

  private static GeoPosition along(S2Point p, S2Point q, double t) {
    return GeoPosition.fromVector(
        p.getX() + t * (q.getX() - p.getX()),
        p.getY() + t * (q.getY() - p.getY()),
        p.getZ() + t * (q.getZ() - p.getZ()),
        0.0);
  }

  private static void enter(
      S2CellId cell, String player, GeoPosition at, WireIntent intent, TestProbe<SessionEvent> s) {
    TestProbe<ZoneCell.Reply> reply = first.createTestProbe(ZoneCell.Reply.class);
    tell(
        cell,
        new ZoneCell.EnterCell(
            player,
            "Warrior",
            at.latitudeDeg(),
            at.longitudeDeg(),
            0.0,
            0L,
            intent,
            s.ref(),
            reply.ref()));
    assertThat(reply.receiveMessage(WAIT)).isInstanceOf(ZoneCell.Entered.class);
  }

  /** The zone cells running on the node of {@code kit}. */
  private static Set<String> cellsOn(ActorTestKit kit) {
    TestProbe<ShardRegion.CurrentShardRegionState> probe =
        kit.createTestProbe(ShardRegion.CurrentShardRegionState.class);
    ClusterSharding.get(kit.system())
        .shardState()
        .tell(new GetShardRegionState(ZoneCell.ENTITY_KEY, probe.ref()));
    Set<String> ids = new HashSet<>();
    probe.receiveMessage(WAIT).getShards().forEach(sh -> ids.addAll(sh.getEntityIds()));
    return ids;
  }

  private static boolean sees(SessionEvent m, long id) {
    return m instanceof SessionEvent.Snapshot v
        && v.visible().stream().anyMatch(e -> e.entityId() == id);
  }

  @Test
  void neighbouringCellsLiveOnDifferentNodesAndPlayersOnBothSidesSeeEachOther() {
    String p1 = UUID.randomUUID().toString();
    String p2 = UUID.randomUUID().toString();
    TestProbe<SessionEvent> s1 = first.createTestProbe(SessionEvent.class);
    TestProbe<SessionEvent> s2 = first.createTestProbe(SessionEvent.class);

    enter(A, p1, nearBorder(A, 10), null, s1);
    enter(B, p2, nearBorder(B, 10), null, s2);

    s1.fishForMessage(
        WAIT,
        m ->
            sees(m, PlayerIds.simulationId(p2))
                ? FishingOutcomes.complete()
                : FishingOutcomes.continueAndIgnore());
    s2.fishForMessage(
        WAIT,
        m ->
            sees(m, PlayerIds.simulationId(p1))
                ? FishingOutcomes.complete()
                : FishingOutcomes.continueAndIgnore());
    assertThat(cellsOn(first)).contains(CellIds.entityId(A)).doesNotContain(CellIds.entityId(B));
    assertThat(cellsOn(second)).contains(CellIds.entityId(B)).doesNotContain(CellIds.entityId(A));
  }

  @Test
  void aPlayerCrossingToACellOnTheOtherNodeIsHandedOffOnceAndSeenOnceByAnObserver() {
    String walker = UUID.randomUUID().toString();
    String observer = UUID.randomUUID().toString();
    long walkerId = PlayerIds.simulationId(walker);
    TestProbe<SessionEvent> ws = first.createTestProbe(SessionEvent.class);
    TestProbe<SessionEvent> os = first.createTestProbe(SessionEvent.class);
    enter(B, observer, nearBorder(B, 30), null, os);
    GeoPosition target = SpatialCells.centreOf(B);

    enter(
        A,
        walker,
        nearBorder(A, 3),
        WireIntent.target(target.latitudeDeg(), target.longitudeDeg()),
        ws);

    List<SessionEvent> before =
        ws.fishForMessage(
            WAIT,
            m ->
                m instanceof SessionEvent.HandedOff
                    ? FishingOutcomes.complete()
                    : FishingOutcomes.continueAndCollect());
    assertThat(before.get(before.size() - 1))
        .isEqualTo(new SessionEvent.HandedOff(walkerId, CellIds.entityId(B)));
    // Twenty snapshots from the cell on the other node; a second handoff fails at once.
    int[] fromB = {0};
    ws.fishForMessage(
        WAIT,
        m -> {
          if (m instanceof SessionEvent.HandedOff) {
            return FishingOutcomes.fail("handed off twice: " + m);
          }
          boolean fresh =
              m instanceof SessionEvent.Snapshot v && v.cellId().equals(CellIds.entityId(B));
          return fresh && ++fromB[0] == 20
              ? FishingOutcomes.complete()
              : FishingOutcomes.continueAndIgnore();
        });
    // The observer saw the walker come across, never twice in one snapshot.
    int[] seen = {0};
    List<SessionEvent> watched =
        os.fishForMessage(
            WAIT,
            m -> {
              if (m instanceof SessionEvent.Snapshot v) {
                long copies = v.visible().stream().filter(e -> e.entityId() == walkerId).count();
                if (copies > 1) {
                  return FishingOutcomes.fail("walker twice in " + v);
                }
                if (copies == 1 && ++seen[0] == 40) {
                  return FishingOutcomes.complete();
                }
              }
              return FishingOutcomes.continueAndCollect();
            });
    assertThat(watched).isNotEmpty();
    assertThat(cellsOn(second)).contains(CellIds.entityId(B));

    // The handoff and the ghosts went to the other node, and each cell names its node.
    ZoneCell.CellSummary a = summary(A);
    assertThat(a.crossNodeMessages()).isGreaterThan(0);
    assertThat(a.node()).isEqualTo(first.system().address().toString());
    assertThat(summary(B).node()).isEqualTo(second.system().address().toString());
  }

  private static ZoneCell.CellSummary summary(S2CellId cell) {
    TestProbe<ZoneCell.Reply> reply = first.createTestProbe(ZoneCell.Reply.class);
    tell(cell, new ZoneCell.GetCellSummary(reply.ref()));
    return (ZoneCell.CellSummary) reply.receiveMessage(WAIT);
  }
}
