package org.bluemarble.player;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.bluemarble.combat.Experience;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PlayerProgressionTest {
  private static final ActorTestKit testKit =
      ActorTestKit.create(
          EventSourcedBehaviorTestKit.config()
              .withFallback(ConfigFactory.parseResources("bluemarble/serialization.conf"))
              .withFallback(ConfigFactory.defaultReference()));

  private static final Instant NOW = Instant.parse("2026-12-07T04:00:00Z");

  private final String playerId = UUID.randomUUID().toString();
  private EventSourcedBehaviorTestKit<Player.Command, Player.Event, Player.State> kit;

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  @BeforeEach
  void newPlayer() {
    kit =
        EventSourcedBehaviorTestKit.create(
            testKit.system(),
            Player.create(playerId, "player-1", Clock.fixed(NOW, ZoneOffset.UTC)));
    kit.<Player.Reply>runCommand(r -> new Player.CreateCharacter("Brom", "Warrior", r));
  }

  private Player.Reply gain(long amount, String grantId) {
    return kit.<Player.Reply>runCommand(
            r -> new Player.GainExperience(amount, "kill:wolf", grantId, r))
        .reply();
  }

  @Test
  void aNewCharacterIsLevelOne() {
    var p = (Player.Profile) kit.<Player.Reply>runCommand(Player.GetProfile::new).reply();
    assertThat(p.level()).isEqualTo(1);
    assertThat(p.experience()).isZero();
  }

  @Test
  void experiencePersistsAndCrossingThresholdsLevelsUp() {
    long toLevel3 = Experience.totalFor(3);
    var result =
        kit.<Player.Reply>runCommand(
            r -> new Player.GainExperience(toLevel3, "kill:bear", "g1", r));
    assertThat(result.events())
        .containsExactly(
            new Player.ExperienceGained(playerId, toLevel3, "kill:bear", "g1", toLevel3, NOW),
            new Player.LevelledUp(playerId, 2, NOW),
            new Player.LevelledUp(playerId, 3, NOW));
    assertThat(((Player.Profile) result.reply()).level()).isEqualTo(3);
  }

  @Test
  void aResentGrantCountsOnce() {
    gain(50, "kill-7");
    var again =
        kit.<Player.Reply>runCommand(r -> new Player.GainExperience(50, "kill:wolf", "kill-7", r));
    assertThat(again.hasNoEvents()).isTrue();
    assertThat(((Player.Profile) again.reply()).experience()).isEqualTo(50);
  }

  @Test
  void absurdGrantsAreRejected() {
    assertThat(gain(0, "a")).isInstanceOf(Player.Rejected.class);
    assertThat(gain(Player.MAX_EXPERIENCE_GRANT + 1, "b")).isInstanceOf(Player.Rejected.class);
  }

  @Test
  void progressionIsReadBackAfterARestart() {
    gain(Experience.totalFor(5), "g");
    kit.restart();
    var p = (Player.Profile) kit.<Player.Reply>runCommand(Player.GetProfile::new).reply();
    assertThat(p.level()).isEqualTo(5);
    assertThat(p.experience()).isEqualTo(Experience.totalFor(5));
    assertThat(p.name()).isEqualTo("Brom");
  }
}
