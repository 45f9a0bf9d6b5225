package org.bluemarble.zone.combat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bluemarble.combat.CharacterSheet;
import org.bluemarble.combat.PvpZone;
import org.bluemarble.combat.Refusal;
import org.bluemarble.player.CharacterClass;
import org.bluemarble.zone.CreatureKind;
import org.junit.jupiter.api.Test;

class CellCombatTest {
  private static final double R = 6_371_000;

  /** Metres per degree of latitude. */
  private static final double M = Math.PI * R / 180;

  private static final CellCombat.Settings SETTINGS =
      new CellCombat.Settings(50, R, 10_000, 60_000);

  private final Map<Long, CellCombat.Place> places = new HashMap<>();
  private final Map<Long, CellCombat.Place> homes = new HashMap<>();
  private final CellCombat.Whereabouts where =
      new CellCombat.Whereabouts() {
        @Override
        public CellCombat.Place where(long id) {
          return places.get(id);
        }

        @Override
        public CellCombat.Place home(long id) {
          return homes.get(id);
        }
      };

  private void put(long id, double northMeters) {
    places.put(id, new CellCombat.Place(10 + northMeters / M, 20, 0));
  }

  private static CellCombat cell(long seed, CellCombat.Regions regions) {
    return new CellCombat(seed, SETTINGS, (lat, lng) -> 0.0, regions);
  }

  private static CellCombat openCell(long seed) {
    return cell(seed, (lat, lng) -> PvpZone.OPEN);
  }

  private static CharacterSheet sheet(CharacterClass c, int level) {
    return CharacterSheet.of(c, level, List.of());
  }

  private List<CombatFact> run(CellCombat c, long fromTick, long toTick) {
    List<CombatFact> all = new ArrayList<>();
    for (long t = fromTick; t <= toTick; t++) {
      all.addAll(c.tick(t, where));
    }
    return all;
  }

  @Test
  void aWarriorKillsARabbitAndGetsExperienceAndLoot() {
    CellCombat c = openCell(7);
    c.joinPlayer(1, CharacterClass.WARRIOR, sheet(CharacterClass.WARRIOR, 20), false);
    c.joinCreature(100, CreatureKind.RABBIT);
    put(1, 0);
    put(100, 2);
    homes.put(100L, places.get(100L));
    List<CombatFact> facts = new ArrayList<>();
    for (long t = 1; t <= 400 && facts.stream().noneMatch(f -> f instanceof CombatFact.Died); t++) {
      if (t % 20 == 1) {
        c.request(1, "strike", 100);
      }
      facts.addAll(c.tick(t, where));
    }
    CombatFact.Died died =
        facts.stream()
            .filter(CombatFact.Died.class::isInstance)
            .map(CombatFact.Died.class::cast)
            .findFirst()
            .orElseThrow();
    assertThat(died.victimId()).isEqualTo(100);
    assertThat(died.killerId()).isEqualTo(1);
    assertThat(died.experience()).isPositive();
    assertThat(facts)
        .anyMatch(
            f -> f instanceof CombatFact.LootDropped l && l.playerId() == 1 && l.copper() >= 1);
    assertThat(c.combatant(100).orElseThrow().dead()).isTrue();
    // creatures come back after their delay (60 s = 1200 ticks)
    List<CombatFact> later = run(c, died.tick() + 1, died.tick() + 1_200);
    assertThat(later).contains(new CombatFact.Respawned(died.tick() + 1_200, 100));
  }

  @Test
  void refusalsSayWhyAndAreCounted() {
    CellCombat c = cell(1, (lat, lng) -> lat > 10.01 ? PvpZone.SAFE : PvpZone.FLAGGED);
    c.joinPlayer(1, CharacterClass.RANGER, sheet(CharacterClass.RANGER, 5), true);
    c.joinPlayer(2, CharacterClass.MAGE, sheet(CharacterClass.MAGE, 5), false);
    c.joinPlayer(3, CharacterClass.MAGE, sheet(CharacterClass.MAGE, 5), true);
    c.joinCreature(100, CreatureKind.DEER);
    put(1, 0);
    put(2, 10);
    put(3, 500);
    put(100, 60);
    homes.put(100L, places.get(100L));
    c.request(1, "fireball", 2); // not a ranger ability
    c.request(1, "arrow_shot", 2); // unflagged target in a flagged zone
    c.request(1, "arrow_shot", 3); // out of range
    c.request(1, "arrow_shot", 100); // out of range (60 m > 30 m)
    c.request(1, "arrow_shot", 999); // no such target
    c.request(1, "heal", 1); // healer ability
    List<CombatFact> facts = c.tick(1, where);
    assertThat(facts)
        .extracting(f -> ((CombatFact.Refused) f).refusal())
        .containsExactly(
            Refusal.UNKNOWN_ABILITY,
            Refusal.PROTECTED_ZONE,
            Refusal.OUT_OF_RANGE,
            Refusal.OUT_OF_RANGE,
            Refusal.INVALID_TARGET,
            Refusal.UNKNOWN_ABILITY);
    assertThat(c.refusals(1)).isEqualTo(6);
  }

