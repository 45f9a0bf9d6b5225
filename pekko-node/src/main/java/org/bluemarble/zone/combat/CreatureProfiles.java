package org.bluemarble.zone.combat;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.bluemarble.combat.Abilities;
import org.bluemarble.combat.Ability;
import org.bluemarble.combat.CharacterSheet;
import org.bluemarble.combat.Stats;
import org.bluemarble.zone.CreatureKind;

/**
 * How each creature kind fights: its level (the kind's base level, plus up to {@value #SPREAD} from
 * a hash of its id, so a herd is mixed but a creature is always the same), stats growing with
 * level, its abilities and its loot.
 */
public final class CreatureProfiles {
  static final int SPREAD = 3;

  /** One kind's fighting numbers. */
  public record Profile(
      int baseLevel, Stats base, Stats perLevel, List<Ability> abilities, LootTable loot) {}

  private static final Map<CreatureKind, Profile> TABLE = new EnumMap<>(CreatureKind.class);

  private static final Ability BITE = Abilities.find("bite").orElseThrow();
  private static final Ability MAUL = Abilities.find("maul").orElseThrow();
  private static final Ability STING = Abilities.find("venom_sting").orElseThrow();
  private static final Ability GORE = Abilities.find("gore").orElseThrow();

  static {
    Stats weak = new Stats(3, 5, 1, 3, 2);
    Stats grow = new Stats(1, 1, 0, 1, 0);
    LootTable small = new LootTable(1, 5, List.of(new LootTable.Entry("linen_cloth", 0.2, 1, 1)));
    LootTable game =
        new LootTable(
            3,
            12,
            List.of(
                new LootTable.Entry("trail_bread", 0.3, 1, 2),
                new LootTable.Entry("linen_cloth", 0.3, 1, 2)));
    LootTable beast =
        new LootTable(
            8,
            30,
            List.of(
                new LootTable.Entry("minor_health_potion", 0.25, 1, 1),
                new LootTable.Entry("linen_cloth", 0.4, 1, 3),
                new LootTable.Entry("quartz_crystal", 0.05, 1, 1)));
    put(CreatureKind.RABBIT, 1, weak, grow, List.of(BITE), small);
    put(CreatureKind.FROG, 1, weak, grow, List.of(BITE), small);
    put(CreatureKind.PENGUIN, 2, weak, grow, List.of(BITE), small);
    put(CreatureKind.FOX, 3, new Stats(4, 8, 1, 4, 4), grow, List.of(BITE), game);
    put(CreatureKind.DEER, 3, new Stats(5, 7, 1, 5, 2), grow, List.of(GORE), game);
    put(CreatureKind.GOAT, 4, new Stats(6, 6, 1, 6, 2), grow, List.of(GORE), game);
    put(CreatureKind.CARIBOU, 5, new Stats(7, 6, 1, 7, 2), grow, List.of(GORE), game);
    put(CreatureKind.CAMEL, 6, new Stats(8, 4, 1, 9, 2), grow, List.of(BITE), game);
    put(
        CreatureKind.BOAR,
        6,
        new Stats(9, 5, 1, 8, 3),
        new Stats(2, 1, 0, 2, 0),
        List.of(BITE, GORE),
        beast);
    put(
        CreatureKind.SCORPION,
        8,
        new Stats(8, 6, 2, 6, 5),
        new Stats(2, 1, 0, 1, 1),
        List.of(STING),
        beast);
    put(
        CreatureKind.WOLF,
        8,
        new Stats(10, 10, 2, 7, 5),
        new Stats(2, 2, 0, 1, 1),
        List.of(BITE, GORE),
        beast);
    put(
        CreatureKind.BEAR,
        12,
        new Stats(14, 5, 2, 12, 3),
        new Stats(3, 1, 0, 3, 0),
        List.of(BITE, MAUL),
        beast);
  }

  private CreatureProfiles() {}

  private static void put(
      CreatureKind k, int level, Stats base, Stats grow, List<Ability> abilities, LootTable loot) {
    TABLE.put(k, new Profile(level, base, grow, List.copyOf(abilities), loot));
  }

  public static Profile of(CreatureKind kind) {
    return TABLE.get(kind);
  }

  /** The level of creature {@code id} of {@code kind}. */
  public static int levelOf(CreatureKind kind, long id) {
    return Math.min(
        100,
        TABLE.get(kind).baseLevel()
            + (int) Math.floorMod(id * 0x9E3779B97F4A7C15L >>> 7, SPREAD + 1));
  }

  /** The sheet of creature {@code id} of {@code kind}. */
  public static CharacterSheet sheet(CreatureKind kind, long id) {
    Profile p = TABLE.get(kind);
    int level = levelOf(kind, id);
    return CharacterSheet.creature(level, p.base().plusTimes(p.perLevel(), level - 1));
  }
}
