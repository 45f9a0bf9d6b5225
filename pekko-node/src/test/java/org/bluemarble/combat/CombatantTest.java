package org.bluemarble.combat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.bluemarble.player.CharacterClass;
import org.junit.jupiter.api.Test;

class CombatantTest {
  private static final Ability STRIKE = Abilities.find("strike").orElseThrow();
  private static final Ability FIREBOLT = Abilities.find("firebolt").orElseThrow();

  private static Combatant fighter(long id, CharacterClass c) {
    return new Combatant(id, CharacterSheet.of(c, 10, List.of()));
  }

  @Test
  void cooldownRefusesUntilItEnds() {
    Combatant w = fighter(1, CharacterClass.WARRIOR);
    w.begin(STRIKE, 0);
    assertThat(w.check(STRIKE, 999)).contains(Refusal.ON_COOLDOWN);
    assertThatThrownBy(() -> w.begin(STRIKE, 500)).isInstanceOf(IllegalStateException.class);
    assertThat(w.check(STRIKE, 1_000)).isEmpty();
  }

  @Test
  void costIsPaidAndLackOfResourceRefuses() {
    Combatant m = fighter(1, CharacterClass.MAGE);
    int before = m.mana();
    m.begin(FIREBOLT, 0);
    assertThat(m.mana()).isEqualTo(before - FIREBOLT.cost());
    long t = 2_000;
    while (m.check(FIREBOLT, t).isEmpty()) {
      m.begin(FIREBOLT, t);
      t += 2_000;
    }
    assertThat(m.check(FIREBOLT, t)).contains(Refusal.NOT_ENOUGH_RESOURCE);
  }

  @Test
  void castingAndStunIncapacitate() {
    Combatant m = fighter(1, CharacterClass.MAGE);
    m.begin(FIREBOLT, 0);
    assertThat(m.check(Abilities.find("arcane_lance").orElseThrow(), 1_000))
        .contains(Refusal.INCAPACITATED);
    Combatant w = fighter(2, CharacterClass.WARRIOR);
    w.effects().apply(new StatusEffect(StatusKind.STUN, 0, 2_000, 1, "shield_bash"), 0);
    assertThat(w.check(STRIKE, 1_999)).contains(Refusal.INCAPACITATED);
    assertThat(w.check(STRIKE, 2_000)).isEmpty();
  }

  @Test
  void shieldAbsorbsBeforeHealth() {
    Combatant w = fighter(1, CharacterClass.WARRIOR);
    w.effects().apply(new StatusEffect(StatusKind.SHIELD, 30, 10_000, 2, "ward"), 0);
    Combatant.Damage d = w.damage(50, 9, 100);
    assertThat(d.absorbed()).isEqualTo(30);
    assertThat(d.dealt()).isEqualTo(20);
    assertThat(w.health()).isEqualTo(w.sheet().maxHealth() - 20);
    assertThat(w.effects().find(StatusKind.SHIELD)).isNull();
  }

  @Test
  void healthStopsAtZeroAndTheDeadCannotBeHealed() {
    Combatant w = fighter(1, CharacterClass.WARRIOR);
    Combatant.Damage d = w.damage(1e9, 7, 0);
    assertThat(d.killed()).isTrue();
    assertThat(w.health()).isZero();
    assertThat(w.damage(10, 7, 1).killed()).isFalse();
    assertThat(w.heal(100)).isZero();
    w.revive();
    assertThat(w.health()).isEqualTo(w.sheet().maxHealth());
  }

  @Test
  void damageOverTimeBitesForItsDurationAndCreditsItsSource() {
    Combatant w = fighter(1, CharacterClass.WARRIOR);
    w.effects().apply(new StatusEffect(StatusKind.DOT, 10, 3_000, 42, "rend"), 0);
    int total = 0;
    for (long t = 100; t <= 5_000; t += 100) {
      total += w.advance(t, 100).dealt();
    }
    assertThat(total).isBetween(29, 31);
    assertThat(w.lastAttackerId()).isEqualTo(42);
    assertThat(w.effects().size()).isZero();
  }

