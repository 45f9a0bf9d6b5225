package org.bluemarble.zone;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.bluemarble.edge.port.WorldListener;
import org.bluemarble.spatial.GeoPosition;
import org.bluemarble.spatial.Sphere;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SessionPushTest {
  private static final ActorTestKit testKit = ActorTestKit.create("SessionPushTest");

  @AfterAll
  static void stop() {
    testKit.shutdownTestKit();
  }

  /**
   * The AOI result comes in id order, and the player's own entity joins it at its place in that
   * order, so the edge's encoder gets every observer's entities sorted and need not sort them.
   */
  @ParameterizedTest
  @ValueSource(longs = {1, 10, 99})
  void aSnapshotListsTheVisibleEntitiesAndTheOwnOneInAscendingIdOrder(long me) {
    long[] others = {5, 9, 12, 20};
    CellPopulation population = new CellPopulation(8);
    GeoPosition here = GeoPosition.of(-21, -27);
    for (long id : others) {
      population.upsert(id, EntityKind.PLAYER, false, Sphere.EARTH.destination(here, id, 20), 0, 0);
    }
    population.upsert(me, EntityKind.PLAYER, false, here, 0, 0);
    int[] slots = new int[others.length];
    for (int i = 0; i < others.length; i++) {
      slots[i] = population.slotOf(others[i]);
    }
    TestProbe<SessionEvent> session = testKit.createTestProbe();
    CellRoster roster = new CellRoster();
    roster.add(me, new CellRoster.Link("p" + me, session.ref()));
    InterestSet.Diff diff = new InterestSet.Diff(new long[0], new long[0], others, slots);
    TickReport report =
        new TickReport(
            7,
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(new TickReport.PlayerView(me, diff)),
            List.of(),
            List.of(),
            0);

    new SessionPush(Sphere.EARTH.radiusMeters())
        .push(report, population, roster, "c", DayPhase.DAY);

    SessionEvent.Snapshot snapshot =
        session.expectMessageClass(SessionEvent.Snapshot.class, Duration.ofSeconds(10));
    List<Long> ids = snapshot.visible().stream().map(WorldListener.SeenEntity::entityId).toList();
    assertThat(ids).isSorted().containsExactlyInAnyOrder(5L, 9L, 12L, 20L, me);
    assertThat(snapshot.visible()).allMatch(e -> e.state() != null);
  }
}
