package org.bluemarble.combat;

import static org.bluemarble.combat.Ability.Effect.DAMAGE;
import static org.bluemarble.combat.Ability.Effect.HEAL;
import static org.bluemarble.combat.Ability.Effect.STATUS;
import static org.bluemarble.combat.Ability.Pool.MANA;
import static org.bluemarble.combat.Ability.Pool.NONE;
import static org.bluemarble.combat.Ability.Pool.STAMINA;
import static org.bluemarble.combat.Ability.Scaling.ATTACK;
import static org.bluemarble.combat.Ability.Scaling.MAGIC;
import static org.bluemarble.combat.Ability.Targeting.ALLY;
import static org.bluemarble.combat.Ability.Targeting.ENEMY;
import static org.bluemarble.combat.Ability.Targeting.SELF;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bluemarble.combat.Ability.StatusTemplate;
import org.bluemarble.player.CharacterClass;

/**
 * The ability book: at least an attack, an area ability and a crowd control per class (Healers also
 * heal and shield), plus the creatures' attacks. Ids are stable: they travel on the wire and in the
 * journal. Ranged abilities gain the wielded weapon's {@code range}.
 */
public final class Abilities {
  private static final Map<String, Ability> BY_ID = new LinkedHashMap<>();
  private static final Map<CharacterClass, List<Ability>> BY_CLASS =
      new EnumMap<>(CharacterClass.class);

