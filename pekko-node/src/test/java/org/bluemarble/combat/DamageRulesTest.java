package org.bluemarble.combat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.bluemarble.player.CharacterClass;
import org.junit.jupiter.api.Test;

class DamageRulesTest {
  private static CharacterSheet sheet(CharacterClass c, int level) {
    return CharacterSheet.of(c, level, List.of());
  }

  @Test
  void theSameSeedRollsTheSameOutcome() {
    Ability strike = Abilities.find("strike").orElseThrow();
    for (int seq = 0; seq < 50; seq++) {
      Outcome[] outcomes = new Outcome[2];
      for (int run = 0; run < 2; run++) {
        Combatant a = new Combatant(1, sheet(CharacterClass.WARRIOR, 10));
        Combatant b = new Combatant(2, sheet(CharacterClass.MAGE, 10));
        outcomes[run] = DamageRules.resolve(strike, a, b, CombatRoll.of(77, 1234, 1, seq), 0);
      }
      assertThat(outcomes[0]).isEqualTo(outcomes[1]);
    }
  }

  @Test
  void mitigationDependsOnTheDamageType() {
    CharacterSheet tank = sheet(CharacterClass.WARRIOR, 30);
    assertThat(DamageRules.mitigation(DamageType.TRUE, tank)).isEqualTo(1.0);
    assertThat(DamageRules.mitigation(DamageType.PHYSICAL, tank))
        .isLessThan(DamageRules.mitigation(DamageType.ELEMENTAL, tank));
    assertThat(DamageRules.mitigation(DamageType.PHYSICAL, tank))
        .isEqualTo(100.0 / (100.0 + tank.defense()));
  }

  @Test
  void critsHappenAtAboutTheSheetsChanceAndHitHarder() {
    Ability lance = Abilities.find("mana_burst").orElseThrow(); // true damage: never misses
    CharacterSheet mage = sheet(CharacterClass.MAGE, 100);
    int crits = 0;
    int maxNormal = 0;
    int minCrit = Integer.MAX_VALUE;
    int n = 4_000;
    for (int i = 0; i < n; i++) {
      Combatant a = new Combatant(1, mage);
      Combatant b = new Combatant(2, sheet(CharacterClass.WARRIOR, 100));
      Outcome o = DamageRules.resolve(lance, a, b, CombatRoll.of(5, i, 1, 0), 0);
      assertThat(o.kind()).isEqualTo(Outcome.Kind.HIT);
      if (o.crit()) {
        crits++;
        minCrit = Math.min(minCrit, o.amount());
      } else {
        maxNormal = Math.max(maxNormal, o.amount());
      }
    }
    double expected = mage.critPercent() / 100.0;
    assertThat((double) crits / n).isBetween(expected - 0.03, expected + 0.03);
    assertThat(minCrit).isGreaterThan(maxNormal * 9 / 10);
  }

  @Test
  void strongerTargetsAreMissedMoreOften() {
    CharacterSheet low = sheet(CharacterClass.RANGER, 1);
    CharacterSheet high = sheet(CharacterClass.RANGER, 20);
    Ability shot = Abilities.find("arrow_shot").orElseThrow();
    assertThat(DamageRules.missChance(shot, low, high))
        .isEqualTo(0.43, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(DamageRules.missChance(shot, high, low)).isZero();
    assertThat(DamageRules.missChance(Abilities.find("heal").orElseThrow(), low, high)).isZero();
  }

  @Test
  void healRestoresHealthUpToTheMaximum() {
    Ability heal = Abilities.find("heal").orElseThrow();
    Combatant healer = new Combatant(1, sheet(CharacterClass.HEALER, 10));
    Combatant friend = new Combatant(2, sheet(CharacterClass.WARRIOR, 10));
    friend.damage(30, 9, 0);
    Outcome o = DamageRules.resolve(heal, healer, friend, CombatRoll.of(1, 1, 1, 0), 0);
    assertThat(o.kind()).isEqualTo(Outcome.Kind.HEAL);
    assertThat(o.amount()).isEqualTo(30);
    assertThat(friend.health()).isEqualTo(friend.sheet().maxHealth());
  }

  @Test
  void crowdControlLandsOnTheTarget() {
    Ability bash = Abilities.find("shield_bash").orElseThrow();
    Combatant w = new Combatant(1, sheet(CharacterClass.WARRIOR, 10));
    Combatant m = new Combatant(2, sheet(CharacterClass.MAGE, 10));
    long seq = 0;
    Outcome o;
    do {
      o = DamageRules.resolve(bash, w, m, CombatRoll.of(1, 1, 1, (int) seq++), 0);
    } while (o.kind() == Outcome.Kind.MISS);
    assertThat(o.status().kind()).isEqualTo(StatusKind.STUN);
    assertThat(m.effects().stunned(1_999)).isTrue();
    assertThat(m.check(Abilities.find("firebolt").orElseThrow(), 1_000))
        .contains(Refusal.INCAPACITATED);
  }
}
