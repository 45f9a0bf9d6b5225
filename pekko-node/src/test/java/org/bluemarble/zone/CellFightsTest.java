package org.bluemarble.zone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
  // A loaded box (2 cores shared by many builds) once took over the default 5 s to start the
  // logger: every test of the class failed in its set-up.
  private static final ActorTestKit testKit =
      ActorTestKit.create(
          "CellFightsTest",
          com.typesafe.config.ConfigFactory.parseString("pekko.logger-startup-timeout = 30s")
              .withFallback(ActorTestKit.applicationTestConfig()));
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

  private static SessionEvent.CombatFeed feedEvent(TestProbe<SessionEvent> probe) {
    SessionEvent.CombatFeed[] found = new SessionEvent.CombatFeed[1];
    probe.fishForMessage(
        Duration.ofSeconds(5),
        m -> {
          if (m instanceof SessionEvent.CombatFeed f) {
            found[0] = f;
            return FishingOutcomes.complete();
          }
          return FishingOutcomes.continueAndIgnore();
        });
    return found[0];
  }

  @Test
  void refusalsCarryTheCorrelationIdOfTheirRequestAndVitalsFollowTheFacts() {
    TestProbe<SessionEvent> attacker = enter(1, CharacterClass.WARRIOR, 0);
    enter(2, CharacterClass.MAGE, 100);
    tick();
    ticker.fights().useAbility(1, "whirlwind", 0, 5);
    ticker.fights().useAbility(1, "whirlwind", 0, 6);
    ticker.fights().useAbility(1, "strike", 2, 7);
    tick();
    SessionEvent.CombatFeed feed = feedEvent(attacker);
    assertThat(feed.facts().get(0)).isInstanceOf(CombatFact.AbilityUsed.class);
    List<Refusal> refusals =
        feed.facts().stream()
            .filter(CombatFact.Refused.class::isInstance)
            .map(f -> ((CombatFact.Refused) f).refusal())
            .toList();
    assertThat(refusals).containsExactly(Refusal.ON_COOLDOWN, Refusal.OUT_OF_RANGE);
    assertThat(feed.refusedCorrelations()).containsExactly(6L, 7L);
    assertThat(feed.vitals())
        .anySatisfy(
            v -> {
              assertThat(v.entityId()).isEqualTo(1);
              assertThat(v.maxHealth()).isPositive();
            });
  }

  @Test
  void aProfileGivesThePlayerItsLevelAndWornGear() {
    long hero = PlayerIds.simulationId("hero");
    enter(hero, CharacterClass.WARRIOR, 0);
    tick();
    org.bluemarble.combat.CharacterSheet bare = ticker.fights().sheetOf(hero);
    assertThat(bare.level()).isEqualTo(1);
    ticker
        .fights()
        .profile(new ZoneCell.CombatProfile("hero", 20, List.of("iron_sword", "no_such_item")));
    tick();
    org.bluemarble.combat.CharacterSheet geared = ticker.fights().sheetOf(hero);
    assertThat(geared.level()).isEqualTo(20);
    assertThat(geared.maxHealth()).isGreaterThan(bare.maxHealth());
    assertThat(geared.attack())
        .isGreaterThan(
            org.bluemarble.combat.CharacterSheet.of(CharacterClass.WARRIOR, 20, List.of())
                .attack());
  }

  /** A fresh cell where warrior 1 strikes mage 2 until it dies; what the cell journals. */
  private static List<ZoneFact> journalOfAFight() {
    CellRoster roster = new CellRoster();
    CellSimulation sim = new CellSimulation(CELL, SETTINGS, DESERT, 42L);
    CellTicker ticker =
        new CellTicker(
            sim,
            roster,
            ZoneCellDeps.of(SETTINGS, DESERT, 42L, 4),
            new RecordingOutbox(),
            id -> testKit.<ZoneCell.Reply>createTestProbe().ref(),
            () -> {},
            () -> false,
            LoggerFactory.getLogger(CellFightsTest.class));
    double lat = HERE.latitudeDeg() + 2 / (Math.PI * Sphere.EARTH.radiusMeters() / 180);
    sim.enter(1, CharacterClass.WARRIOR, HERE, 0L, null);
    sim.enter(2, CharacterClass.MAGE, GeoPosition.of(lat, HERE.longitudeDeg()), 0L, null);
    roster.add(1, new CellRoster.Link("p-1", testKit.<SessionEvent>createTestProbe().ref()));
    roster.add(2, new CellRoster.Link("p-2", testKit.<SessionEvent>createTestProbe().ref()));
    List<ZoneFact> journal = new ArrayList<>();
    Instant t = Instant.ofEpochSecond(1_700_000_000L);
    for (int i = 0; i < 2_000; i++) {
      if (i % 20 == 0) {
        ticker.fights().useAbility(1, "strike", 2, i);
      }
      journal.addAll(ticker.tick(t.plusSeconds(i)));
      if (ticker.fights().combat().combatant(2).orElseThrow().dead()) {
        break;
      }
    }
    // long enough after the death for the damage summary of the fight to be due
    for (int i = 0; i < CellFights.SUMMARY_EVERY_SECONDS * SETTINGS.tickHz() + 1; i++) {
      journal.addAll(ticker.tick(t.plusSeconds(3_000 + i)));
    }
    return journal;
  }

  @Test
  void aDeathIsJournaledOnceAndTheSameFightJournalsTheSameFacts() {
    List<ZoneFact> first = journalOfAFight();
    List<ZoneFact> kills = first.stream().filter(ZoneFact.CombatKill.class::isInstance).toList();
    assertThat(kills).hasSize(1);
    ZoneFact.CombatKill kill = (ZoneFact.CombatKill) kills.get(0);
    assertThat(kill.victimId()).isEqualTo(2);
    assertThat(kill.killerId()).isEqualTo(1);
    assertThat(kill.victimIsPlayer()).isTrue();
    assertThat(CellMessages.events("c", first))
        .filteredOn(ZoneCell.CombatKilled.class::isInstance)
        .hasSize(1);
    List<ZoneFact> summaries =
        first.stream().filter(ZoneFact.CombatDamage.class::isInstance).toList();
    assertThat(summaries).as("hits are summarised, not journaled one by one").hasSize(1);
    ZoneCell.AbilityDamage strike = ((ZoneFact.CombatDamage) summaries.get(0)).abilities().get(0);
    assertThat(strike.abilityId()).isEqualTo("strike");
    assertThat(strike.hits()).isPositive();
    assertThat(strike.damage()).isGreaterThanOrEqualTo(strike.hits());
    assertThat(CellMessages.events("c", first))
        .filteredOn(ZoneCell.CombatDamaged.class::isInstance)
        .hasSize(1);
    assertThat(journalOfAFight()).as("a replay of the same requests").isEqualTo(first);
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
    // its feeds until the respawn (a poll ending at the first 200 ms gap was flaky when loaded)
    List<CombatFact> all = new ArrayList<>();
    victim.fishForMessage(
        Duration.ofSeconds(10),
        m -> {
          if (m instanceof SessionEvent.CombatFeed f) {
            all.addAll(f.facts());
          }
          return all.stream()
                  .anyMatch(f -> f instanceof CombatFact.Respawned r && r.entityId() == 2)
              ? FishingOutcomes.complete()
              : FishingOutcomes.continueAndIgnore();
        });
    assertThat(all).anyMatch(CombatFact.Died.class::isInstance);
    assertThat(all).anyMatch(f -> f instanceof CombatFact.Respawned r && r.entityId() == 2);
  }

  @Test
  void aDeadPlayerIsNotSeenCannotActOrBeTargetedAndRespawnsAtTheCellsSpawnPoint() {
    enter(1, CharacterClass.WARRIOR, 0);
    TestProbe<SessionEvent> victim = enter(2, CharacterClass.MAGE, 2);
    tick();
    var combat = ticker.fights().combat();
    for (int i = 0; i < 2_000 && !combat.combatant(2).orElseThrow().dead(); i++) {
      if (i % 20 == 0) {
        ticker.useAbility(1, "strike", 2);
      }
      tick();
    }
    assertThat(combat.combatant(2).orElseThrow().dead()).isTrue();
    GeoPosition fell = sim.positionOf(2);
    int refusedBefore = combat.refusals(1);
    assertThat(sim.population().contains(2)).as("dead: not in observers' snapshots").isFalse();
    // it cannot act, cannot be targeted, and does not walk
    ticker.fights().useAbility(2, "firebolt", 1, 21);
    ticker.fights().useAbility(1, "strike", 2, 22);
    sim.offer(2, new MovementInput(1, new MovementInput.Heading(90, 1.0), 0L));
    tick();
    // its first feed with a refusal (a 200 ms poll missed it on a loaded box)
    List<CombatFact.Refused> refused = new ArrayList<>();
    victim.fishForMessage(
        Duration.ofSeconds(10),
        m -> {
          if (m instanceof SessionEvent.CombatFeed f) {
            f.facts().stream()
                .filter(CombatFact.Refused.class::isInstance)
                .map(CombatFact.Refused.class::cast)
                .forEach(refused::add);
          }
          return refused.isEmpty()
              ? FishingOutcomes.continueAndIgnore()
              : FishingOutcomes.complete();
        });
    assertThat(refused)
        .singleElement()
        .satisfies(r -> assertThat(r.refusal()).isEqualTo(Refusal.INCAPACITATED));
    assertThat(combat.refusals(1)).as("the dead are no target").isEqualTo(refusedBefore + 1);
    for (int i = 0; i < 30; i++) {
      tick();
    }
    assertThat(sim.positionOf(2)).isEqualTo(fell);
    assertThat(sim.population().contains(2)).isFalse();
    // back after the respawn delay, at the cell's spawn point, seen again, told by a correction
    long respawnTicks = CellFights.PLAYER_RESPAWN_MILLIS * SETTINGS.tickHz() / 1000;
    for (int i = 0; i < respawnTicks + 2 && combat.combatant(2).orElseThrow().dead(); i++) {
      tick();
    }
    assertThat(combat.combatant(2).orElseThrow().dead()).isFalse();
    assertThat(sim.population().contains(2)).as("respawned: seen again").isTrue();
    GeoPosition spawn = sim.respawnPoint();
    assertThat(SpatialCells.cellAt(spawn, SETTINGS.zoneLevel())).isEqualTo(CELL);
    assertThat(sim.positionOf(2).latitudeDeg()).isCloseTo(spawn.latitudeDeg(), within(1e-6));
    assertThat(sim.positionOf(2).longitudeDeg()).isCloseTo(spawn.longitudeDeg(), within(1e-6));
    tick();
    SessionEvent.Correction[] told = new SessionEvent.Correction[1];
    victim.fishForMessage(
        Duration.ofSeconds(5),
        m -> {
          if (m instanceof SessionEvent.Correction c
              && CellSimulation.RESPAWN_REASON.equals(c.reason())) {
            told[0] = c;
            return FishingOutcomes.complete();
          }
          return FishingOutcomes.continueAndIgnore();
        });
    assertThat(told[0].ackSequence()).as("inputs sent while dead are acknowledged").isEqualTo(1);
    assertThat(told[0].latitudeDeg()).isCloseTo(spawn.latitudeDeg(), within(1e-6));
  }

  @Test
  void theCellHoldingTheSpawnSanctuaryRespawnsItsDeadThereOthersAtTheirOwnPoint() {
    CellSimulation holder = new CellSimulation(CELL, SETTINGS, DESERT, 42L);
    new CellFights(
        holder,
        SETTINGS,
        DESERT,
        42L,
        new org.bluemarble.combat.Sanctuary(HERE.latitudeDeg(), HERE.longitudeDeg(), 150));
    assertThat(holder.respawnPoint().latitudeDeg()).isEqualTo(HERE.latitudeDeg());
    assertThat(holder.respawnPoint().longitudeDeg()).isEqualTo(HERE.longitudeDeg());
    CellSimulation other = new CellSimulation(CELL, SETTINGS, DESERT, 42L);
    GeoPosition own = new CellSimulation(CELL, SETTINGS, DESERT, 42L).respawnPoint();
    new CellFights(other, SETTINGS, DESERT, 42L, new org.bluemarble.combat.Sanctuary(40, 20, 150));
    assertThat(other.respawnPoint()).isEqualTo(own);
    assertThat(own.latitudeDeg()).isNotEqualTo(HERE.latitudeDeg());
  }

  /**
   * Player {@code name} of {@code cls} enters 15 m north of a creature of this cell; the creature.
   */
  private Creature nextToACreature(String name, CharacterClass cls) {
    long id = PlayerIds.simulationId(name);
    for (Creature c : sim.creatures()) {
      GeoPosition at = creatureAt(c.id());
      double lat = at.latitudeDeg() + 15 / (Math.PI * Sphere.EARTH.radiusMeters() / 180);
      try {
        sim.enter(id, cls, new GeoPosition(lat, at.longitudeDeg(), at.altitudeMeters()), 0L, null);
      } catch (IllegalArgumentException outsideTheCell) {
        continue;
      }
      roster.add(id, new CellRoster.Link(name, testKit.<SessionEvent>createTestProbe().ref()));
      return c;
    }
    throw new AssertionError("no creature in " + CELL);
  }

  private GeoPosition creatureAt(long id) {
    int slot = sim.population().slotOf(id);
    return slot < 0 ? null : sim.population().position(slot);
  }

  private double metersBetween(long a, long b) {
    GeoPosition p = creatureAt(a);
    GeoPosition q = creatureAt(b);
    return org.bluemarble.combat.SphereGeometry.surfaceMeters(
        p.latitudeDeg(), p.longitudeDeg(), q.latitudeDeg(), q.longitudeDeg(), 6_371_000.0);
  }

  @Test
  void aHurtCreatureIsMovedByItsBrainTowardsOrAwayFromItsAttacker() {
    Creature c = nextToACreature("archer", CharacterClass.RANGER);
    long me = PlayerIds.simulationId("archer");
    tick();
    var combat = ticker.fights().combat();
    for (int i = 0; i < 3_000 && combat.creatureTarget(c.id()) != me; i++) {
      if (i % 120 == 0) {
        ticker.useAbility(me, "arrow_shot", c.id());
      }
      tick();
    }
    assertThat(combat.creatureTarget(c.id())).as("aggro by damage").isEqualTo(me);
    double before = metersBetween(me, c.id());
    for (int i = 0; i < 120; i++) {
      tick();
    }
    var state = combat.creatureState(c.id()).orElseThrow();
    double after = metersBetween(me, c.id());
    if (state == org.bluemarble.zone.combat.CreatureBrain.State.FLEE) {
      assertThat(after).as(c.kind() + " flees").isGreaterThan(before + 1.5);
    } else {
      assertThat(state)
          .isIn(
              org.bluemarble.zone.combat.CreatureBrain.State.CHASE,
              org.bluemarble.zone.combat.CreatureBrain.State.ATTACK);
      assertThat(after).as(c.kind() + " chases").isLessThan(Math.max(3.0, before - 1.5));
    }
  }

  @Test
  void aDeadCreatureLeavesTheSnapshotsAndComesBackHomeOnRespawn() {
    Creature c = nextToACreature("hunter", CharacterClass.RANGER);
    long me = PlayerIds.simulationId("hunter");
    GeoPosition home =
        org.bluemarble.zone.internal.Vectors.toPosition(c.home[0], c.home[1], c.home[2], 0, 0);
    ticker.fights().profile(new ZoneCell.CombatProfile("hunter", 100, List.of()));
    tick();
    var combat = ticker.fights().combat();
    assertThat(combat.combatant(me).orElseThrow().sheet().level()).isEqualTo(100);
    for (int i = 0; i < 5_000 && !combat.combatant(c.id()).orElseThrow().dead(); i++) {
      if (i % 70 == 0) {
        ticker.useAbility(me, "arrow_shot", c.id());
      }
      tick();
    }
    assertThat(combat.combatant(c.id()).orElseThrow().dead()).isTrue();
    assertThat(sim.population().contains(c.id())).as("dead: not in snapshots").isFalse();
    long respawnTicks = CellFights.CREATURE_RESPAWN_MILLIS * SETTINGS.tickHz() / 1000;
    for (int i = 0; i < respawnTicks + 2 && combat.combatant(c.id()).orElseThrow().dead(); i++) {
      assertThat(sim.population().contains(c.id())).as("dead: not in snapshots").isFalse();
      tick();
    }
    assertThat(combat.combatant(c.id()).orElseThrow().dead()).isFalse();
    assertThat(sim.population().contains(c.id())).as("respawned: seen again, at home").isTrue();
    assertThat(creatureAt(c.id()).latitudeDeg()).isCloseTo(home.latitudeDeg(), within(1e-5));
    assertThat(creatureAt(c.id()).longitudeDeg()).isCloseTo(home.longitudeDeg(), within(1e-5));
  }
}
