package org.bluemarble.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.SerializationTestKit;
import org.apache.pekko.actor.typed.ActorRef;
import org.bluemarble.player.CharacterClass;
import org.bluemarble.player.Player;
import org.bluemarble.player.Position;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Everything persisted or sent between nodes round-trips through Jackson CBOR, and every permitted
 * type of every message family has a sample here: adding a command, event or reply without one
 * fails this test.
 */
class SerializationTest {
  private static final ActorTestKit testKit =
      ActorTestKit.create(
          ConfigFactory.parseString("pekko.actor.serialize-messages = off")
              .withFallback(ConfigFactory.parseResources("bluemarble/serialization.conf"))
              .withFallback(ConfigFactory.defaultReference()));

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  private static List<Object> samples() {
    ActorRef<Player.Reply> replyTo = testKit.<Player.Reply>createTestProbe().ref();
    Instant at = Instant.parse("2026-11-25T10:00:00.123456Z");
    Position position = new Position(-89.9999, 179.9999, -11_000.5);
    String id = "5f0c2a8e-0b7e-4a51-9e61-2f2f3a4c5d6e";
    return List.of(
        new Player.CreateCharacter("Łucja", "Mage", replyTo),
        new Player.GetProfile(replyTo),
        new Player.CheckpointPosition(1.5, -2.5, 3.5, replyTo),
        new Player.Rename("New Name", replyTo),
        new Player.Profile(id, "Aria", CharacterClass.HEALER, position, at, 7, "pekko://x@h:1"),
        new Player.Profile(id, "Aria", CharacterClass.HEALER, null, at, 1, "pekko://x@h:1"),
        new Player.Rejected(Player.Reason.INVALID_INPUT, "name must not be empty"),
        new Player.CharacterCreated(id, "Aria", CharacterClass.WARRIOR, at),
        new Player.PositionCheckpointed(id, position, at),
        new Player.CharacterRenamed(id, "Bria"),
        new Player.State("Aria", CharacterClass.RANGER, position, at, 42),
        new Player.State(null, null, null, null, 0),
        new Player.GainExperience(120, "kill:wolf", "loot:1:2:3", replyTo),
        new Player.ExperienceGained(id, 120, "kill:wolf", "loot:1:2:3", 220, at),
        new Player.LevelledUp(id, 2, at),
        new Player.State("Aria", CharacterClass.RANGER, position, at, 43, 220, "loot:1:2:3"),
        new Player.Profile(
            id, "Aria", CharacterClass.HEALER, position, at, 7, "pekko://x@h:1", 2, 220));
  }

  @Test
  void everyMessageEventAndStateRoundTripsThroughCbor() {
    SerializationTestKit serialization = new SerializationTestKit(testKit.system());
    for (Object sample : samples()) {
      assertThat(sample).isInstanceOf(CborSerializable.class);
      Object back = serialization.verifySerialization(sample, true);
      assertThat(back).isEqualTo(sample);
    }
  }

  @Test
  void everyPermittedTypeHasASample() {
    Set<Class<?>> sampled = new HashSet<>();
    samples().forEach(s -> sampled.add(s.getClass()));
    List<Class<?>> missing = new ArrayList<>();
    for (Class<?> family : List.of(Player.Command.class, Player.Event.class, Player.Reply.class)) {
      for (Class<?> type : family.getPermittedSubclasses()) {
        if (!sampled.contains(type)) {
          missing.add(type);
        }
      }
    }
    assertThat(missing).isEmpty();
  }
}