  @Test
  void healthRegeneratesOnlyOutOfCombat() {
    Combatant w = fighter(1, CharacterClass.WARRIOR);
    w.damage(100, 2, 0);
    int hurt = w.health();
    w.advance(1_000, 1_000);
    assertThat(w.health()).isEqualTo(hurt);
    w.advance(6_000, 1_000);
    assertThat(w.health()).isGreaterThan(hurt);
  }

  @Test
  void dotsStackPerSourceUpToTheLimit() {
    StatusEffects fx = new StatusEffects();
    fx.apply(new StatusEffect(StatusKind.DOT, 5, 1_000, 1, "rend"), 0);
    fx.apply(new StatusEffect(StatusKind.DOT, 3, 2_000, 1, "rend"), 0);
    assertThat(fx.size()).isEqualTo(1);
    assertThat(fx.find(StatusKind.DOT).magnitude()).isEqualTo(5);
    assertThat(fx.find(StatusKind.DOT).untilMillis()).isEqualTo(2_000);
    for (int source = 2; source <= 10; source++) {
      fx.apply(new StatusEffect(StatusKind.DOT, 1, 1_000 + source, source, "rend"), 0);
    }
    assertThat(fx.size()).isEqualTo(StatusEffects.MAX_DOTS);
    assertThat(fx.list()).anyMatch(e -> e.sourceId() == 10);
  }

  @Test
  void onlyTheStrongestSlowCounts() {
    StatusEffects fx = new StatusEffects();
    fx.apply(new StatusEffect(StatusKind.SLOW, 40, 4_000, 1, "crippling_shot"), 0);
    fx.apply(new StatusEffect(StatusKind.SLOW, 20, 9_000, 2, "gore"), 0);
    assertThat(fx.speedFactor(3_000)).isEqualTo(0.6, org.assertj.core.data.Offset.offset(1e-9));
    fx.apply(new StatusEffect(StatusKind.SLOW, 50, 1_000, 3, "frost_nova"), 500);
    assertThat(fx.speedFactor(600)).isEqualTo(0.5, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(fx.speedFactor(1_000)).isEqualTo(1.0);
  }

  @Test
  void stunsDoNotStackButExtend() {
    StatusEffects fx = new StatusEffects();
    fx.apply(new StatusEffect(StatusKind.STUN, 0, 2_000, 1, "shield_bash"), 0);
    fx.apply(new StatusEffect(StatusKind.STUN, 0, 1_500, 2, "rebuke"), 0);
    assertThat(fx.size()).isEqualTo(1);
    assertThat(fx.stunned(1_999)).isTrue();
    fx.apply(new StatusEffect(StatusKind.STUN, 0, 3_000, 2, "rebuke"), 1_000);
    assertThat(fx.size()).isEqualTo(1);
    assertThat(fx.stunned(2_999)).isTrue();
    assertThat(fx.stunned(3_000)).isFalse();
  }

  @Test
  void aStrongerShieldReplacesAWeakerOneExtends() {
    StatusEffects fx = new StatusEffects();
    fx.apply(new StatusEffect(StatusKind.SHIELD, 60, 10_000, 1, "ward"), 0);
    fx.apply(new StatusEffect(StatusKind.SHIELD, 20, 15_000, 2, "ward"), 0);
    assertThat(fx.find(StatusKind.SHIELD).magnitude()).isEqualTo(60);
    assertThat(fx.find(StatusKind.SHIELD).untilMillis()).isEqualTo(15_000);
    fx.apply(new StatusEffect(StatusKind.SHIELD, 80, 12_000, 2, "ward"), 0);
    assertThat(fx.find(StatusKind.SHIELD).magnitude()).isEqualTo(80);
  }
}
