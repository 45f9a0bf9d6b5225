package org.bluemarble.names;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.bluemarble.edge.port.PlayPosition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class OnlinePlayersTest {
  private static final ActorTestKit testKit = ActorTestKit.create("OnlinePlayersTest");
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  @AfterAll
  static void stop() {
    testKit.shutdownTestKit();
  }

  private static Optional<OnlinePlayers.Seen> find(OnlinePlayers online, String id)
      throws Exception {
    return online.find(Set.of(id), TIMEOUT).toCompletableFuture().get(20, TimeUnit.SECONDS);
  }

  @Test
  void aMoveUpdatesWhereThePlayerIsFoundAndKeepsTheCellWhenNoneIsGiven() throws Exception {
    OnlinePlayers online = OnlinePlayers.get(testKit.system());
    online.seen("alice", 42, "Alice", new PlayPosition(1, 2, 3), "cellA");

    online.moved("alice", new PlayPosition(4, 5, 6), null);
    OnlinePlayers.Seen moved = find(online, "alice").orElseThrow();
    assertThat(moved.entityId()).isEqualTo(42);
    assertThat(moved.name()).isEqualTo("Alice");
    assertThat(moved.latitudeDeg()).isEqualTo(4);
    assertThat(moved.longitudeDeg()).isEqualTo(5);
    assertThat(moved.altitudeMeters()).isEqualTo(6);
    assertThat(moved.cellId()).isEqualTo("cellA");

    online.moved("alice", new PlayPosition(7, 8, 9), "cellB");
    assertThat(find(online, "alice").orElseThrow().cellId()).isEqualTo("cellB");

    // A move of a player never seen is ignored; one gone is not found.
    online.moved("bob", new PlayPosition(1, 1, 1), "cellA");
    assertThat(find(online, "bob")).isEmpty();
    online.gone("alice");
    assertThat(find(online, "alice")).isEmpty();
  }
}
