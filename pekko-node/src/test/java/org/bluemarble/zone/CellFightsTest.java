package org.bluemarble.zone;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.geometry.S2CellId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.FishingOutcomes;
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

/** Combat runs in the cell's tick and reaches the sessions of the players who see it. */
class CellFightsTest {
  private static final ActorTestKit testKit = ActorTestKit.create("CellFightsTest");
  private static final ZoneSettings SETTINGS = ZoneSettings.defaults(Sphere.EARTH);
  private static final GeoPosition HERE = GeoPosition.of(12, 20);
  private static final S2CellId CELL = SpatialCells.cellAt(HERE, SETTINGS.zoneLevel());
  // deserts are open PvP zones
  private static final Terrain DESERT = TestTerrains.flat("Desert");

  private final CellRoster roster = new CellRoster();
  private final RecordingOutbox outbox = new RecordingOutbox();
  private final CellSimulation sim = new CellSimulation(CELL, SETTINGS, DESERT, 42L);
  private final CellTicker ticker =
      new CellTicker(
          sim,
          roster,
          ZoneCellDeps.of(SETTINGS, DESERT, 42L, 4),
          outbox,
          id -> testKit.<ZoneCell.Reply>createTestProbe().ref(),
          () -> {},
          () -> false,
          LoggerFactory.getLogger(CellFightsTest.class));
  private long now = 1_700_000_000L;

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  private TestProbe<SessionEvent> enter(long id, CharacterClass cls, double northMeters) {
    TestProbe<SessionEvent> probe = testKit.createTestProbe(SessionEvent.class);
    double lat = HERE.latitudeDeg() + northMeters / (Math.PI * Sphere.EARTH.radiusMeters() / 180);
    sim.enter(id, cls, GeoPosition.of(lat, HERE.longitudeDeg()), 0L, null);
    roster.add(id, new CellRoster.Link("p-" + id, probe.ref()));
    return probe;
  }

  private void tick() {
    ticker.tick(Instant.ofEpochSecond(now++));
  }

  private static List<CombatFact> feed(TestProbe<SessionEvent> probe) {
    List<CombatFact> out = new ArrayList<>();
    probe.fishForMessage(
        Duration.ofSeconds(5),
        m -> {
          if (m instanceof SessionEvent.CombatFeed f) {
            out.addAll(f.facts());
            return FishingOutcomes.complete();
          }
          return FishingOutcomes.continueAndIgnore();
        });
    return out;
  }

  @Test
  void aStrikeInTheTickReachesAttackerAndTarget() {
    TestProbe<SessionEvent> attacker = enter(1, CharacterClass.WARRIOR, 0);
    TestProbe<SessionEvent> target = enter(2, CharacterClass.MAGE, 2);
    tick();
    ticker.useAbility(1, "strike", 2);
    tick();
    List<CombatFact> seenByAttacker = feed(attacker);
    assertThat(seenByAttacker.get(0))
        .isEqualTo(new CombatFact.AbilityUsed(seenByAttacker.get(0).tick(), 1, "strike", 2));
    assertThat(seenByAttacker.get(1))
        .isInstanceOfAny(CombatFact.Hit.class, CombatFact.Missed.class);
    assertThat(feed(target)).containsExactlyElementsOf(seenByAttacker);
  }

  @Test
  void aRefusalGoesOnlyToThePlayerWhoAsked() {
    TestProbe<SessionEvent> attacker = enter(1, CharacterClass.WARRIOR, 0);
    TestProbe<SessionEvent> far = enter(2, CharacterClass.MAGE, 100);
    tick();
    ticker.useAbility(1, "strike", 2);
    tick();
    List<CombatFact> facts = feed(attacker);
    assertThat(facts).hasSize(1);
    assertThat(((CombatFact.Refused) facts.get(0)).refusal()).isEqualTo(Refusal.OUT_OF_RANGE);
    assertThat(ticker.fights().combat().refusals(1)).isEqualTo(1);
    // the next thing the far player sees is the whirlwind after it, not the refusal before it
    ticker.useAbility(1, "whirlwind", 0);
    tick();
    List<CombatFact> seenFar = feed(far);
    assertThat(seenFar).noneMatch(CombatFact.Refused.class::isInstance);
    assertThat(seenFar.get(0)).isInstanceOf(CombatFact.AbilityUsed.class);
  }

  @Test
  void aKillGrantsTheKillerExperienceOnceAndTheVictimRespawns() {
    enter(1, CharacterClass.WARRIOR, 0);
    TestProbe<SessionEvent> victim = enter(2, CharacterClass.MAGE, 2);
    tick();
    for (int i = 0; i < 2_000 && outbox.grants.isEmpty(); i++) {
      if (i % 20 == 0) {
        ticker.useAbility(1, "strike", 2);
      }
      tick();
    }
    assertThat(outbox.grants).hasSize(1);
    RecordingOutbox.Granted g = outbox.grants.peek();
    assertThat(g.playerId()).isEqualTo("p-1");
    assertThat(g.amount()).isPositive();
    assertThat(g.grantId()).startsWith("kill:").contains(":2:");
    assertThat(ticker.fights().combat().combatant(2).orElseThrow().dead()).isTrue();
    // players respawn 10 s of simulation time after their death
    long respawnTicks = CellFights.PLAYER_RESPAWN_MILLIS * SETTINGS.tickHz() / 1000;
    for (int i = 0; i < respawnTicks + 2; i++) {
      tick();
    }
    assertThat(ticker.fights().combat().combatant(2).orElseThrow().dead()).isFalse();
    assertThat(outbox.grants).hasSize(1);
    List<CombatFact> all = new ArrayList<>();
    for (SessionEvent m = pollQuietly(victim); m != null; m = pollQuietly(victim)) {
      if (m instanceof SessionEvent.CombatFeed f) {
        all.addAll(f.facts());
      }
    }
    assertThat(all).anyMatch(CombatFact.Died.class::isInstance);
    assertThat(all).anyMatch(f -> f instanceof CombatFact.Respawned r && r.entityId() == 2);
  }

  private static SessionEvent pollQuietly(TestProbe<SessionEvent> probe) {
    try {
      return probe.receiveMessage(Duration.ofMillis(200));
    } catch (AssertionError e) {
      return null;
    }
  }
}
