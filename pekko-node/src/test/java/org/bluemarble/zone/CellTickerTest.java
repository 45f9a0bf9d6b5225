package org.bluemarble.zone;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.geometry.S2Cell;
import com.google.common.geometry.S2CellId;
import com.google.common.geometry.S2Point;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.FishingOutcomes;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.bluemarble.player.CharacterClass;
import org.bluemarble.spatial.GeoPosition;
import org.bluemarble.spatial.SpatialCells;
import org.bluemarble.spatial.Sphere;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The actor-side tick work of a cell, driven by hand (no timers), with probes as sessions. */
class CellTickerTest {
  private static final ActorTestKit testKit = ActorTestKit.create("CellTickerTest");
  private static final ZoneSettings SETTINGS = ZoneSettings.defaults(Sphere.EARTH);
  private static final S2CellId CELL =
      SpatialCells.cellAt(GeoPosition.of(12, 20), SETTINGS.zoneLevel());
  private static final long PLAYER = 7L;

  private final RecordingOutbox outbox = new RecordingOutbox();
  private final CellRoster roster = new CellRoster();
  private final CellSimulation sim =
      new CellSimulation(CELL, SETTINGS, TestTerrains.flat("Grassland"), 42L);
  private final TestProbe<SessionEvent> session = testKit.createTestProbe(SessionEvent.class);
  private final TestProbe<ZoneCell.Reply> receipt = testKit.createTestProbe(ZoneCell.Reply.class);
  private final AtomicBoolean stopping = new AtomicBoolean();
  private final CellTicker ticker =
      new CellTicker(
          sim,
          roster,
          ZoneCellDeps.of(SETTINGS, TestTerrains.flat("Grassland"), 42L, 4),
          outbox,
          id -> receipt.ref(),
          () -> {},
          stopping::get,
          LoggerFactory.getLogger(CellTickerTest.class));
  private long now = 1_700_000_000L;

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  /** The point a fraction {@code t} of the way from the cell's centre to its first vertex. */
  private static GeoPosition towardsCorner(double t) {
    S2Point c = SpatialCells.centreOf(CELL).toUnitVector();
    S2Point v = new S2Cell(CELL).getVertex(0);
    return GeoPosition.fromVector(
        c.getX() + t * (v.getX() - c.getX()),
        c.getY() + t * (v.getY() - c.getY()),
        c.getZ() + t * (v.getZ() - c.getZ()),
        0.0);
  }

  private void enterNearTheCorner(MovementInput.Intent intent) {
    sim.enter(PLAYER, CharacterClass.WARRIOR, towardsCorner(0.995), 0L, intent);
    roster.add(PLAYER, new CellRoster.Link("p-7", session.ref()));
  }

  private void tick() {
    ticker.tick(Instant.ofEpochSecond(now++));
  }

  private long ghostBatchesSent() {
    return outbox.sent.stream().filter(s -> s.command() instanceof ZoneCell.Ghosts).count();
  }

  @Test
  void sendsGhostsToNeighboursUntilTheNodeShutsDown() {
    enterNearTheCorner(null);
    for (int i = 0; i < 6; i++) {
      tick();
    }
    long before = ghostBatchesSent();
    assertThat(before).isPositive();

    stopping.set(true);
    for (int i = 0; i < 12; i++) {
      tick();
    }

    assertThat(ghostBatchesSent()).isEqualTo(before);
  }

  @Test
  void keepsAPlayerWhoseHandoffIsRefusedAndTellsItsSession() {
    GeoPosition beyond = towardsCorner(1.2);
    enterNearTheCorner(new MovementInput.Target(beyond.latitudeDeg(), beyond.longitudeDeg()));
    for (int i = 0; i < 600 && sim.playerCount() == 1; i++) {
      tick();
    }
    assertThat(sim.playerCount()).isZero();
    RecordingOutbox.Sent enter =
        outbox.sent.stream()
            .filter(s -> s.command() instanceof ZoneCell.EnterCell)
            .findFirst()
            .orElseThrow();
    assertThat(((ZoneCell.EnterCell) enter.command()).replyTo()).isEqualTo(receipt.ref());
    session.fishForMessage(
        Duration.ofSeconds(5),
        m ->
            m instanceof SessionEvent.HandedOff
                ? FishingOutcomes.complete()
                : FishingOutcomes.continueAndIgnore());

    ticker.handoffAnswered(
        PLAYER, new ZoneCell.Rejected(ZoneCell.Reason.INVALID_INPUT, "already there"));

    assertThat(sim.playerCount()).isEqualTo(1);
    assertThat(roster.get(PLAYER)).isNotNull();
    assertThat(session.receiveMessage())
        .isEqualTo(new SessionEvent.HandedOff(PLAYER, CellIds.entityId(CELL)));
    SessionEvent.Correction c = (SessionEvent.Correction) session.receiveMessage();
    assertThat(c.reason()).isEqualTo(CellTicker.HANDOFF_REFUSED);
    assertThat(
            Sphere.EARTH.distanceMeters(
                sim.positionOf(PLAYER), GeoPosition.of(c.latitudeDeg(), c.longitudeDeg())))
        .isLessThan(0.01);
    // Standing where it left, the player is not handed off again by itself.
    tick();
    assertThat(sim.playerCount()).isEqualTo(1);
  }

  @Test
  void anAcceptedHandoffIsForgottenAndAnswersAfterItChangeNothing() {
    GeoPosition beyond = towardsCorner(1.2);
    enterNearTheCorner(new MovementInput.Target(beyond.latitudeDeg(), beyond.longitudeDeg()));
    for (int i = 0; i < 600 && sim.playerCount() == 1; i++) {
      tick();
    }

    ticker.handoffAnswered(PLAYER, new ZoneCell.Entered("x", "p-7", PLAYER));
    ticker.handoffAnswered(
        PLAYER, new ZoneCell.Rejected(ZoneCell.Reason.INVALID_INPUT, "late duplicate"));

    assertThat(sim.playerCount()).isZero();
    assertThat(roster.get(PLAYER)).isNull();
  }

  @Test
  void countsInputsDroppedFromAFloodAndTellsTheSessionOncePerTick() {
    enterNearTheCorner(null);
    int sent = CellSimulation.MAX_QUEUED_INPUTS + 10;
    for (int seq = 1; seq <= sent; seq++) {
      MovementInput input = new MovementInput(seq, MovementInput.Stop.INSTANCE, 0L);
      if (!sim.offer(PLAYER, input)) {
        ticker.inputDropped(PLAYER);
      }
    }

    tick();

    SessionEvent.InputsDropped dropped =
        (SessionEvent.InputsDropped)
            session
                .fishForMessage(
                    Duration.ofSeconds(5),
                    m ->
                        m instanceof SessionEvent.InputsDropped
                            ? FishingOutcomes.complete()
                            : FishingOutcomes.continueAndIgnore())
                .get(0);
    assertThat(dropped).isEqualTo(new SessionEvent.InputsDropped(PLAYER, 10, 32));
    assertThat(ticker.summary(0, "local").droppedInputs()).isEqualTo(10);
  }
}
