package org.bluemarble.zone.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.bluemarble.combat.Abilities;
import org.bluemarble.combat.Ability;
import org.bluemarble.combat.CharacterSheet;
import org.bluemarble.combat.CombatRoll;
import org.bluemarble.combat.Combatant;
import org.bluemarble.combat.DamageRules;
import org.bluemarble.combat.Outcome;
import org.bluemarble.combat.PvpZone;
import org.bluemarble.player.CharacterClass;
import org.bluemarble.spatial.GeoPosition;
import org.bluemarble.zone.combat.CellCombat;
import org.bluemarble.zone.combat.CombatFact;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Combat costs: one ability resolved between two fighters, and one combat step of a cell where N
 * players fight in pairs (2 m apart, spread over 400 m), each using an ability once a second
 * (staggered, so N/20 requests per 20 Hz tick), with range, line of sight and PvP checks.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CombatBenchmark {
  private static final double R = 6_371_000;
  private static final CharacterClass[] CLASSES = CharacterClass.values();

  @Param({"500"})
  public int players;

  private final Ability strike = Abilities.find("strike").orElseThrow();
  private Combatant attacker;
  private Combatant defender;
  private int sequence;

  private CellCombat cell;
  private final Map<Long, CellCombat.Place> places = new HashMap<>();
  private long tick;

  @Setup
  public void setUp() {
    attacker = new Combatant(1, CharacterSheet.of(CharacterClass.WARRIOR, 50, List.of()));
    defender = new Combatant(2, CharacterSheet.of(CharacterClass.WARRIOR, 50, List.of()));
    cell =
        new CellCombat(
            7,
            new CellCombat.Settings(50, R, 10_000, 60_000),
            (lat, lng) -> 0.0,
            (lat, lng) -> PvpZone.OPEN);
    SplittableRandom random = new SplittableRandom(3);
    for (long id = 1; id <= players; id += 2) {
      GeoPosition p = BenchWorld.near(random, 400);
      places.put(id, new CellCombat.Place(p.latitudeDeg(), p.longitudeDeg(), 0));
      places.put(
          id + 1,
          new CellCombat.Place(p.latitudeDeg() + 2 / (Math.PI * R / 180), p.longitudeDeg(), 0));
      for (long who = id; who <= id + 1; who++) {
        CharacterClass c = CLASSES[(int) (who % CLASSES.length)];
        cell.joinPlayer(who, c, CharacterSheet.of(c, 30, List.of()), true);
      }
    }
  }

  @Benchmark
  public Outcome resolveOneAbility() {
    if (defender.dead()) {
      defender.revive();
    }
    return DamageRules.resolve(
        strike, attacker, defender, CombatRoll.of(7, sequence, 1, sequence++), 0);
  }

  @Benchmark
  public List<CombatFact> cellTickWithFightingPlayers() {
    tick++;
    for (long id = 1 + tick % 20; id <= players; id += 20) {
      CharacterClass c = CLASSES[(int) (id % CLASSES.length)];
      List<Ability> book = Abilities.of(c);
      Ability a = book.get((int) ((tick / 20 + id) % book.size()));
      long partner = id % 2 == 1 ? id + 1 : id - 1;
      long target =
          a.targeting() == Ability.Targeting.ENEMY
              ? partner
              : a.targeting() == Ability.Targeting.ALLY ? id : 0;
      cell.request(id, a.id(), target);
    }
    return cell.tick(tick, where);
  }

  private final CellCombat.Whereabouts where =
      new CellCombat.Whereabouts() {
        @Override
        public CellCombat.Place where(long id) {
          return places.get(id);
        }

        @Override
        public CellCombat.Place home(long id) {
          return null;
        }
      };
}
