package org.bluemarble.zone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import org.bluemarble.config.SettingsException;
import org.bluemarble.player.CharacterClass;
import org.bluemarble.spatial.Sphere;
import org.junit.jupiter.api.Test;

class ZoneConfigTest {

  private static Config zone(String overrides) {
    return ConfigFactory.parseString(overrides)
        .withFallback(ConfigFactory.defaultReference())
        .resolve()
        .getConfig("bluemarble.zone");
  }

  @Test
  void referenceConfGivesTheDocumentedDefaults() {
    ZoneConfig config = ZoneConfig.fromConfig(zone(""), Sphere.EARTH);

    assertThat(config.settings()).isEqualTo(ZoneSettings.defaults(Sphere.EARTH));
    assertThat(config.settings().zoneLevel()).isEqualTo(13);
    assertThat(config.idleTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.placement()).hasToString("S2 parent at level 10");
  }

  @Test
  void readsEveryKey() {
    ZoneConfig config =
        ZoneConfig.fromConfig(
            zone(
                """
                bluemarble.zone {
                  aoi-radius = 100
                  level = 14
                  tick-hz = 30
                  snapshot-hz = 10
                  max-speed.mage = 4.5
                  max-slope = 30
                  deep-ocean-threshold = -1
                  checkpoint-interval = 5s
                  idle-timeout = 10s
                  shard-level = zone
                }
                """),
            Sphere.EARTH);

    ZoneSettings s = config.settings();
    assertThat(s.aoiRadiusMeters()).isEqualTo(100.0);
    assertThat(s.zoneLevel()).isEqualTo(14);
    assertThat(s.tickHz()).isEqualTo(30);
    assertThat(s.snapshotHz()).isEqualTo(10);
    assertThat(s.maxSpeedOf(CharacterClass.MAGE)).isEqualTo(4.5);
    assertThat(s.maxSpeedOf(CharacterClass.RANGER)).isEqualTo(7.0);
    assertThat(s.maxSlopeDeg()).isEqualTo(30.0);
    assertThat(s.deepOceanThresholdMeters()).isEqualTo(-1.0);
    assertThat(s.checkpointInterval()).isEqualTo(Duration.ofSeconds(5));
    assertThat(config.idleTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(config.placement()).hasToString("hashed");
  }

  @Test
  void aLargerAoiRadiusPicksACoarserZoneLevel() {
    assertThat(ZoneConfig.fromConfig(zone("bluemarble.zone.aoi-radius = 600"), Sphere.EARTH))
        .extracting(c -> c.settings().zoneLevel())
        .isEqualTo(12);
  }

  @Test
  void namesTheKeyOfAnInvalidValue() {
    assertThatThrownBy(
            () ->
                ZoneConfig.fromConfig(
                    zone("bluemarble.zone { level = 13, aoi-radius = 600 }"), Sphere.EARTH))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("bluemarble.zone.aoi-radius");
    assertThatThrownBy(
            () -> ZoneConfig.fromConfig(zone("bluemarble.zone.tick-hz = fast"), Sphere.EARTH))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("tick-hz");
    assertThatThrownBy(
            () ->
                ZoneConfig.fromConfig(zone("bluemarble.zone.max-speed.healer = 500"), Sphere.EARTH))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("bluemarble.zone.max-speed.healer");
    assertThatThrownBy(
            () -> ZoneConfig.fromConfig(zone("bluemarble.zone.shard-level = 20"), Sphere.EARTH))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("shard-level");
  }
}
