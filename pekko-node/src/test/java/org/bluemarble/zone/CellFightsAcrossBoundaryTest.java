package org.bluemarble.zone;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.geometry.S2CellId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.bluemarble.combat.Refusal;
import org.bluemarble.player.CharacterClass;
import org.bluemarble.spatial.GeoPosition;
import org.bluemarble.spatial.SpatialCells;
import org.bluemarble.spatial.Sphere;
import org.bluemarble.zone.combat.CombatFact;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Combat across a cell boundary: the attacker's cell checks an ability on a neighbour's entity
 * against its ghost and forwards it; the owning cell checks again against the attacker's ghost and
 * resolves it in its tick; the attacker's session hears the outcome from there. Real cells (their
 * {@link CellTicker}s) exchange ghosts and forwarded abilities as {@link ZoneCell}s do, delivered
 * after every cell has ticked.
 */
class CellFightsAcrossBoundaryTest {
  // A loaded box (2 cores shared by many builds) once took over the default 5 s to start the
  // logger: every test of the class failed in its set-up.
  private static final ActorTestKit testKit =
      ActorTestKit.create(
          "CellFightsAcrossBoundaryTest",
          com.typesafe.config.ConfigFactory.parseString("pekko.logger-startup-timeout = 30s")
              .withFallback(ActorTestKit.applicationTestConfig()));
  private static final ZoneSettings SETTINGS = ZoneSettings.defaults(Sphere.EARTH);
  private static final double R = Sphere.EARTH.radiusMeters();
  // deserts are open PvP zones
  private static final Terrain DESERT = TestTerrains.flat("Desert");

  /** Cells of one planet, ticked in lock step, with their messages to each other delivered. */
  private static final class Cells {
    final Map<S2CellId, CellTicker> tickers = new LinkedHashMap<>();
    final Map<S2CellId, CellSimulation> sims = new LinkedHashMap<>();
    final Map<S2CellId, CellRoster> rosters = new LinkedHashMap<>();
    final Map<S2CellId, RecordingOutbox> outboxes = new LinkedHashMap<>();
    final List<ZoneCell.AbilityFromNeighbour> forwarded = new ArrayList<>();
    long now = 1_700_000_000L;

    CellTicker cell(S2CellId id) {
      return tickers.computeIfAbsent(
          id,
          c -> {
            CellSimulation sim = new CellSimulation(c, SETTINGS, DESERT, 42L);
            RecordingOutbox outbox = new RecordingOutbox();
            CellRoster roster = new CellRoster();
            sims.put(c, sim);
            rosters.put(c, roster);
            outboxes.put(c, outbox);
            return new CellTicker(
                sim,
                roster,
                ZoneCellDeps.of(SETTINGS, DESERT, 42L, 4),
                outbox,
                x -> testKit.<ZoneCell.Reply>createTestProbe().ref(),
                () -> {},
                () -> false,
                LoggerFactory.getLogger(CellFightsAcrossBoundaryTest.class));
          });
    }

    TestProbe<SessionEvent> enter(long id, CharacterClass cls, GeoPosition at) {
      S2CellId c = SpatialCells.cellAt(at, SETTINGS.zoneLevel());
      cell(c);
      TestProbe<SessionEvent> probe = testKit.createTestProbe(SessionEvent.class);
      sims.get(c).enter(id, cls, at, 0L, null);
      rosters.get(c).add(id, new CellRoster.Link("p-" + id, probe.ref()));
      return probe;
    }

