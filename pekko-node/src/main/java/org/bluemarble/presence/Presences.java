package org.bluemarble.presence;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.bluemarble.edge.port.Presence;
import org.bluemarble.edge.port.WorldListener;

/**
 * The node's presences: at most one {@link PresenceActor} per player on this node, so a second
 * connection for a player resumes (or takes over) the one presence instead of entering twice.
 */
final class Presences {
  private Presences() {}

  interface Command {}

  /** Route a connection to the player's presence, starting one if there is none. */
  record Enter(
      String accountId, String playerId, WorldListener listener, CompletableFuture<Presence> result)
      implements Command {}

  private record Stopped(String playerId, ActorRef<PresenceActor.Command> ref) implements Command {}

  static Behavior<Command> create(PresenceSettings settings) {
    return Behaviors.setup(
        ctx -> {
          Map<String, ActorRef<PresenceActor.Command>> byPlayer = new HashMap<>();
          return Behaviors.receive(Command.class)
              .onMessage(
                  Enter.class,
                  e -> {
                    ActorRef<PresenceActor.Command> ref = byPlayer.get(e.playerId());
                    if (ref == null) {
                      ref =
                          ctx.spawn(
                              PresenceActor.create(e.playerId(), settings),
                              "p-"
                                  + URLEncoder.encode(e.playerId(), StandardCharsets.UTF_8)
                                  + "-"
                                  + System.nanoTime());
                      ctx.watchWith(ref, new Stopped(e.playerId(), ref));
                      byPlayer.put(e.playerId(), ref);
                    }
                    ref.tell(new PresenceActor.Attach(e.accountId(), e.listener(), e.result()));
                    return Behaviors.same();
                  })
              .onMessage(
                  Stopped.class,
                  s -> {
                    byPlayer.remove(s.playerId(), s.ref());
                    return Behaviors.same();
                  })
              .build();
        });
  }
}