  @Test
  void cooldownsAndSafeZonesAreEnforced() {
    CellCombat c = cell(1, (lat, lng) -> lat > 10.0005 ? PvpZone.SAFE : PvpZone.OPEN);
    c.joinPlayer(1, CharacterClass.WARRIOR, sheet(CharacterClass.WARRIOR, 5), false);
    c.joinPlayer(2, CharacterClass.WARRIOR, sheet(CharacterClass.WARRIOR, 5), false);
    put(1, 0);
    put(2, 2);
    c.request(1, "strike", 2);
    c.request(1, "strike", 2);
    List<CombatFact> facts = c.tick(1, where);
    assertThat(facts.get(0)).isEqualTo(new CombatFact.AbilityUsed(1, 1, "strike", 2));
    assertThat(facts).contains(new CombatFact.Refused(1, 1, "strike", Refusal.ON_COOLDOWN));
    put(2, 60); // walks into the safe zone
    put(1, 58);
    c.request(1, "shield_bash", 2);
    assertThat(c.tick(30, where))
        .containsExactly(new CombatFact.Refused(30, 1, "shield_bash", Refusal.PROTECTED_ZONE));
  }

  @Test
  void terrainBlocksTheLineOfSight() {
    CellCombat c =
        new CellCombat(
            1,
            SETTINGS,
            (lat, lng) -> Math.abs(lat - (10 + 10 / M)) < 2 / M ? 30.0 : 0.0,
            (lat, lng) -> PvpZone.OPEN);
    c.joinPlayer(1, CharacterClass.RANGER, sheet(CharacterClass.RANGER, 5), false);
    c.joinCreature(100, CreatureKind.DEER);
    put(1, 0);
    put(100, 20);
    homes.put(100L, places.get(100L));
    c.request(1, "arrow_shot", 100);
    assertThat(c.tick(1, where))
        .containsExactly(new CombatFact.Refused(1, 1, "arrow_shot", Refusal.NO_LINE_OF_SIGHT));
  }

  @Test
  void anAggressiveWolfChasesAttacksAndKillsAWeakPlayerWhoRespawns() {
    CellCombat c = openCell(3);
    c.joinPlayer(1, CharacterClass.MAGE, sheet(CharacterClass.MAGE, 1), false);
    c.joinCreature(200, CreatureKind.WOLF);
    put(1, 0);
    put(200, 2);
    homes.put(200L, places.get(200L));
    List<CombatFact> facts = run(c, 1, 2_000);
    assertThat(facts)
        .anyMatch(f -> f instanceof CombatFact.Hit h && h.userId() == 200 && h.targetId() == 1);
    CombatFact.Died died =
        facts.stream()
            .filter(CombatFact.Died.class::isInstance)
            .map(CombatFact.Died.class::cast)
            .findFirst()
            .orElseThrow();
    assertThat(died.victimId()).isEqualTo(1);
    assertThat(died.experience()).isZero();
    assertThat(facts).contains(new CombatFact.Respawned(died.tick() + 200, 1));
  }

  /** A sanctuary north of 50 m from the reference point (a flagged zone south of it). */
  private static CellCombat sanctuaryCell(long seed) {
    return cell(seed, (lat, lng) -> lat > 10 + 50 / M ? PvpZone.SAFE : PvpZone.FLAGGED);
  }

  private static boolean attacks(CombatFact f, long creature, long player) {
    return f instanceof CombatFact.AbilityUsed u
        && u.userId() == creature
        && u.targetId() == player;
  }

  @Test
  void anAggressiveWolfStartsNoFightWithAPlayerInTheSanctuaryButDoesOutside() {
    CellCombat c = sanctuaryCell(3);
    c.joinPlayer(1, CharacterClass.MAGE, sheet(CharacterClass.MAGE, 1), false);
    c.joinCreature(200, CreatureKind.WOLF);
    put(1, 52); // inside, 2 m from the wolf
    put(200, 50);
    homes.put(200L, places.get(200L));
    List<CombatFact> inside = run(c, 1, 400); // 20 s
    assertThat(inside).noneMatch(f -> attacks(f, 200, 1));
    assertThat(c.creatureState(200))
        .hasValueSatisfying(
            s -> assertThat(s).isIn(CreatureBrain.State.IDLE, CreatureBrain.State.WANDER));
    put(1, 48); // steps out, still 2 m from the wolf
    List<CombatFact> outside = run(c, 401, 800);
    assertThat(outside).anyMatch(f -> attacks(f, 200, 1));
    assertThat(outside)
        .anyMatch(f -> f instanceof CombatFact.Hit h && h.userId() == 200 && h.targetId() == 1);
  }