    void tick() {
      Instant t = Instant.ofEpochSecond(now++);
      for (CellTicker ticker : List.copyOf(tickers.values())) {
        ticker.tick(t);
      }
      for (Map.Entry<S2CellId, RecordingOutbox> e : outboxes.entrySet()) {
        for (RecordingOutbox.Sent s = e.getValue().sent.poll();
            s != null;
            s = e.getValue().sent.poll()) {
          CellTicker to = tickers.get(s.cell());
          if (to == null) {
            continue; // a cell nobody started here
          }
          if (s.command() instanceof ZoneCell.Ghosts g) {
            to.ghostsReceived(CellMessages.batchOf(g, s.cell()));
          } else if (s.command() instanceof ZoneCell.AbilityFromNeighbour a) {
            forwarded.add(a);
            to.fights().visit(a);
          }
        }
      }
    }
  }

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  /** {@code from} moved {@code meters} along the surface towards {@code bearingDeg}. */
  private static GeoPosition offset(GeoPosition from, double bearingDeg, double meters) {
    double b = Math.toRadians(bearingDeg);
    double dLat = Math.toDegrees(meters * Math.cos(b) / R);
    double dLng =
        Math.toDegrees(meters * Math.sin(b) / (R * Math.cos(Math.toRadians(from.latitudeDeg()))));
    return GeoPosition.of(from.latitudeDeg() + dLat, from.longitudeDeg() + dLng);
  }

  /** The first point north of {@code start} (in 0.25 m steps) in another zone cell. */
  private static GeoPosition boundaryNorthOf(GeoPosition start) {
    S2CellId cell = SpatialCells.cellAt(start, SETTINGS.zoneLevel());
    for (int i = 1; ; i++) {
      GeoPosition p = offset(start, 0, i * 0.25);
      if (!SpatialCells.cellAt(p, SETTINGS.zoneLevel()).equals(cell)) {
        return p;
      }
    }
  }

  private static S2CellId cellAt(GeoPosition p) {
    return SpatialCells.cellAt(p, SETTINGS.zoneLevel());
  }

  /** Ticks until the attacker's cell sees the target as a ghost and the other way round. */
  private static void seeEachOther(Cells cells, long a, GeoPosition aAt, long b, GeoPosition bAt) {
    for (int i = 0; i < 20; i++) {
      cells.tick();
    }
    assertThat(cells.sims.get(cellAt(aAt)).population().contains(b)).isTrue();
    assertThat(cells.sims.get(cellAt(bAt)).population().contains(a)).isTrue();
  }

  /** Everything the probe got in combat feeds within a short while, in order. */
  private static List<SessionEvent.CombatFeed> feeds(TestProbe<SessionEvent> probe) {
    List<SessionEvent.CombatFeed> out = new ArrayList<>();
    Duration wait = Duration.ofSeconds(3); // the first one may take a while on a loaded box
    while (true) {
      SessionEvent m;
      try {
        m = probe.receiveMessage(wait);
        wait = Duration.ofMillis(300);
      } catch (AssertionError e) {
        return out;
      }
      if (m instanceof SessionEvent.CombatFeed f) {
        out.add(f);
      }
    }
  }

  private static List<CombatFact> facts(List<SessionEvent.CombatFeed> feeds) {
    return feeds.stream().flatMap(f -> f.facts().stream()).toList();
  }

