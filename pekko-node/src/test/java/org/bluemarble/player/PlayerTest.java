package org.bluemarble.player;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.function.Function;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit.CommandResultWithReply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PlayerTest {
  private static final ActorTestKit testKit =
      ActorTestKit.create(
          EventSourcedBehaviorTestKit.config()
              .withFallback(ConfigFactory.parseResources("bluemarble/serialization.conf"))
              .withFallback(ConfigFactory.defaultReference()));

  private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

  private final String playerId = UUID.randomUUID().toString();
  private EventSourcedBehaviorTestKit<Player.Command, Player.Event, Player.State> kit;

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  @BeforeEach
  void newPlayer() {
    // Serialization checks stay on: every command, event, reply and state must round-trip through
    // Jackson CBOR.
    kit =
        EventSourcedBehaviorTestKit.create(
            testKit.system(),
            Player.create(playerId, "player-3", Clock.fixed(NOW, ZoneOffset.UTC)));
  }

  private CommandResultWithReply<Player.Command, Player.Event, Player.State, Player.Reply> create(
      String name, String cls) {
    return run(replyTo -> new Player.CreateCharacter(name, cls, replyTo));
  }

  private CommandResultWithReply<Player.Command, Player.Event, Player.State, Player.Reply> run(
      Function<ActorRef<Player.Reply>, Player.Command> command) {
    return kit.runCommand(command::apply);
  }

  @Test
  void createsACharacterAndPersistsTheFact() {
    var result = create("Aria Stormwind", "Mage");
    assertThat(result.event())
        .isEqualTo(
            new Player.CharacterCreated(playerId, "Aria Stormwind", CharacterClass.MAGE, NOW));
    Player.Profile profile = (Player.Profile) result.reply();
    assertThat(profile.name()).isEqualTo("Aria Stormwind");
    assertThat(profile.characterClass()).isEqualTo(CharacterClass.MAGE);
    assertThat(profile.position()).isNull();
    assertThat(profile.createdAt()).isEqualTo(NOW);
    assertThat(result.state().revision()).isEqualTo(1);
  }

  @Test
  void refusesASecondCreation() {
    create("Aria", "Mage");
    var again = create("Bria", "Healer");
    assertThat(again.hasNoEvents()).isTrue();
    assertThat(((Player.Rejected) again.reply()).reason()).isEqualTo(Player.Reason.ALREADY_EXISTS);
  }

  @Test
  void rejectsInvalidNamesAndClassesWithoutPersisting() {
    for (String bad :
        new String[] {"", "  ", "ab", "x".repeat(33), "Bad\u0000Name", " lead", "a  b c"}) {
      var result = create(bad, "Warrior");
      assertThat(result.hasNoEvents()).as(bad).isTrue();
      assertThat(((Player.Rejected) result.reply()).reason())
          .isEqualTo(Player.Reason.INVALID_INPUT);
    }
    var result = create("Valid Name", "Necromancer");
    assertThat(result.hasNoEvents()).isTrue();
    assertThat(((Player.Rejected) result.reply()).message())
        .contains("Warrior, Ranger, Mage, Healer")
        .contains("Necromancer");
    assertThat(create("Valid Name", null).hasNoEvents()).isTrue();
  }

  @Test
  void acceptsNamesInAnyScriptUpToThirtyTwoCharacters() {
    assertThat(create("Łucja-Ñandú", "ranger").reply()).isInstanceOf(Player.Profile.class);
    kit.clear();
    newPlayer();
    assertThat(create("x".repeat(32), "HEALER").reply()).isInstanceOf(Player.Profile.class);
  }

  @Test
  void checkpointsAValidPositionAndRejectsNaNAndOutOfRange() {
    create("Aria", "Mage");
    var ok = run(r -> new Player.CheckpointPosition(51.5, -0.12, 30, r));
    assertThat(((Player.Profile) ok.reply()).position()).isEqualTo(new Position(51.5, -0.12, 30));

    double[][] bad = {
      {Double.NaN, 0, 0},
      {0, Double.NaN, 0},
      {0, 0, Double.NaN},
      {90.0001, 0, 0},
      {0, 180.5, 0},
      {0, Double.POSITIVE_INFINITY, 0},
      {0, 0, 1e9}
    };
    for (double[] p : bad) {
      var result = run(r -> new Player.CheckpointPosition(p[0], p[1], p[2], r));
      assertThat(result.hasNoEvents()).isTrue();
      assertThat(((Player.Rejected) result.reply()).reason())
          .isEqualTo(Player.Reason.INVALID_INPUT);
    }
    assertThat(kit.getState().position()).isEqualTo(new Position(51.5, -0.12, 30));
  }

  @Test
  void answersNotFoundBeforeCreation() {
    for (Player.Reply reply :
        new Player.Reply[] {
          run(Player.GetProfile::new).reply(),
          run(r -> new Player.Rename("Newname", r)).reply(),
          run(r -> new Player.CheckpointPosition(0, 0, 0, r)).reply()
        }) {
      assertThat(((Player.Rejected) reply).reason()).isEqualTo(Player.Reason.NOT_FOUND);
    }
    assertThat(kit.getState().revision()).isZero();
  }

  @Test
  void renamesAndRecoversTheWholeStateAfterRestart() {
    create("Aria", "Mage");
    run(r -> new Player.CheckpointPosition(-33.9, 151.2, 5, r));
    run(r -> new Player.Rename("Aria Nova", r));

    var restarted = kit.restart();
    Player.State state = restarted.state();
    assertThat(state.name()).isEqualTo("Aria Nova");
    assertThat(state.characterClass()).isEqualTo(CharacterClass.MAGE);
    assertThat(state.position()).isEqualTo(new Position(-33.9, 151.2, 5));
    assertThat(state.revision()).isEqualTo(3);
    Player.Profile profile = (Player.Profile) run(Player.GetProfile::new).reply();
    assertThat(profile.name()).isEqualTo("Aria Nova");
  }

  @Test
  void recoversFromSnapshotPlusLaterEvents() {
    create("Aria", "Mage");
    for (int i = 0; i < 250; i++) {
      double lat = i / 10.0;
      run(r -> new Player.CheckpointPosition(lat, 10, 0, r));
    }
    Player.State state = kit.restart().state();
    assertThat(state.revision()).isEqualTo(251);
    assertThat(state.position().latitude()).isEqualTo(249 / 10.0);
  }
}