  @Test
  void aWolfChasingBySightStopsAtTheSanctuarysEdge() {
    CellCombat c = sanctuaryCell(3);
    c.joinPlayer(1, CharacterClass.MAGE, sheet(CharacterClass.MAGE, 1), false);
    c.joinCreature(200, CreatureKind.WOLF);
    put(1, 30); // outside, 20 m from the wolf: noticed, chased
    put(200, 10);
    homes.put(200L, places.get(200L));
    run(c, 1, 6);
    assertThat(c.creatureTarget(200)).isEqualTo(1);
    put(1, 60); // runs into the sanctuary
    run(c, 7, 12);
    assertThat(c.creatureTarget(200)).isZero();
    assertThat(c.creatureState(200))
        .hasValueSatisfying(s -> assertThat(s).isNotIn(CreatureBrain.State.CHASE));
    put(200, 58); // even right beside it later: no fight
    homes.put(200L, places.get(200L));
    assertThat(run(c, 13, 400)).noneMatch(f -> attacks(f, 200, 1));
  }

  @Test
  void aWolfAttackedFromInsideTheSanctuaryAnswers() {
    CellCombat c = sanctuaryCell(3);
    c.joinPlayer(1, CharacterClass.WARRIOR, sheet(CharacterClass.WARRIOR, 5), false);
    c.joinCreature(200, CreatureKind.WOLF);
    put(1, 52); // inside
    put(200, 51); // inside too: a creature there may still be fought
    homes.put(200L, places.get(200L));
    assertThat(run(c, 1, 60)).noneMatch(f -> attacks(f, 200, 1));
    List<CombatFact> facts = new ArrayList<>();
    for (long t = 61; t <= 400; t++) {
      if (t == 61) {
        c.request(1, "strike", 200);
      }
      facts.addAll(c.tick(t, where));
    }
    assertThat(facts)
        .anyMatch(f -> f instanceof CombatFact.Hit h && h.userId() == 1 && h.targetId() == 200);
    assertThat(facts)
        .anyMatch(f -> f instanceof CombatFact.Hit h && h.userId() == 200 && h.targetId() == 1);
  }

  @Test
  void aTimidDeerFleesWhenHurtAndAWolfReturnsHomeWhenLeashed() {
    CellCombat c = openCell(3);
    c.joinPlayer(1, CharacterClass.RANGER, sheet(CharacterClass.RANGER, 10), false);
    c.joinCreature(100, CreatureKind.DEER);
    c.joinCreature(201, CreatureKind.WOLF);
    put(1, 0);
    put(100, 20);
    put(201, 25);
    homes.put(100L, places.get(100L));
    homes.put(201L, places.get(201L));
    c.request(1, "arrow_shot", 100);
    run(c, 1, 6);
    assertThat(c.creatureState(100)).contains(CreatureBrain.State.FLEE);
    // the wolf notices the player (and is shot), chases, and is then beyond its leash
    c.request(1, "poison_arrow", 201);
    run(c, 7, 12);
    assertThat(c.creatureState(201))
        .hasValueSatisfying(
            s -> assertThat(s).isIn(CreatureBrain.State.CHASE, CreatureBrain.State.ATTACK));
    homes.put(201L, new CellCombat.Place(10 + 2_000 / M, 20, 0));
    run(c, 13, 18);
    assertThat(c.creatureState(201)).contains(CreatureBrain.State.RETURN_HOME);
  }

  /** The same requests at the same ticks give the same facts: deaths and loot replay exactly. */
  @Test
  void theSameInputsReplayToTheSameDeathsAndLoot() {
    List<CombatFact> first = scriptedBattle(99);
    List<CombatFact> second = scriptedBattle(99);
    assertThat(first).isEqualTo(second);
    assertThat(first).anyMatch(CombatFact.Died.class::isInstance);
    assertThat(first).anyMatch(CombatFact.LootDropped.class::isInstance);
    assertThat(scriptedBattle(100)).isNotEqualTo(first);
  }

  private List<CombatFact> scriptedBattle(long seed) {
    places.clear();
    homes.clear();
    CellCombat c = openCell(seed);
    c.joinPlayer(1, CharacterClass.MAGE, sheet(CharacterClass.MAGE, 15), false);
    c.joinPlayer(2, CharacterClass.HEALER, sheet(CharacterClass.HEALER, 15), false);
    for (long id = 300; id < 306; id++) {
      c.joinCreature(id, id % 2 == 0 ? CreatureKind.BOAR : CreatureKind.WOLF);
      put(id, 4 + (id - 300));
      homes.put(id, places.get(id));
    }
    put(1, 0);
    put(2, 1);
    List<CombatFact> facts = new ArrayList<>();
    for (long t = 1; t <= 1_500; t++) {
      if (t % 10 == 0) {
        c.request(1, "frost_nova", 0);
        c.request(1, "firebolt", 300 + (t / 10) % 6);
        c.request(2, "heal", 1);
        c.request(2, "radiance", 0);
        c.request(2, "ward", 2);
      }
      facts.addAll(c.tick(t, where));
    }
    return facts;
  }
}
