package org.bluemarble.combat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.bluemarble.player.CharacterClass;

class CombatPropertiesTest {

  /** One step of a random fight: who acts (0/1), which of their abilities, how much time passes. */
  record Step(int actor, int ability, int waitMillis, int extraDamage) {}

  @Provide
  Arbitrary<List<Step>> fights() {
    Arbitrary<Step> step =
        Combinators.combine(
                Arbitraries.integers().between(0, 1),
                Arbitraries.integers().between(0, 4),
                Arbitraries.integers().between(0, 3_000),
                Arbitraries.integers().between(-5, 400))
            .as(Step::new);
    return step.list().ofMinSize(1).ofMaxSize(200);
  }

  @Property(tries = 300)
  void poolsStayWithinBoundsAndCooldownsAreNeverBypassed(
      @ForAll("fights") List<Step> steps,
      @ForAll @IntRange(min = 0, max = 3) int classA,
      @ForAll @IntRange(min = 0, max = 3) int classB,
      @ForAll @IntRange(min = 1, max = 100) int levelA,
      @ForAll @IntRange(min = 1, max = 100) int levelB,
      @ForAll long seed) {
    CharacterClass[] classes = {CharacterClass.values()[classA], CharacterClass.values()[classB]};
    Combatant[] f = {
      new Combatant(1, CharacterSheet.of(classes[0], levelA, List.of())),
      new Combatant(2, CharacterSheet.of(classes[1], levelB, List.of()))
    };
    Map<String, Long> lastUse = new HashMap<>();
    long now = 0;
    int tick = 0;
    for (Step s : steps) {
      long dt = s.waitMillis();
      now += dt;
      tick++;
      for (Combatant c : f) {
        c.advance(now, dt);
      }
      Combatant user = f[s.actor()];
      Combatant other = f[1 - s.actor()];
      List<Ability> book = Abilities.of(classes[s.actor()]);
      Ability a = book.get(s.ability() % book.size());
      if (user.check(a, now).isEmpty()) {
        String key = user.id() + "/" + a.id();
        Long prev = lastUse.put(key, now);
        if (prev != null) {
          assertThat(now - prev).isGreaterThanOrEqualTo(a.cooldownMillis());
        }
        user.begin(a, now);
        Combatant target = a.targeting() == Ability.Targeting.ALLY ? user : other;
        DamageRules.resolve(a, user, target, CombatRoll.of(seed, tick, user.id(), 0), now);
      } else {
        assertThat(user.check(a, now)).isPresent();
      }
      other.damage(s.extraDamage(), user.id(), now);
      for (Combatant c : f) {
        assertThat(c.health()).isBetween(0, c.sheet().maxHealth());
        assertThat(c.mana()).isBetween(0, c.sheet().maxMana());
        assertThat(c.stamina()).isBetween(0, c.sheet().maxStamina());
        assertThat(c.dead()).isEqualTo(c.health() == 0);
      }
      if (f[0].dead() && f[1].dead()) {
        f[0].revive();
        f[1].revive();
      }
    }
  }

  @Property(tries = 200)
  void levelForIsTheInverseOfTheCurve(
      @ForAll @IntRange(min = 1, max = 100) int level,
      @ForAll @IntRange(min = 0, max = 1_000_000) int extra) {
    long total = Experience.totalFor(level);
    int got =
        Experience.levelFor(
            total + (level == 100 ? extra : extra % Math.max(1, Experience.toNext(level))));
    assertThat(got).isEqualTo(level);
  }
}