  private static void aShotAcrossTheBoundaryHits(GeoPosition attackerAt, GeoPosition targetAt) {
    assertThat(cellAt(attackerAt)).isNotEqualTo(cellAt(targetAt));
    Cells cells = new Cells();
    TestProbe<SessionEvent> attacker = cells.enter(1, CharacterClass.RANGER, attackerAt);
    TestProbe<SessionEvent> target = cells.enter(2, CharacterClass.MAGE, targetAt);
    seeEachOther(cells, 1, attackerAt, 2, targetAt);
    int healthBefore =
        cells.tickers.get(cellAt(targetAt)).fights().combat().combatant(2).orElseThrow().health();
    cells.tickers.get(cellAt(attackerAt)).fights().useAbility(1, "arrow_shot", 2, 77);
    cells.tick(); // the attacker's cell checks it, pays for it and forwards it
    cells.tick(); // the target's cell resolves it
    assertThat(cells.forwarded)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.playerId()).isEqualTo("p-1");
              assertThat(f.targetId()).isEqualTo(2);
              assertThat(f.correlationId()).isEqualTo(77);
            });
    List<CombatFact> seenByTarget = facts(feeds(target));
    List<CombatFact> seenByAttacker = facts(feeds(attacker));
    assertThat(seenByAttacker)
        .as("its cell tells it the ability is used, the target's cell what it did")
        .filteredOn(CombatFact.AbilityUsed.class::isInstance)
        .hasSize(1);
    CombatFact outcome =
        seenByTarget.stream()
            .filter(f -> f instanceof CombatFact.Hit || f instanceof CombatFact.Missed)
            .findFirst()
            .orElseThrow();
    assertThat(seenByAttacker).contains(outcome);
    assertThat(seenByTarget)
        .anySatisfy(
            f -> assertThat(f).isEqualTo(new CombatFact.AbilityUsed(f.tick(), 1, "arrow_shot", 2)));
    int healthAfter =
        cells.tickers.get(cellAt(targetAt)).fights().combat().combatant(2).orElseThrow().health();
    if (outcome instanceof CombatFact.Hit hit) {
      assertThat(hit.userId()).isEqualTo(1);
      assertThat(healthAfter).isEqualTo(hit.healthLeft()).isLessThan(healthBefore);
    } else {
      assertThat(healthAfter).isEqualTo(healthBefore);
    }
    // the attacker paid in its own cell and is on cooldown there
    var own = cells.tickers.get(cellAt(attackerAt)).fights().combat().combatant(1).orElseThrow();
    assertThat(own.stamina()).isLessThan(own.sheet().maxStamina());
  }

  @Test
  void aShotAtAPlayerInTheNeighbourCellHitsItThere() {
    GeoPosition edge = boundaryNorthOf(GeoPosition.of(12, 20));
    aShotAcrossTheBoundaryHits(offset(edge, 180, 4), offset(edge, 0, 3));
  }

  @Test
  void aShotAcrossACubeFaceCornerHitsItThere() {
    GeoPosition corner = GeoPosition.of(Math.toDegrees(Math.atan(1 / Math.sqrt(2))), 45);
    GeoPosition attackerAt = null;
    GeoPosition targetAt = null;
    for (int bearing = 0; bearing < 360 && targetAt == null; bearing += 30) {
      GeoPosition a = offset(corner, bearing, 4);
      GeoPosition b = offset(corner, bearing + 150, 4);
      if (cellAt(a).face() != cellAt(b).face()) {
        attackerAt = a;
        targetAt = b;
      }
    }
    assertThat(targetAt).as("two faces meet at the corner").isNotNull();
    aShotAcrossTheBoundaryHits(attackerAt, targetAt);
  }

  @Test
  void aKillInTheNeighbourCellEarnsTheAttackerItsExperienceFromThatCell() {
    GeoPosition edge = boundaryNorthOf(GeoPosition.of(12, 20));
    GeoPosition attackerAt = offset(edge, 180, 4);
    GeoPosition targetAt = offset(edge, 0, 3);
    Cells cells = new Cells();
    TestProbe<SessionEvent> attacker = cells.enter(1, CharacterClass.RANGER, attackerAt);
    cells.enter(2, CharacterClass.MAGE, targetAt);
    seeEachOther(cells, 1, attackerAt, 2, targetAt);
    CellTicker own = cells.tickers.get(cellAt(attackerAt));
    CellTicker owner = cells.tickers.get(cellAt(targetAt));
    RecordingOutbox ownerOutbox = cells.outboxes.get(cellAt(targetAt));
    for (int i = 0; i < 3_000 && ownerOutbox.grants.isEmpty(); i++) {
      if (i % 30 == 0) {
        own.fights().useAbility(1, "arrow_shot", 2, i);
      }
      cells.tick();
    }
    assertThat(owner.fights().combat().combatant(2).orElseThrow().dead()).isTrue();
    assertThat(ownerOutbox.grants)
        .singleElement()
        .satisfies(
            g -> {
              assertThat(g.playerId()).isEqualTo("p-1");
              assertThat(g.amount()).isPositive();
            });
    assertThat(cells.outboxes.get(cellAt(attackerAt)).grants).isEmpty();
    List<CombatFact> seen = facts(feeds(attacker));
    assertThat(seen)
        .anySatisfy(
            f -> {
              assertThat(f).isInstanceOf(CombatFact.Died.class);
              assertThat(((CombatFact.Died) f).killerId()).isEqualTo(1);
              assertThat(((CombatFact.Died) f).victimId()).isEqualTo(2);
            });
  }

  @Test
  void aShotOutOfRangeOfAGhostIsRefusedByTheAttackersCellAndNotForwarded() {
    GeoPosition edge = boundaryNorthOf(GeoPosition.of(12, 20));
    GeoPosition attackerAt = offset(edge, 180, 10);
    GeoPosition targetAt = offset(edge, 0, 30); // 40 m: beyond the shot's 30 m, within the AOI
    Cells cells = new Cells();
    TestProbe<SessionEvent> attacker = cells.enter(1, CharacterClass.RANGER, attackerAt);
    cells.enter(2, CharacterClass.MAGE, targetAt);
    seeEachOther(cells, 1, attackerAt, 2, targetAt);
    cells.tickers.get(cellAt(attackerAt)).fights().useAbility(1, "arrow_shot", 2, 78);
    cells.tick();
    cells.tick();
    List<SessionEvent.CombatFeed> got = feeds(attacker);
    assertThat(facts(got))
        .singleElement()
        .satisfies(
            f -> assertThat(((CombatFact.Refused) f).refusal()).isEqualTo(Refusal.OUT_OF_RANGE));
    assertThat(got.get(0).refusedCorrelations()).containsExactly(78L);
    assertThat(cells.forwarded).isEmpty();
  }

  @Test
  void theTargetsCellRefusesAForwardedAbilityItsOwnChecksFailWithTheRequestsCorrelationId() {
    GeoPosition edge = boundaryNorthOf(GeoPosition.of(12, 20));
    GeoPosition targetAt = offset(edge, 0, 3);
    Cells cells = new Cells();
    TestProbe<SessionEvent> target = cells.enter(2, CharacterClass.MAGE, targetAt);
    for (int i = 0; i < 3; i++) {
      cells.tick();
    }
    CellTicker owner = cells.tickers.get(cellAt(targetAt));
    int before = owner.fights().combat().combatant(2).orElseThrow().health();
    // a neighbour claims its ranger stands 200 m away (no ghost of it here): out of range here
    GeoPosition far = offset(edge, 180, 200);
    TestProbe<SessionEvent> visitor = testKit.createTestProbe(SessionEvent.class);
    owner
        .fights()
        .visit(
            new ZoneCell.AbilityFromNeighbour(
                CellIds.entityId(cellAt(far)),
                "p-1",
                1,
                "Ranger",
                1,
                List.of(),
                "arrow_shot",
                2,
                91,
                far.latitudeDeg(),
                far.longitudeDeg(),
                0,
                visitor.ref()));
    // and a warrior's ability a ranger does not know
    owner
        .fights()
        .visit(
            new ZoneCell.AbilityFromNeighbour(
                CellIds.entityId(cellAt(far)),
                "p-3",
                3,
                "Ranger",
                1,
                List.of(),
                "whirlwind",
                2,
                92,
                offset(edge, 180, 2).latitudeDeg(),
                offset(edge, 180, 2).longitudeDeg(),
                0,
                visitor.ref()));
    cells.tick();
    List<SessionEvent.CombatFeed> got = feeds(visitor);
    List<Refusal> refusals =
        facts(got).stream()
            .filter(CombatFact.Refused.class::isInstance)
            .map(f -> ((CombatFact.Refused) f).refusal())
            .toList();
    assertThat(refusals).containsExactlyInAnyOrder(Refusal.OUT_OF_RANGE, Refusal.UNKNOWN_ABILITY);
    assertThat(got.stream().flatMap(f -> f.refusedCorrelations().stream()))
        .containsExactlyInAnyOrder(91L, 92L);
    assertThat(owner.fights().combat().combatant(2).orElseThrow().health()).isEqualTo(before);
    assertThat(owner.fights().combat().combatant(1)).as("a visitor does not stay").isEmpty();
    assertThat(owner.fights().combat().refusals(1)).isEqualTo(1);
    assertThat(facts(feeds(target))).noneMatch(CombatFact.Hit.class::isInstance);
  }
}
