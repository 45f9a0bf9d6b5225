package org.bluemarble.combat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.bluemarble.market.inventory.ItemCatalog;
import org.bluemarble.player.CharacterClass;
import org.junit.jupiter.api.Test;

class CombatFormulaTest {
  private static final ItemCatalog CATALOG = ItemCatalog.loadDefault();

  @Test
  void derivedNumbersFollowTheCompanionFormulas() {
    Stats s = new Stats(10, 7, 9, 4, 123);
    assertThat(s.attack()).isEqualTo(27);
    assertThat(s.defense()).isEqualTo(12);
    assertThat(s.magic()).isEqualTo(18);
    assertThat(s.critPercent()).isEqualTo(12.3, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void critChanceIsCappedAtFiftyPercent() {
    assertThat(new Stats(0, 0, 0, 0, 500).critPercent()).isEqualTo(50.0);
    assertThat(new Stats(0, 0, 0, 0, 9_999).critPercent()).isEqualTo(50.0);
  }

  @Test
  void negativeStatsAreRejected() {
    assertThatThrownBy(() -> new Stats(-1, 0, 0, 0, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void experienceCurveStartsAtOneAndEndsAtTheCap() {
    assertThat(Experience.levelFor(0)).isEqualTo(1);
    assertThat(Experience.totalFor(2)).isEqualTo(100);
    assertThat(Experience.levelFor(99)).isEqualTo(1);
    assertThat(Experience.levelFor(100)).isEqualTo(2);
    assertThat(Experience.levelFor(Experience.totalFor(100))).isEqualTo(100);
    assertThat(Experience.levelFor(Long.MAX_VALUE)).isEqualTo(100);
    assertThat(Experience.toNext(100)).isZero();
    for (int level = 2; level <= 100; level++) {
      assertThat(Experience.totalFor(level)).isGreaterThan(Experience.totalFor(level - 1));
      assertThat(Experience.levelFor(Experience.totalFor(level) - 1)).isEqualTo(level - 1);
    }
  }

  @Test
  void killExperienceFavoursStrongerVictims() {
    assertThat(Experience.forKill(10, 12)).isGreaterThan(Experience.forKill(10, 10));
    assertThat(Experience.forKill(10, 10)).isGreaterThan(Experience.forKill(10, 5));
    assertThat(Experience.forKill(50, 1)).isPositive();
    assertThatThrownBy(() -> Experience.forKill(0, 1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void classesDifferAndGrowWithLevel() {
    Stats warrior = ClassRules.stats(CharacterClass.WARRIOR, 1);
    Stats mage = ClassRules.stats(CharacterClass.MAGE, 1);
    assertThat(warrior.attack()).isGreaterThan(mage.attack());
    assertThat(mage.magic()).isGreaterThan(warrior.magic());
    Stats warrior10 = ClassRules.stats(CharacterClass.WARRIOR, 10);
    assertThat(warrior10.strength()).isEqualTo(warrior.strength() + 9 * 3);
    assertThat(CharacterSheet.of(CharacterClass.HEALER, 20, List.of()).maxHealth())
        .isGreaterThan(CharacterSheet.of(CharacterClass.HEALER, 1, List.of()).maxHealth());
  }

  @Test
  void wornItemsChangeTheSheet() {
    CharacterSheet bare = CharacterSheet.of(CharacterClass.WARRIOR, 5, List.of());
    CharacterSheet armed =
        CharacterSheet.of(
            CharacterClass.WARRIOR,
            5,
            List.of(
                CATALOG.get("iron_sword"),
                CATALOG.get("chainmail_vest"),
                CATALOG.get("jade_amulet"),
                CATALOG.get("silver_ring"),
                CATALOG.get("runed_dagger")));
    assertThat(armed.attack()).isEqualTo(bare.attack() + 12 + 11);
    assertThat(armed.defense()).isEqualTo(bare.defense() + 14);
    assertThat(armed.magic()).isEqualTo(bare.magic() + 6);
    assertThat(armed.stats().luck()).isEqualTo(bare.stats().luck() + 3);
    assertThat(armed.critPercent())
        .isEqualTo((bare.stats().luck() + 3) * 0.1 + 5, org.assertj.core.data.Offset.offset(1e-9));
    CharacterSheet bow =
        CharacterSheet.of(CharacterClass.RANGER, 5, List.of(CATALOG.get("hunting_bow")));
    assertThat(bow.bonusRangeMeters()).isEqualTo(40);
  }

  @Test
  void everyClassHasAnAttackAnAreaAbilityAndACrowdControl() {
    for (CharacterClass c : CharacterClass.values()) {
      List<Ability> book = Abilities.of(c);
      assertThat(book).hasSizeGreaterThanOrEqualTo(3);
      assertThat(book).anyMatch(a -> a.effect() == Ability.Effect.DAMAGE && !a.area());
      assertThat(book).anyMatch(Ability::area);
      assertThat(book)
          .anyMatch(
              a ->
                  a.status() != null
                      && (a.status().kind() == StatusKind.STUN
                          || a.status().kind() == StatusKind.SLOW));
    }
    assertThat(Abilities.of(CharacterClass.HEALER))
        .anyMatch(a -> a.effect() == Ability.Effect.HEAL)
        .anyMatch(a -> a.status() != null && a.status().kind() == StatusKind.SHIELD);
    assertThat(Abilities.knows(CharacterClass.MAGE, Abilities.find("strike").orElseThrow()))
        .isFalse();
  }

  @Test
  void rangeOnTheSphereIsTheGreatCircleDistance() {
    double r = 6_371_000;
    // one degree of longitude at the equator
    assertThat(SphereGeometry.surfaceMeters(0, 0, 0, 1, r))
        .isEqualTo(Math.PI * r / 180, org.assertj.core.data.Offset.offset(1e-6));
    // across the antimeridian is short
    assertThat(SphereGeometry.surfaceMeters(0, 179.9999, 0, -179.9999, r)).isLessThan(30);
    assertThat(SphereGeometry.rangeMeters(0, 0, 0, 0, 0, 30, r)).isEqualTo(30.0);
  }

  @Test
  void pvpZonesFollowTheRules() {
    assertThat(PvpZone.mayAttack(PvpZone.OPEN, PvpZone.SAFE, true, true, true)).isFalse();
    // a safe zone protects players; a creature standing in one may still be fought
    assertThat(PvpZone.mayAttack(PvpZone.OPEN, PvpZone.SAFE, false, true, true)).isTrue();
    assertThat(PvpZone.mayAttack(PvpZone.SAFE, PvpZone.FLAGGED, false, false, false)).isTrue();
    assertThat(PvpZone.mayAttack(PvpZone.SAFE, PvpZone.OPEN, true, true, true)).isFalse();
    assertThat(PvpZone.mayAttack(PvpZone.OPEN, PvpZone.OPEN, true, false, false)).isTrue();
    assertThat(PvpZone.mayAttack(PvpZone.FLAGGED, PvpZone.FLAGGED, true, true, false)).isFalse();
    assertThat(PvpZone.mayAttack(PvpZone.FLAGGED, PvpZone.OPEN, true, true, true)).isTrue();
  }

  @Test
  void theSpawnSanctuaryOfTheDefaultSettingsIsSafeFor150Metres() {
    org.bluemarble.config.WorldSettings world =
        org.bluemarble.config.WorldSettings.fromConfig(
            com.typesafe.config.ConfigFactory.defaultReference());
    double r = 6_371_000;
    PvpZones zones =
        new PvpZones(
            new Sanctuary(
                world.spawnLatitudeDeg(), world.spawnLongitudeDeg(), world.sanctuaryRadiusMeters()),
            PvpZones.DEFAULT_OPEN_BIOMES,
            r);
    double lat = world.spawnLatitudeDeg();
    double lng = world.spawnLongitudeDeg();
    double metre = 180 / (Math.PI * r); // degrees of latitude per metre
    assertThat(zones.at(lat, lng, "TemperateForest")).isEqualTo(PvpZone.SAFE);
    assertThat(zones.at(lat + 145 * metre, lng, "TemperateForest")).isEqualTo(PvpZone.SAFE);
    assertThat(zones.at(lat - 155 * metre, lng, "TemperateForest")).isEqualTo(PvpZone.FLAGGED);
    assertThat(zones.at(lat + 155 * metre, lng, "Desert")).isEqualTo(PvpZone.OPEN);
    PvpZones none = new PvpZones(Sanctuary.NONE, PvpZones.DEFAULT_OPEN_BIOMES, r);
    assertThat(none.at(0, 0, "TemperateForest")).isEqualTo(PvpZone.FLAGGED);
    assertThat(none.at(lat, lng, "TemperateForest")).isEqualTo(PvpZone.FLAGGED);
  }

  @Test
  void pvpZoneOfAPointComesFromSpawnDistanceAndBiome() {
    PvpZones zones = new PvpZones(10, 20, 500, PvpZones.DEFAULT_OPEN_BIOMES, 6_371_000);
    assertThat(zones.at(10, 20, "Desert")).isEqualTo(PvpZone.SAFE);
    assertThat(zones.at(11, 20, "Desert")).isEqualTo(PvpZone.OPEN);
    assertThat(zones.at(11, 20, "ice_sheet")).isEqualTo(PvpZone.OPEN);
    assertThat(zones.at(11, 20, "UrbanArea")).isEqualTo(PvpZone.SAFE);
    assertThat(zones.at(11, 20, "temperate_forest")).isEqualTo(PvpZone.FLAGGED);
  }
}
