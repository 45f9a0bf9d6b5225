package org.bluemarble.zone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.common.geometry.S2CellId;
import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.pekko.actor.testkit.typed.FishingOutcome;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.FishingOutcomes;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.bluemarble.edge.port.WorldListener;
import org.bluemarble.spatial.GeoPosition;
import org.bluemarble.spatial.SpatialCells;
import org.bluemarble.spatial.Sphere;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ZoneCellTest {
  private static final ActorTestKit testKit =
      ActorTestKit.create(
          // generous waits: the box is shared and each test's cell keeps ticking
          ConfigFactory.parseString("pekko.actor.testkit.typed.single-expect-default = 15s")
              .withFallback(EventSourcedBehaviorTestKit.config())
              .withFallback(ConfigFactory.parseResources("bluemarble/serialization.conf"))
              .withFallback(ConfigFactory.defaultReference()));
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final ZoneSettings SETTINGS = ZoneSettings.defaults(Sphere.EARTH);
  private static final Terrain FOREST = TestTerrains.flat("TemperateForest");
  private static final S2CellId CELL =
      SpatialCells.cellAt(GeoPosition.of(-20, 30), SETTINGS.zoneLevel());
  private static final GeoPosition CENTRE = SpatialCells.centreOf(CELL);

  private final String playerId = UUID.randomUUID().toString();
  private final RecordingOutbox outbox = new RecordingOutbox();
  private TestProbe<SessionEvent> session;
  private EventSourcedBehaviorTestKit<ZoneCell.Command, ZoneCell.Event, ZoneCell.State> kit;

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  @BeforeEach
  void newCell() {
    session = testKit.createTestProbe(SessionEvent.class);
    // Serialization checks stay on: commands, events, replies and state round-trip through CBOR.
    kit =
        EventSourcedBehaviorTestKit.create(
            testKit.system(),
            ZoneCell.create(
                CellIds.entityId(CELL), ZoneCellDeps.of(SETTINGS, FOREST, 42L, 4), outbox, null));
  }

  private ZoneCell.Reply enter(String player, GeoPosition at) {
    return kit.<ZoneCell.Reply>runCommand(
            r ->
                new ZoneCell.EnterCell(
                    player,
                    "Warrior",
                    at.latitudeDeg(),
                    at.longitudeDeg(),
                    at.altitudeMeters(),
                    0L,
                    null,
                    session.ref(),
                    r))
        .reply();
  }

  private ZoneCell.CellSummary summary() {
    return (ZoneCell.CellSummary)
        kit.<ZoneCell.Reply>runCommand(ZoneCell.GetCellSummary::new).reply();
  }

  @Test
  void acknowledgesInputsAndPushesSnapshotsOfTheArea() {
    assertThat(enter(playerId, CENTRE)).isInstanceOf(ZoneCell.Entered.class);

    kit.runCommand(new ZoneCell.SubmitInput(playerId, 1, WireIntent.heading(0, 3), 0L));

    List<SessionEvent> got =
        session.fishForMessage(
            WAIT,
            m ->
                m instanceof SessionEvent.InputAck a && a.lastSequence() == 1
                    ? FishingOutcomes.complete()
                    : FishingOutcomes.continueAndCollect());
    SessionEvent.InputAck ack = (SessionEvent.InputAck) got.get(got.size() - 1);
    assertThat(ack.playerId()).isEqualTo(PlayerIds.simulationId(playerId));
    // Heading north at 3 m/s for one input period: the ack carries where that left the player.
    assertThat(ack.latitudeDeg()).isGreaterThan(CENTRE.latitudeDeg());
    assertThat(
            Sphere.EARTH.distanceMeters(
                CENTRE, GeoPosition.of(ack.latitudeDeg(), ack.longitudeDeg())))
        .isCloseTo(0.3, within(1e-6));
    assertThat(ack.headingDeg()).isCloseTo(0.0, within(0.01));
    assertThat(ack.serverTick()).isPositive();
    List<SessionEvent> views =
        session.fishForMessage(
            WAIT,
            m ->
                m instanceof SessionEvent.Snapshot
                    ? FishingOutcomes.complete()
                    : FishingOutcomes.continueAndIgnore());
    SessionEvent.Snapshot snapshot = (SessionEvent.Snapshot) views.get(views.size() - 1);
    assertThat(snapshot.cellId()).isEqualTo(CellIds.entityId(CELL));
    assertThat(snapshot.playerId()).isEqualTo(PlayerIds.simulationId(playerId));
    // The player's own entity is in its snapshots, as EnteredWorld promises.
    assertThat(snapshot.visible())
        .extracting(WorldListener.SeenEntity::entityId)
        .containsOnlyOnce(PlayerIds.simulationId(playerId));
    assertThat(summary().players()).isEqualTo(1);
  }

  @Test
  void inputsPutIntoTheCellsInboxMoveThePlayerWithoutAMessageAndCloseWithTheCell() {
    assertThat(enter(playerId, CENTRE)).isInstanceOf(ZoneCell.Entered.class);
    CellInboxes inboxes = CellInboxes.get(testKit.system());
    String cellId = CellIds.entityId(CELL);

    // No SubmitInput command reaches the cell: the input goes into its inbox, drained by the tick.
    assertThat(
            inboxes.offer(
                cellId, new ZoneCell.SubmitInput(playerId, 1, WireIntent.heading(0, 3), 0L)))
        .isTrue();

    List<SessionEvent> got =
        session.fishForMessage(
            WAIT,
            m ->
                m instanceof SessionEvent.InputAck a && a.lastSequence() == 1
                    ? FishingOutcomes.complete()
                    : FishingOutcomes.continueAndIgnore());
    SessionEvent.InputAck ack = (SessionEvent.InputAck) got.get(got.size() - 1);
    assertThat(
            Sphere.EARTH.distanceMeters(
                CENTRE, GeoPosition.of(ack.latitudeDeg(), ack.longitudeDeg())))
        .isCloseTo(0.3, within(1e-6));
    assertThat(ack.latitudeDeg()).isGreaterThan(CENTRE.latitudeDeg());

    CellInbox before = inboxes.find(cellId);

    kit.restart();

    // The stopped incarnation's inbox is closed (a session holding it falls back to sharding) and
    // the new incarnation takes its inputs through an inbox of its own.
    assertThat(before.isClosed()).isTrue();
    assertThat(before.offer(new ZoneCell.SubmitInput(playerId, 2, WireIntent.STOP, 0L))).isFalse();
    assertThat(inboxes.find(cellId)).isNotNull().isNotSameAs(before);
    assertThat(inboxes.find(cellId).isClosed()).isFalse();
  }

  @Test
  void snapshotsCarryEachEntitysQuantisedStateAndKeepItWhileItStandsStill() {
    String other = UUID.randomUUID().toString();
    enter(playerId, CENTRE);
    enter(other, GeoPosition.of(CENTRE.latitudeDeg() + 0.0005, CENTRE.longitudeDeg()));
    long me = PlayerIds.simulationId(playerId);
    long them = PlayerIds.simulationId(other);
    List<SessionEvent> got =
        session.fishForMessage(
            WAIT,
            new java.util.function.Function<SessionEvent, FishingOutcome>() {
              private int mine;

              @Override
              public FishingOutcome apply(SessionEvent m) {
                if (m instanceof SessionEvent.Snapshot s
                    && s.playerId() == me
                    && s.visible().stream().anyMatch(v -> v.entityId() == them)) {
                  return ++mine == 2
                      ? FishingOutcomes.complete()
                      : FishingOutcomes.continueAndCollect();
                }
                return FishingOutcomes.continueAndIgnore();
              }
            });
    SessionEvent.Snapshot first = (SessionEvent.Snapshot) got.get(0);
    SessionEvent.Snapshot second = (SessionEvent.Snapshot) got.get(1);
    assertThat(second.tick()).isGreaterThan(first.tick());
    WorldListener.SeenEntity standing = entry(second, them);
    // Quantised once by the cell, as the edge would have (same radius as EnteredWorld's).
    assertThat(standing.state())
        .isEqualTo(
            new org.bluemarble.protocol.snapshot.Quantiser(Sphere.EARTH.radiusMeters())
                .quantise(
                    them,
                    standing.latitudeDeg(),
                    standing.longitudeDeg(),
                    standing.altitudeMeters(),
                    standing.headingDeg()));
    // It did not move: the same state instance, which every encoder compares by identity.
    assertThat(standing.state()).isSameAs(entry(first, them).state());
  }

  private static WorldListener.SeenEntity entry(SessionEvent.Snapshot s, long id) {
    return s.visible().stream().filter(v -> v.entityId() == id).findFirst().orElseThrow();
  }

  @Test
  void correctsASpeedHack() {
    enter(playerId, CENTRE);

    kit.runCommand(new ZoneCell.SubmitInput(playerId, 1, WireIntent.heading(90, 1000), 0L));

    List<SessionEvent> got =
        session.fishForMessage(
            WAIT,
            m ->
                m instanceof SessionEvent.Correction
                    ? FishingOutcomes.complete()
                    : FishingOutcomes.continueAndCollect());
    SessionEvent.Correction c = (SessionEvent.Correction) got.get(got.size() - 1);
    assertThat(c.reason()).isEqualTo("CLAMPED");
    assertThat(c.ackSequence()).isEqualTo(1);
  }

  @Test
  void rejectsAnUnknownClassAndAPositionOutsideTheCell() {
    ZoneCell.Reply badClass =
        kit.<ZoneCell.Reply>runCommand(
                r -> new ZoneCell.EnterCell(playerId, "Bard", 0, 0, 0, 0, null, session.ref(), r))
            .reply();
    ZoneCell.Reply outside = enter(playerId, GeoPosition.of(50, 50));
    ZoneCell.Reply nan =
        kit.<ZoneCell.Reply>runCommand(
                r ->
                    new ZoneCell.EnterCell(
                        playerId, "Mage", Double.NaN, 0, 0, 0, null, session.ref(), r))
            .reply();

    assertThat(List.of(badClass, outside, nan))
        .allSatisfy(
            r ->
                assertThat(r)
                    .isInstanceOfSatisfying(
                        ZoneCell.Rejected.class,
                        x -> assertThat(x.reason()).isEqualTo(ZoneCell.Reason.INVALID_INPUT)));
    assertThat(summary().players()).isZero();
  }

  @Test
  void locatingAPlayerTellsWhereItStandsAndLeavesItInTheWorld() {
    enter(playerId, CENTRE);

    ZoneCell.Reply located =
        kit.<ZoneCell.Reply>runCommand(r -> new ZoneCell.Locate(playerId, r)).reply();
    ZoneCell.Reply stranger =
        kit.<ZoneCell.Reply>runCommand(r -> new ZoneCell.Locate("nobody-here", r)).reply();

    assertThat(located)
        .isInstanceOfSatisfying(
            ZoneCell.Located.class,
            l -> {
              assertThat(l.playerId()).isEqualTo(playerId);
              assertThat(l.latitudeDeg()).isCloseTo(CENTRE.latitudeDeg(), within(1e-9));
              assertThat(l.longitudeDeg()).isCloseTo(CENTRE.longitudeDeg(), within(1e-9));
            });
    assertThat(stranger)
        .isInstanceOfSatisfying(
            ZoneCell.Rejected.class,
            r -> assertThat(r.reason()).isEqualTo(ZoneCell.Reason.NOT_HERE));
    assertThat(summary().players()).isEqualTo(1);
  }

  @Test
  void leavingCheckpointsThePositionToThePlayer() {
    enter(playerId, CENTRE);

    ZoneCell.Reply left =
        kit.<ZoneCell.Reply>runCommand(r -> new ZoneCell.LeaveCell(playerId, r)).reply();
    ZoneCell.Reply again =
        kit.<ZoneCell.Reply>runCommand(r -> new ZoneCell.LeaveCell(playerId, r)).reply();

    assertThat(left).isInstanceOf(ZoneCell.Left.class);
    assertThat(again).isInstanceOf(ZoneCell.Rejected.class);
    assertThat(outbox.checkpoints)
        .singleElement()
        .satisfies(c -> assertThat(c.playerId()).isEqualTo(playerId));
    assertThat(summary().players()).isZero();
  }

  @Test
  void persistsDepletionAndRecoversItAfterRestart() {
    long node = new CellSimulation(CELL, SETTINGS, FOREST, 42L).resources().views().get(0).id();
    enter(playerId, CENTRE);

    var result =
        kit.<ZoneCell.Reply>runCommand(r -> new ZoneCell.Harvest(playerId, node, 1_000_000, r));

    assertThat(result.reply()).isInstanceOf(ZoneCell.Harvested.class);
    assertThat(result.events())
        .hasSize(2)
        .allSatisfy(
            e -> assertThat(e).hasFieldOrPropertyWithValue("cellId", CellIds.entityId(CELL)));
    assertThat(result.events().get(1)).isInstanceOf(ZoneCell.ResourceDepleted.class);

    kit.restart();
    enter(playerId, CENTRE);
    ZoneCell.Reply again =
        kit.<ZoneCell.Reply>runCommand(r -> new ZoneCell.Harvest(playerId, node, 1, r)).reply();

    assertThat(summary().depletedNodes()).isEqualTo(1);
    assertThat(again).isInstanceOf(ZoneCell.Rejected.class);
  }

  private static List<ZoneCell.CombatDamaged> damageSummaries(
      EventSourcedBehaviorTestKit<ZoneCell.Command, ZoneCell.Event, ZoneCell.State> kit) {
    return kit
        .persistenceTestKit()
        .persistedInStorage("ZoneCell|" + CellIds.entityId(CELL))
        .stream()
        .filter(ZoneCell.CombatDamaged.class::isInstance)
        .map(ZoneCell.CombatDamaged.class::cast)
        .toList();
  }

  @Test
  void theDamageSummaryNotYetDueIsJournaledWhenTheCellStops() {
    // deserts are open PvP zones: two players may fight
    // the cell's own reference, to stop it without the kit (which would wait its whole expect
    // timeout for the state of a stopped actor)
    java.util.concurrent.atomic.AtomicReference<ActorRef<ZoneCell.Command>> self =
        new java.util.concurrent.atomic.AtomicReference<>();
    EventSourcedBehaviorTestKit<ZoneCell.Command, ZoneCell.Event, ZoneCell.State> desert =
        EventSourcedBehaviorTestKit.create(
            testKit.system(),
            Behaviors.setup(
                ctx -> {
                  self.set(ctx.getSelf());
                  return ZoneCell.create(
                      CellIds.entityId(CELL),
                      ZoneCellDeps.of(SETTINGS, TestTerrains.flat("Desert"), 42L, 4),
                      outbox,
                      null);
                }));
    String other = UUID.randomUUID().toString();
    for (String p : List.of(playerId, other)) {
      GeoPosition at =
          p.equals(playerId)
              ? CENTRE
              : GeoPosition.of(CENTRE.latitudeDeg() + 0.00001, CENTRE.longitudeDeg());
      desert.<ZoneCell.Reply>runCommand(
          r ->
              new ZoneCell.EnterCell(
                  p,
                  "Warrior",
                  at.latitudeDeg(),
                  at.longitudeDeg(),
                  0,
                  0L,
                  null,
                  session.ref(),
                  r));
    }
    long them = PlayerIds.simulationId(other);
    boolean hit = false;
    // Until a strike hits: a miss leaves the strike on its 1 s cooldown, and the tries refused
    // meanwhile come back within a tick each, so a count of tries would run out before it ends.
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    for (int i = 0; !hit && System.nanoTime() < deadline; i++) {
      desert.runCommand(new ZoneCell.UseAbility(playerId, "strike", them, i + 1));
      List<SessionEvent> got =
          session.fishForMessage(
              WAIT,
              m ->
                  m instanceof SessionEvent.CombatFeed f
                          && f.facts().stream()
                              .anyMatch(
                                  x ->
                                      x instanceof org.bluemarble.zone.combat.CombatFact.AbilityUsed
                                          || x
                                              instanceof
                                              org.bluemarble.zone.combat.CombatFact.Refused)
                      ? FishingOutcomes.complete()
                      : FishingOutcomes.continueAndIgnore());
      SessionEvent.CombatFeed feed = (SessionEvent.CombatFeed) got.get(got.size() - 1);
      hit =
          feed.facts().stream()
              .anyMatch(org.bluemarble.zone.combat.CombatFact.Hit.class::isInstance);
    }
    assertThat(hit).as("a strike hit").isTrue();

    int before = damageSummaries(desert).size();
    TestProbe<Object> watcher = testKit.createTestProbe();
    self.get().tell(ZoneCell.Stop.INSTANCE);
    watcher.expectTerminated(self.get(), WAIT);

    assertThat(damageSummaries(desert))
        .hasSize(before + 1)
        .last()
        .satisfies(
            e -> {
              ZoneCell.CombatDamaged d = (ZoneCell.CombatDamaged) e;
              assertThat(d.cellId()).isEqualTo(CellIds.entityId(CELL));
              assertThat(d.abilities())
                  .anySatisfy(
                      a -> {
                        assertThat(a.abilityId()).isEqualTo("strike");
                        assertThat(a.hits()).isPositive();
                      });
            });
  }

  @Test
  void lootOwedToAnOfflinePlayerIsPostedOnRecoveryAndAgainUntilItsHoldingsCreditItOnce() {
    String holder = UUID.randomUUID().toString();
    var holdings =
        testKit.spawn(
            org.bluemarble.market.holdings.Holdings.create(
                holder,
                "holdings-0",
                org.bluemarble.market.inventory.ItemCatalog.loadDefault(),
                java.time.Clock.systemUTC()));
    java.util.concurrent.atomic.AtomicInteger posts =
        new java.util.concurrent.atomic.AtomicInteger();
    outbox.holdings =
        leg ->
            posts.incrementAndGet() == 1
                // the first answer is lost (an ask timeout): the cell must post again
                ? java.util.concurrent.CompletableFuture.failedFuture(
                    new java.util.concurrent.TimeoutException("lost"))
                : org.apache.pekko.actor.typed.javadsl.AskPattern.ask(
                    holdings,
                    r -> new org.bluemarble.market.holdings.Holdings.Post(leg, r),
                    WAIT,
                    testKit.scheduler());
    String key = "loot:2a:-7:1234";
    // the kill was journaled while the player was offline (it never entered this incarnation)
    kit.persistenceTestKit()
        .persistForRecovery(
            "ZoneCell|" + CellIds.entityId(CELL),
            List.of(
                new ZoneCell.CombatLooted(
                    CellIds.entityId(CELL),
                    1234,
                    PlayerIds.simulationId(holder),
                    -7,
                    key,
                    17,
                    List.of(new org.bluemarble.market.inventory.ItemStack("linen_cloth", 2)),
                    java.time.Instant.now(),
                    holder)));
    kit.restart(); // recovers the journaled loot

    TestProbe<org.bluemarble.market.holdings.HoldingsView> view =
        testKit.createTestProbe(org.bluemarble.market.holdings.HoldingsView.class);
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              holdings.tell(new org.bluemarble.market.holdings.Holdings.GetHoldings(view.ref()));
              var v = view.receiveMessage(WAIT);
              assertThat(v.copper()).isEqualTo(17);
              assertThat(v.items()).containsEntry("linen_cloth", 2);
            });
    org.awaitility.Awaitility.await()
        .atMost(WAIT)
        .untilAsserted(() -> assertThat(kit.getState().owed()).isEmpty());
    assertThat(posts.get()).as("posted on recovery, then again after the lost answer").isEqualTo(2);

    kit.restart(); // settled: nothing is posted again
    assertThat(kit.getState().owed()).isEmpty();
    assertThat(posts.get()).isEqualTo(2);
    holdings.tell(new org.bluemarble.market.holdings.Holdings.GetHoldings(view.ref()));
    var credited = view.receiveMessage(WAIT);
    assertThat(credited.copper()).isEqualTo(17);
    assertThat(credited.legsApplied()).as("credited exactly once").isEqualTo(1);
  }

  @Test
  void sessionEventsAndNeighbourMessagesRoundTripThroughCbor() {
    List<Object> messages =
        List.of(
            new SessionEvent.InputAck(1L, 2L, 1.5, 2.5, 3.0, 90.0, 7L),
            new SessionEvent.Correction(1L, 1.5, 2.5, 3.0, 4L, "CLAMPED", 45.0),
            new SessionEvent.Snapshot(
                "47a1c",
                9L,
                1L,
                List.of(
                    new WorldListener.SeenEntity(
                        -3L,
                        WorldListener.Kind.NPC,
                        1,
                        2,
                        3,
                        90,
                        new org.bluemarble.protocol.snapshot.EntityState(-3L, 10, 20, 30, 16_384))),
                DayPhase.values()[0]),
            new SessionEvent.EntityEntered(1L, 2L),
            new SessionEvent.EntityLeft(1L, 2L),
            new SessionEvent.HandedOff(1L, "47a1d"),
            new ZoneCell.Ghosts(
                "47a1c", List.of(new GhostEntry(5L, EntityKind.PLAYER, 1, 2, 0, 45, 3))),
            new ZoneCell.SubmitInput(playerId, 3L, WireIntent.heading(Double.NaN, 1), 0L));

    for (Object m : messages) {
      assertThat(testKit.serializationTestKit().verifySerialization(m, true)).isEqualTo(m);
    }
  }
}
