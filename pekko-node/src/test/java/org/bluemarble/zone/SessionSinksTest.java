package org.bluemarble.zone;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.geometry.S2CellId;
import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.pekko.actor.testkit.typed.FishingOutcome;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.FishingOutcomes;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.bluemarble.spatial.GeoPosition;
import org.bluemarble.spatial.SpatialCells;
import org.bluemarble.spatial.Sphere;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A cell calls the sink a session registered on its node for acknowledgements and snapshots instead
 * of telling the session's actor, and falls back to telling once the sink is gone.
 */
class SessionSinksTest {
  private static final ActorTestKit testKit =
      ActorTestKit.create(
          EventSourcedBehaviorTestKit.config()
              .withFallback(ConfigFactory.parseResources("bluemarble/serialization.conf"))
              .withFallback(ConfigFactory.defaultReference()));
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final ZoneSettings SETTINGS = ZoneSettings.defaults(Sphere.EARTH);
  private static final S2CellId CELL =
      SpatialCells.cellAt(GeoPosition.of(12, -40), SETTINGS.zoneLevel());
  private static final GeoPosition CENTRE = SpatialCells.centreOf(CELL);

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  @Test
  void aRegisteredSinkGetsTheHotEventsDirectlyAndTheActorGetsThemAgainOnceItIsRemoved()
      throws InterruptedException {
    String playerId = UUID.randomUUID().toString();
    TestProbe<SessionEvent> session = testKit.createTestProbe(SessionEvent.class);
    BlockingQueue<SessionEvent> direct = new LinkedBlockingQueue<>();
    SessionSinks.Sink sink = direct::add;
    SessionSinks sinks = SessionSinks.get(testKit.system());
    sinks.register(session.ref(), sink);
    var kit =
        EventSourcedBehaviorTestKit.<ZoneCell.Command, ZoneCell.Event, ZoneCell.State>create(
            testKit.system(),
            ZoneCell.create(
                CellIds.entityId(CELL),
                ZoneCellDeps.of(SETTINGS, TestTerrains.flat("TemperateForest"), 42L, 4),
                new RecordingOutbox(),
                null));
    assertThat(
            kit.<ZoneCell.Reply>runCommand(
                    r ->
                        new ZoneCell.EnterCell(
                            playerId,
                            "Warrior",
                            CENTRE.latitudeDeg(),
                            CENTRE.longitudeDeg(),
                            CENTRE.altitudeMeters(),
                            0L,
                            null,
                            session.ref(),
                            r))
                .reply())
        .isInstanceOf(ZoneCell.Entered.class);
    kit.runCommand(new ZoneCell.SubmitInput(playerId, 1, WireIntent.heading(0, 3), 0L));

    awaitDirect(direct, e -> e instanceof SessionEvent.InputAck a && a.lastSequence() == 1);
    awaitDirect(direct, e -> e instanceof SessionEvent.Snapshot);
    // Nothing of it went through the actor while the sink was registered.
    session.expectNoMessage(Duration.ofMillis(300));

    sinks.remove(session.ref(), sink);
    fish(session, e -> e instanceof SessionEvent.Snapshot);
  }

  private static void awaitDirect(BlockingQueue<SessionEvent> queue, Predicate<SessionEvent> wanted)
      throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      SessionEvent e = queue.poll(100, TimeUnit.MILLISECONDS);
      if (e != null && wanted.test(e)) {
        return;
      }
    }
    throw new AssertionError("the sink got no such event within " + WAIT);
  }

  private static void fish(TestProbe<SessionEvent> probe, Predicate<SessionEvent> wanted) {
    probe.fishForMessage(
        WAIT,
        m -> {
          FishingOutcome out =
              wanted.test(m) ? FishingOutcomes.complete() : FishingOutcomes.continueAndIgnore();
          return out;
        });
  }
}
