package org.bluemarble.zone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.common.geometry.S2CellId;
import com.google.common.geometry.S2Point;
import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.FishingOutcomes;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.apache.pekko.cluster.sharding.ShardRegion;
import org.apache.pekko.cluster.sharding.typed.GetShardRegionState;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.bluemarble.edge.port.WorldListener;
import org.bluemarble.player.Player;
import org.bluemarble.spatial.GeoPosition;
import org.bluemarble.spatial.SpatialCells;
import org.bluemarble.spatial.Sphere;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Zone cells through Cluster Sharding on a single-node cluster, with probes as sessions. */
class ZoneCellClusterTest {
  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final ZoneSettings SETTINGS = ZoneSettings.defaults(Sphere.EARTH);
  private static final ActorTestKit testKit =
      ActorTestKit.create(
          "ZoneCellClusterTest",
          ConfigFactory.parseString(
                  """
                  pekko.actor.provider = cluster
                  pekko.remote.artery.canonical.hostname = 127.0.0.1
                  pekko.remote.artery.canonical.port = 0
                  pekko.cluster.jmx.multi-mbeans-in-same-jvm = on
                  # Cells keep telling neighbours during hand-off at shutdown; do not wait long.
                  pekko.coordinated-shutdown.phases.cluster-sharding-shutdown-region.timeout = 3s
                  pekko.actor.testkit.typed.system-shutdown-default = 30s
                  """)
              .withFallback(EventSourcedBehaviorTestKit.config())
              .withFallback(ConfigFactory.parseResources("bluemarble/serialization.conf"))
              .withFallback(ConfigFactory.defaultReference()));

  @BeforeAll
  static void startCluster() {
    Cluster cluster = Cluster.get(testKit.system());
    cluster.manager().tell(Join.create(cluster.selfMember().address()));
    Player.init(testKit.system(), 4);
    ZoneCell.init(
        testKit.system(),
        ZoneCellDeps.of(SETTINGS, TestTerrains.flat("Grassland"), 42L, 4)
            .withIdleTimeout(Duration.ofSeconds(2)));
  }

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  /** Two cells sharing an edge and a point {@code metres} inside each, either side of the edge. */
  private record Border(S2CellId a, S2CellId b, GeoPosition inA, GeoPosition inB) {}

  private static Border borderNear(GeoPosition where, double metres) {
    return borderNear(where, metres, "any");
  }