  static {
    cls(
        CharacterClass.WARRIOR,
        new Ability(
            "strike",
            ENEMY,
            DAMAGE,
            DamageType.PHYSICAL,
            8,
            1.0,
            ATTACK,
            3,
            0,
            0,
            1_000,
            STAMINA,
            10,
            null),
        new Ability(
            "whirlwind",
            SELF,
            DAMAGE,
            DamageType.PHYSICAL,
            4,
            0.7,
            ATTACK,
            0,
            5,
            0,
            8_000,
            STAMINA,
            30,
            null),
        new Ability(
            "shield_bash",
            ENEMY,
            DAMAGE,
            DamageType.PHYSICAL,
            2,
            0.3,
            ATTACK,
            3,
            0,
            0,
            12_000,
            STAMINA,
            20,
            new StatusTemplate(StatusKind.STUN, 0, 2_000)),
        new Ability(
            "rend",
            ENEMY,
            DAMAGE,
            DamageType.PHYSICAL,
            2,
            0.2,
            ATTACK,
            3,
            0,
            0,
            6_000,
            STAMINA,
            15,
            new StatusTemplate(StatusKind.DOT, 4, 6_000)));
    cls(
        CharacterClass.RANGER,
        new Ability(
            "arrow_shot",
            ENEMY,
            DAMAGE,
            DamageType.PHYSICAL,
            6,
            0.9,
            ATTACK,
            30,
            0,
            0,
            1_000,
            STAMINA,
            8,
            null),
        new Ability(
            "volley",
            ENEMY,
            DAMAGE,
            DamageType.PHYSICAL,
            3,
            0.5,
            ATTACK,
            30,
            6,
            500,
            10_000,
            STAMINA,
            30,
            null),
        new Ability(
            "crippling_shot",
            ENEMY,
            DAMAGE,
            DamageType.PHYSICAL,
            3,
            0.4,
            ATTACK,
            30,
            0,
            0,
            8_000,
            STAMINA,
            15,
            new StatusTemplate(StatusKind.SLOW, 40, 4_000)),
        new Ability(
            "poison_arrow",
            ENEMY,
            DAMAGE,
            DamageType.ELEMENTAL,
            2,
            0.3,
            ATTACK,
            30,
            0,
            0,
            6_000,
            STAMINA,
            15,
            new StatusTemplate(StatusKind.DOT, 5, 6_000)));
    cls(
        CharacterClass.MAGE,
        new Ability(
            "firebolt",
            ENEMY,
            DAMAGE,
            DamageType.ELEMENTAL,
            10,
            1.2,
            MAGIC,
            30,
            0,
            1_500,
            2_000,
            MANA,
            15,
            new StatusTemplate(StatusKind.DOT, 3, 3_000)),
        new Ability(
            "arcane_lance",
            ENEMY,
            DAMAGE,
            DamageType.MAGICAL,
            8,
            1.0,
            MAGIC,
            35,
            0,
            1_000,
            4_000,
            MANA,
            20,
            null),
        new Ability(
            "frost_nova",
            SELF,
            DAMAGE,
            DamageType.MAGICAL,
            4,
            0.5,
            MAGIC,
            0,
            8,
            0,
            12_000,
            MANA,
            30,
            new StatusTemplate(StatusKind.SLOW, 50, 3_000)),
        new Ability(
            "mana_burst",
            ENEMY,
            DAMAGE,
            DamageType.TRUE,
            5,
            0.4,
            MAGIC,
            20,
            0,
            0,
            15_000,
            MANA,
            40,
            null));
    cls(
        CharacterClass.HEALER,
        new Ability(
            "smite",
            ENEMY,
            DAMAGE,
            DamageType.MAGICAL,
            6,
            0.8,
            MAGIC,
            25,
            0,
            0,
            1_500,
            MANA,
            10,
            null),
        new Ability(
            "heal",
            ALLY,
            HEAL,
            DamageType.TRUE,
            20,
            1.5,
            MAGIC,
            25,
            0,
            1_500,
            3_000,
            MANA,
            25,
            null),
        new Ability(
            "ward",
            ALLY,
            STATUS,
            DamageType.TRUE,
            0,
            0,
            MAGIC,
            25,
            0,
            0,
            15_000,
            MANA,
            30,
            new StatusTemplate(StatusKind.SHIELD, 60, 10_000)),
        new Ability(
            "radiance",
            SELF,
            DAMAGE,
            DamageType.MAGICAL,
            3,
            0.5,
            MAGIC,
            0,
            8,
            0,
            10_000,
            MANA,
            30,
            null),
        new Ability(
            "rebuke",
            ENEMY,
            STATUS,
            DamageType.TRUE,
            0,
            0,
            MAGIC,
            20,
            0,
            0,
            15_000,
            MANA,
            20,
            new StatusTemplate(StatusKind.STUN, 0, 1_500)));
    // creatures: no cost, paced by their cooldowns
    add(
        new Ability(
            "bite",
            ENEMY,
            DAMAGE,
            DamageType.PHYSICAL,
            4,
            0.6,
            ATTACK,
            2.5,
            0,
            0,
            1_500,
            NONE,
            0,
            null));
    add(
        new Ability(
            "maul",
            ENEMY,
            DAMAGE,
            DamageType.PHYSICAL,
            6,
            0.8,
            ATTACK,
            3,
            0,
            0,
            8_000,
            NONE,
            0,
            new StatusTemplate(StatusKind.STUN, 0, 1_000)));
    add(
        new Ability(
            "venom_sting",
            ENEMY,
            DAMAGE,
            DamageType.ELEMENTAL,
            2,
            0.3,
            ATTACK,
            2.5,
            0,
            0,
            6_000,
            NONE,
            0,
            new StatusTemplate(StatusKind.DOT, 3, 5_000)));
    add(
        new Ability(
            "gore",
            ENEMY,
            DAMAGE,
            DamageType.PHYSICAL,
            5,
            0.7,
            ATTACK,
            2.5,
            0,
            0,
            6_000,
            NONE,
            0,
            new StatusTemplate(StatusKind.SLOW, 30, 3_000)));
  }

  private Abilities() {}

  private static void cls(CharacterClass c, Ability... abilities) {
    List<Ability> list = new ArrayList<>();
    for (Ability a : abilities) {
      add(a);
      list.add(a);
    }
    BY_CLASS.put(c, Collections.unmodifiableList(list));
  }

  private static void add(Ability a) {
    if (BY_ID.putIfAbsent(a.id(), a) != null) {
      throw new IllegalStateException("duplicate ability " + a.id());
    }
  }

  public static Optional<Ability> find(String id) {
    return Optional.ofNullable(id == null ? null : BY_ID.get(id));
  }

  /** The abilities a character of {@code cls} may use. */
  public static List<Ability> of(CharacterClass cls) {
    return BY_CLASS.get(cls);
  }

  /** Whether {@code cls} knows {@code ability}. */
  public static boolean knows(CharacterClass cls, Ability ability) {
    return BY_CLASS.get(cls).contains(ability);
  }

  /** Every ability, class ones first. */
  public static List<Ability> all() {
    return List.copyOf(BY_ID.values());
  }
}
