package org.bluemarble.player;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.bluemarble.replay.ReplayJson;

/**
 * Replay is exact for characters: random histories of creations, renames and position checkpoints
 * through the real entity; the fold of its events hashes as its live state.
 */
class PlayerReplayPropertiesTest {
  private static final ActorTestKit testKit =
      ActorTestKit.create(
          "PlayerReplay",
          EventSourcedBehaviorTestKit.config()
              .withFallback(ConfigFactory.parseResources("bluemarble/serialization.conf"))
              .withFallback(ConfigFactory.defaultReference()));
  private static final ReplayJson JSON = new ReplayJson();

  @AfterContainer
  static void stop() {
    testKit.shutdownTestKit();
  }

  @Property(tries = 30)
  void aCharacterReplaysToItsLiveState(@ForAll long seed) {
    Random r = new Random(seed);
    String id = "p-" + Long.toHexString(seed);
    EventSourcedBehaviorTestKit<Player.Command, Player.Event, Player.State> kit =
        EventSourcedBehaviorTestKit.create(
            testKit.system(), Player.create(id, "player-0", Clock.systemUTC()));
    List<Object> events = new ArrayList<>();
    int steps = 1 + r.nextInt(30);
    for (int i = 0; i < steps; i++) {
      switch (r.nextInt(4)) {
        case 0 ->
            events.addAll(
                kit.<Player.Reply>runCommand(
                        reply ->
                            new Player.CreateCharacter(
                                "Hero " + r.nextInt(1000),
                                r.nextBoolean() ? "Ranger" : "Mage",
                                reply))
                    .events());
        case 1 ->
            events.addAll(
                kit.<Player.Reply>runCommand(
                        reply -> new Player.Rename("Name " + r.nextInt(1000), reply))
                    .events());
        default ->
            events.addAll(
                kit.<Player.Reply>runCommand(
                        reply ->
                            new Player.CheckpointPosition(
                                r.nextDouble() * 180 - 90, r.nextDouble() * 360 - 180, 0, reply))
                    .events());
      }
    }
    PlayerFold fold = new PlayerFold();
    Player.State replayed = fold.initial(id);
    for (Object e : events) {
      replayed = fold.apply(replayed, e);
    }
    assertThat(JSON.hash(JSON.tree(fold.view(replayed))))
        .isEqualTo(JSON.hash(JSON.tree(fold.view(kit.getState()))));
  }
}