  /**
   * Like {@link #borderNear(GeoPosition, double)}, with the neighbour chosen across the
   * antimeridian ({@code "antimeridian"}), a cube-face edge ({@code "face"}) or any edge.
   */
  private static Border borderNear(GeoPosition where, double metres, String across) {
    S2CellId a = SpatialCells.cellAt(where, SETTINGS.zoneLevel());
    double lngA = SpatialCells.centreOf(a).longitudeDeg();
    S2CellId b =
        SpatialCells.edgeNeighbours(a).stream()
            .filter(
                n ->
                    switch (across) {
                      case "antimeridian" -> SpatialCells.centreOf(n).longitudeDeg() * lngA < 0;
                      case "face" -> n.face() != a.face();
                      default -> true;
                    })
            .findFirst()
            .orElseThrow();
    S2Point pa = SpatialCells.centreOf(a).toUnitVector();
    S2Point pb = SpatialCells.centreOf(b).toUnitVector();
    double lo = 0.0;
    double hi = 1.0;
    for (int i = 0; i < 60; i++) {
      double mid = (lo + hi) / 2;
      if (SpatialCells.cellAt(along(pa, pb, mid), SETTINGS.zoneLevel()).equals(a)) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    double span = Sphere.EARTH.distanceMeters(SpatialCells.centreOf(a), SpatialCells.centreOf(b));
    double step = metres / span;
    GeoPosition inA = along(pa, pb, lo - step);
    GeoPosition inB = along(pa, pb, hi + step);
    assertThat(SpatialCells.cellAt(inA, SETTINGS.zoneLevel())).isEqualTo(a);
    assertThat(SpatialCells.cellAt(inB, SETTINGS.zoneLevel())).isEqualTo(b);
    return new Border(a, b, inA, inB);
  }

  /** The point a fraction {@code t} of the way from p to q on the great circle through them. */
  private static GeoPosition along(S2Point p, S2Point q, double t) {
    return GeoPosition.fromVector(
        p.getX() + t * (q.getX() - p.getX()),
        p.getY() + t * (q.getY() - p.getY()),
        p.getZ() + t * (q.getZ() - p.getZ()),
        0.0);
  }

  private static void tell(S2CellId cell, ZoneCell.Command command) {
    ClusterSharding.get(testKit.system())
        .entityRefFor(ZoneCell.ENTITY_KEY, CellIds.entityId(cell))
        .tell(command);
  }

  private static ZoneCell.Reply enter(
      S2CellId cell, String player, GeoPosition at, WireIntent intent, TestProbe<SessionEvent> s) {
    TestProbe<ZoneCell.Reply> reply = testKit.createTestProbe(ZoneCell.Reply.class);
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
    return reply.receiveMessage(WAIT);
  }

  private static ZoneCell.CellSummary summary(S2CellId cell) {
    TestProbe<ZoneCell.Reply> reply = testKit.createTestProbe(ZoneCell.Reply.class);
    tell(cell, new ZoneCell.GetCellSummary(reply.ref()));
    return (ZoneCell.CellSummary) reply.receiveMessage(WAIT);
  }

  private static List<SessionEvent> until(
      TestProbe<SessionEvent> s, java.util.function.Predicate<SessionEvent> done) {
    return s.fishForMessage(
        WAIT,
        m -> done.test(m) ? FishingOutcomes.complete() : FishingOutcomes.continueAndCollect());
  }

  @Test
  void aPlayerEntersSubmitsInputsAndReceivesAcksViewsAndCorrections() {
    GeoPosition at = SpatialCells.centreOf(SpatialCells.cellAt(GeoPosition.of(40, -3), 13));
    S2CellId cell = SpatialCells.cellAt(at, SETTINGS.zoneLevel());
    String player = UUID.randomUUID().toString();
    TestProbe<SessionEvent> s = testKit.createTestProbe(SessionEvent.class);

    assertThat(enter(cell, player, at, null, s)).isInstanceOf(ZoneCell.Entered.class);
    tell(cell, new ZoneCell.SubmitInput(player, 1, WireIntent.heading(0, 2), 0L));
    until(s, m -> m instanceof SessionEvent.InputAck a && a.lastSequence() == 1);
    until(s, m -> m instanceof SessionEvent.Snapshot);
    tell(cell, new ZoneCell.SubmitInput(player, 2, WireIntent.heading(0, 500), 0L));
    List<SessionEvent> got = until(s, m -> m instanceof SessionEvent.Correction);

    SessionEvent.Correction c = (SessionEvent.Correction) got.get(got.size() - 1);
    assertThat(c.reason()).isEqualTo("CLAMPED");
    assertThat(c.ackSequence()).isEqualTo(2);
    assertThat(summary(cell).players()).isEqualTo(1);
  }

  @ParameterizedTest(name = "{2} at ({0}, {1})")
  @CsvSource({"12, 20, any", "5, 179.9999, antimeridian", "0.5, 44.9999, face"})
  void playersInNeighbouringCellsSeeEachOther(double lat, double lng, String across) {
    Border border = borderNear(GeoPosition.of(lat, lng), 5.0, across);
    String p1 = UUID.randomUUID().toString();
    String p2 = UUID.randomUUID().toString();
    TestProbe<SessionEvent> s1 = testKit.createTestProbe(SessionEvent.class);
    TestProbe<SessionEvent> s2 = testKit.createTestProbe(SessionEvent.class);

    enter(border.a(), p1, border.inA(), null, s1);
    enter(border.b(), p2, border.inB(), null, s2);

    long id1 = PlayerIds.simulationId(p1);
    long id2 = PlayerIds.simulationId(p2);
    until(s1, m -> m instanceof SessionEvent.Snapshot v && sees(v, id2));
    until(s2, m -> m instanceof SessionEvent.Snapshot v && sees(v, id1));
    assertThat(summary(border.a()).players()).isEqualTo(1);
    assertThat(summary(border.b()).players()).isEqualTo(1);
  }

  private static boolean sees(SessionEvent.Snapshot v, long id) {
    return v.visible().stream()
        .anyMatch(e -> e.entityId() == id && e.kind() == WorldListener.Kind.PLAYER);
  }

  @Test
  void aPlayerWalkingAcrossABoundaryIsHandedOffOnceAndKeepsReceivingViews() {
    Border border = borderNear(GeoPosition.of(-33, 151), 3.0);
    String player = UUID.randomUUID().toString();
    TestProbe<SessionEvent> s = testKit.createTestProbe(SessionEvent.class);
    GeoPosition target = SpatialCells.centreOf(border.b());
    String newCell = CellIds.entityId(border.b());

    enter(
        border.a(),
        player,
        border.inA(),
        WireIntent.target(target.latitudeDeg(), target.longitudeDeg()),
        s);

    List<SessionEvent> before = until(s, m -> m instanceof SessionEvent.HandedOff);
    assertThat(before.get(before.size() - 1))
        .isEqualTo(new SessionEvent.HandedOff(PlayerIds.simulationId(player), newCell));
    // Twenty snapshots from the new cell (one second); a second handoff fails the test at once.
    int[] fromNew = {0};
    List<SessionEvent> after =
        s.fishForMessage(
            WAIT,
            m -> {
              if (m instanceof SessionEvent.HandedOff) {
                return FishingOutcomes.fail("handed off twice: " + m);
              }
              boolean fresh = m instanceof SessionEvent.Snapshot v && v.cellId().equals(newCell);
              return fresh && ++fromNew[0] == 20
                  ? FishingOutcomes.complete()
                  : FishingOutcomes.continueAndCollect();
            });
    assertThat(after)
        .filteredOn(m -> m instanceof SessionEvent.Snapshot)
        .hasSizeGreaterThanOrEqualTo(20)
        .allSatisfy(m -> assertThat(((SessionEvent.Snapshot) m).cellId()).isEqualTo(newCell));
    assertThat(summary(border.a()).players()).isZero();
    assertThat(summary(border.b()).players()).isEqualTo(1);
  }

  @Test
  void anInputSentToTheOldCellRightAfterAHandoffIsForwardedNotLost() {
    Border border = borderNear(GeoPosition.of(48, 2), 3.0);
    String player = UUID.randomUUID().toString();
    TestProbe<SessionEvent> s = testKit.createTestProbe(SessionEvent.class);
    GeoPosition target = SpatialCells.centreOf(border.b());
    enter(
        border.a(),
        player,
        border.inA(),
        WireIntent.target(target.latitudeDeg(), target.longitudeDeg()),
        s);
    until(s, m -> m instanceof SessionEvent.HandedOff);

    tell(border.a(), new ZoneCell.SubmitInput(player, 1, WireIntent.STOP, 0L));

    until(s, m -> m instanceof SessionEvent.InputAck a && a.lastSequence() == 1);
    assertThat(summary(border.b()).players()).isEqualTo(1);
  }

  @Test
  void anEmptyCellPassivatesAfterTheIdleTimeout() {
    GeoPosition at = SpatialCells.centreOf(SpatialCells.cellAt(GeoPosition.of(-40, -70), 13));
    S2CellId cell = SpatialCells.cellAt(at, SETTINGS.zoneLevel());
    String player = UUID.randomUUID().toString();
    TestProbe<SessionEvent> s = testKit.createTestProbe(SessionEvent.class);
    enter(cell, player, at, null, s);
    TestProbe<ZoneCell.Reply> reply = testKit.createTestProbe(ZoneCell.Reply.class);
    // Occupied: the cell lives well past the idle timeout (120 ticks at 60 Hz).
    reply.awaitAssert(WAIT, () -> assertThat(summary(cell).ticks()).isGreaterThan(200));
    tell(cell, new ZoneCell.LeaveCell(player, reply.ref()));
    reply.expectMessageClass(ZoneCell.Left.class, WAIT);

    // Once empty it passivates; the next query starts a fresh incarnation with few ticks.
    reply.awaitAssert(WAIT, () -> assertThat(summary(cell).ticks()).isLessThan(100));
  }

  @Test
  void leavingCheckpointsThePositionToThePlayerEntity() {
    GeoPosition at = SpatialCells.centreOf(SpatialCells.cellAt(GeoPosition.of(-10, 60), 13));
    S2CellId cell = SpatialCells.cellAt(at, SETTINGS.zoneLevel());
    String player = UUID.randomUUID().toString();
    TestProbe<Player.Reply> profile = testKit.createTestProbe(Player.Reply.class);
    ClusterSharding.get(testKit.system())
        .entityRefFor(Player.ENTITY_KEY, player)
        .tell(new Player.CreateCharacter("Aria", "Ranger", profile.ref()));
    profile.expectMessageClass(Player.Profile.class, WAIT);
    TestProbe<SessionEvent> s = testKit.createTestProbe(SessionEvent.class);
    enter(cell, player, at, null, s);

    TestProbe<ZoneCell.Reply> reply = testKit.createTestProbe(ZoneCell.Reply.class);
    tell(cell, new ZoneCell.LeaveCell(player, reply.ref()));
    reply.expectMessageClass(ZoneCell.Left.class, WAIT);

    profile.awaitAssert(
        WAIT,
        () -> {
          ClusterSharding.get(testKit.system())
              .entityRefFor(Player.ENTITY_KEY, player)
              .tell(new Player.GetProfile(profile.ref()));
          Player.Profile p = profile.expectMessageClass(Player.Profile.class, WAIT);
          assertThat(p.position()).isNotNull();
          assertThat(p.position().latitude()).isCloseTo(at.latitudeDeg(), within(1e-9));
          return null;
        });
  }

  @Test
  void aFloodOfInputsIsCountedAndTheSessionIsToldSoTheEdgeCanDisconnect() {
    GeoPosition at = SpatialCells.centreOf(SpatialCells.cellAt(GeoPosition.of(-21, -27), 13));
    S2CellId cell = SpatialCells.cellAt(at, SETTINGS.zoneLevel());
    String player = UUID.randomUUID().toString();
    TestProbe<SessionEvent> s = testKit.createTestProbe(SessionEvent.class);
    enter(cell, player, at, null, s);

    // Far more than one tick can take (32 queued): most arrive between two ticks.
    for (int seq = 1; seq <= 500; seq++) {
      tell(cell, new ZoneCell.SubmitInput(player, seq, WireIntent.STOP, 0L));
    }

    List<SessionEvent> got = until(s, m -> m instanceof SessionEvent.InputsDropped);
    SessionEvent.InputsDropped dropped = (SessionEvent.InputsDropped) got.get(got.size() - 1);
    assertThat(dropped.playerId()).isEqualTo(PlayerIds.simulationId(player));
    assertThat(dropped.dropped()).isPositive();
    assertThat(dropped.queueLimit()).isEqualTo(CellSimulation.MAX_QUEUED_INPUTS);
    assertThat(summary(cell).droppedInputs()).isPositive();
  }

  /** The summaries the node's directory lists (its live cells). */
  private static List<ZoneCell.CellSummary> listed() {
    TestProbe<Receptionist.Listing> found = testKit.createTestProbe(Receptionist.Listing.class);
    TestProbe<CellDirectory.LocalCells> cells =
        testKit.createTestProbe(CellDirectory.LocalCells.class);
    found.awaitAssert(
        WAIT,
        () -> {
          testKit
              .system()
              .receptionist()
              .tell(Receptionist.find(CellDirectory.SERVICE_KEY, found.ref()));
          Set<org.apache.pekko.actor.typed.ActorRef<CellDirectory.Command>> dirs =
              found.receiveMessage(WAIT).getServiceInstances(CellDirectory.SERVICE_KEY);
          assertThat(dirs).hasSize(1);
          dirs.iterator().next().tell(new CellDirectory.ListCells(cells.ref()));
          return null;
        });
    CellDirectory.LocalCells local = cells.receiveMessage(WAIT);
    assertThat(local.node()).isEqualTo(testKit.system().address().toString());
    return local.cells();
  }

  private static Set<String> hostedCells() {
    TestProbe<ShardRegion.CurrentShardRegionState> probe =
        testKit.createTestProbe(ShardRegion.CurrentShardRegionState.class);
    ClusterSharding.get(testKit.system())
        .shardState()
        .tell(new GetShardRegionState(ZoneCell.ENTITY_KEY, probe.ref()));
    Set<String> ids = new HashSet<>();
    probe.receiveMessage(WAIT).getShards().forEach(sh -> ids.addAll(sh.getEntityIds()));
    return ids;
  }

  @Test
  void theCellsListShowsLiveCellsOnlyAndDoesNotWakeAPassivatedOne() {
    GeoPosition at = SpatialCells.centreOf(SpatialCells.cellAt(GeoPosition.of(-33, 151), 13));
    S2CellId cell = SpatialCells.cellAt(at, SETTINGS.zoneLevel());
    String id = CellIds.entityId(cell);
    String player = UUID.randomUUID().toString();
    TestProbe<SessionEvent> s = testKit.createTestProbe(SessionEvent.class);
    enter(cell, player, at, null, s);

    assertThat(listed())
        .filteredOn(c -> c.cellId().equals(id))
        .singleElement()
        .satisfies(c -> assertThat(c.players()).isEqualTo(1));

    TestProbe<ZoneCell.Reply> reply = testKit.createTestProbe(ZoneCell.Reply.class);
    tell(cell, new ZoneCell.LeaveCell(player, reply.ref()));
    reply.expectMessageClass(ZoneCell.Left.class, WAIT);
    // Empty, it passivates after the idle timeout and drops out of the list.
    reply.awaitAssert(
        WAIT,
        () -> {
          assertThat(listed()).noneMatch(c -> c.cellId().equals(id));
          assertThat(hostedCells()).doesNotContain(id);
          return null;
        });

    // Listing again does not start it.
    assertThat(listed()).noneMatch(c -> c.cellId().equals(id));
    assertThat(hostedCells()).doesNotContain(id);
  }

  @Test
  void onOneNodeEveryMessageToANeighbourCountsAsSameNode() {
    Border border = borderNear(GeoPosition.of(12, 77), 2);
    String player = UUID.randomUUID().toString();
    TestProbe<SessionEvent> s = testKit.createTestProbe(SessionEvent.class);
    enter(
        border.a(),
        player,
        border.inA(),
        WireIntent.target(border.inB().latitudeDeg(), border.inB().longitudeDeg()),
        s);

    until(s, m -> m instanceof SessionEvent.HandedOff);

    ZoneCell.CellSummary from = summary(border.a());
    assertThat(from.sameNodeMessages()).isGreaterThan(0);
    assertThat(from.crossNodeMessages()).isZero();
    assertThat(from.node()).isEqualTo(testKit.system().address().toString());
  }
}
