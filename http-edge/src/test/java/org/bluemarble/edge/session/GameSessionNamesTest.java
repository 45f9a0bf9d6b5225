package org.bluemarble.edge.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bluemarble.edge.port.PlayIntent;
import org.bluemarble.edge.port.PlayPort;
import org.bluemarble.edge.port.PlayPosition;
import org.bluemarble.edge.port.Presence;
import org.bluemarble.edge.port.WorldListener;
import org.bluemarble.protocol.ProtocolCodec;
import org.bluemarble.protocol.v1.Envelope;
import org.junit.jupiter.api.Test;

/**
 * Display names in EntityEnter: a player the node knows is announced by name, a creature by its
 * kind, and a player whose name had not reached the node yet by its kind and then by a later
 * EntityName once the cluster answers.
 */
class GameSessionNamesTest {
  private static final long SELF = 7L;
  private static final long ALICE = 11L;
  private static final long BOB = 12L;
  private static final long DEER = -42L;
  private static final PlayPosition AT = new PlayPosition(47.0, 8.0, 2036.0);

  private final List<Envelope> sent = new CopyOnWriteArrayList<>();
  private final Map<Long, String> local = new ConcurrentHashMap<>(Map.of(ALICE, "Alice"));
  private final CompletableFuture<Optional<String>> bobFromCluster = new CompletableFuture<>();
  private WorldListener listener;

  private final Presence presence =
      new Presence() {
        @Override
        public Entered entered() {
          return new Entered(SELF, AT, 0.0, 0L, 60, 20, 6_371_000.0, 6.0, false);
        }

        @Override
        public void input(long sequence, PlayIntent intent, long clientTimeMillis) {}

        @Override
        public void detach() {}

        @Override
        public void leave() {}
      };

  private final PlayPort play =
      new SessionTestKit.PortOfP1(presence) {
        @Override
        void entering(WorldListener l) {
          listener = l;
        }

        @Override
        public String displayName(long entityId) {
          return local.get(entityId);
        }

        @Override
        public CompletionStage<Optional<String>> lookupDisplayName(long entityId) {
          return entityId == BOB
              ? bobFromCluster
              : CompletableFuture.completedFuture(Optional.ofNullable(local.get(entityId)));
        }
      };

  private void enterWorld() {
    SessionOutput out = SessionTestKit.recordingInto(sent);
    SessionDeps deps = new SessionDeps(token -> "acc-1", play, null, "test", 1_000, 3);
    GameSession s = new GameSession(deps, out, new ProtocolCodec(), null, Runnable::run);
    SessionTestKit.enterAsP1(s);
  }

  private void seeEveryone() {
    for (long id : List.of(ALICE, BOB, DEER)) {
      listener.onEntityEntered(id);
    }
    listener.onSnapshot(
        10,
        List.of(
            new WorldListener.SeenEntity(ALICE, WorldListener.Kind.PLAYER, 47.0, 8.0, 2036, 0),
            new WorldListener.SeenEntity(BOB, WorldListener.Kind.PLAYER, 47.0, 8.0001, 2036, 0),
            new WorldListener.SeenEntity(DEER, WorldListener.Kind.NPC, 47.0001, 8.0, 2030, 0)));
  }

  private Map<Long, String> enterNames() {
    Map<Long, String> names = new java.util.HashMap<>();
    sent.stream()
        .filter(Envelope::hasEntityEnter)
        .forEach(e -> names.put(e.getEntityEnter().getEntityId(), e.getEntityEnter().getName()));
    return names;
  }

  @Test
  void knownPlayersAreAnnouncedByNameAndCreaturesByKind() {
    enterWorld();
    seeEveryone();
    assertThat(enterNames()).containsEntry(ALICE, "Alice").containsEntry(DEER, "npc");
  }

  @Test
  void aPlayerNotYetKnownHereIsNamedByAnEntityNameOnceTheClusterAnswers() {
    enterWorld();
    seeEveryone();
    assertThat(enterNames()).containsEntry(BOB, "player");
    assertThat(sent).noneMatch(Envelope::hasEntityName);

    bobFromCluster.complete(Optional.of("Bob"));

    assertThat(sent.stream().filter(Envelope::hasEntityName).map(Envelope::getEntityName))
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.getEntityId()).isEqualTo(BOB);
              assertThat(n.getName()).isEqualTo("Bob");
            });
    int lastEnter = -1;
    int name = -1;
    for (int i = 0; i < sent.size(); i++) {
      if (sent.get(i).hasEntityEnter() && sent.get(i).getEntityEnter().getEntityId() == BOB) {
        lastEnter = i;
      }
      if (sent.get(i).hasEntityName()) {
        name = i;
      }
    }
    assertThat(name).as("the EntityName follows the EntityEnter").isGreaterThan(lastEnter);
  }

  @Test
  void nobodyIsAskedTwiceAndUnknownNamesSendNothing() {
    enterWorld();
    seeEveryone();
    bobFromCluster.complete(Optional.empty());
    listener.onSnapshot(
        11,
        List.of(
            new WorldListener.SeenEntity(BOB, WorldListener.Kind.PLAYER, 47.0, 8.0001, 2036, 0)));
    assertThat(sent).noneMatch(Envelope::hasEntityName);
    assertThat(sent.stream().filter(Envelope::hasEntityEnter)).hasSize(3);
  }
}
