package org.bluemarble.presence;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.bluemarble.edge.port.PortException;
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

  /**
   * The node is stopping: every presence takes its character out of the world ({@link
   * PresenceActor.NodeStopping}); {@code replyTo} hears once all have stopped. New entries are
   * refused from now on.
   */
  record NodeStopping(ActorRef<Done> replyTo) implements Command {}

  static Behavior<Command> create(PresenceSettings settings) {
    return Behaviors.setup(
        ctx -> {
          Map<String, ActorRef<PresenceActor.Command>> byPlayer = new HashMap<>();
          List<ActorRef<Done>> waiting = new ArrayList<>();
          return Behaviors.receive(Command.class)
              .onMessage(
                  Enter.class,
                  e -> {
                    if (!waiting.isEmpty()) {
                      e.result()
                          .completeExceptionally(
                              new PortException(
                                  PortException.Code.UNAVAILABLE,
                                  "this node is stopping: connect again (another node serves the"
                                      + " world)"));
                      return Behaviors.same();
                    }
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
                    if (byPlayer.isEmpty()) {
                      waiting.forEach(w -> w.tell(Done.getInstance()));
                    }
                    return Behaviors.same();
                  })
              .onMessage(
                  NodeStopping.class,
                  n -> {
                    ctx.getLog()
                        .info(
                            "node stopping: {} presences take their characters out of the world",
                            byPlayer.size());
                    byPlayer.values().forEach(p -> p.tell(PresenceActor.NodeStopping.INSTANCE));
                    waiting.add(n.replyTo());
                    if (byPlayer.isEmpty()) {
                      n.replyTo().tell(Done.getInstance());
                    }
                    return Behaviors.same();
                  })
              .build();
        });
  }
}
