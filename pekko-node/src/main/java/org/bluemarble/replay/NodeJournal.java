package org.bluemarble.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.apache.pekko.Done;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.serialization.SerializationExtension;
import org.bluemarble.config.BlueMarbleSettings;
import org.bluemarble.edge.port.JournalPort;
import org.bluemarble.edge.port.PortException;
import org.bluemarble.market.node.EconomySettings;
import org.bluemarble.persistence.Databases;

/**
 * The node's {@link JournalPort} (admin journal routes) over {@link Replay}: the same reads as the
 * CLI, on the blocking dispatcher, on a small pool of its own so that a long replay never takes a
 * connection the journal's writes need.
 */
public final class NodeJournal implements JournalPort {
  private final Replay replay;
  private final Executor blocking;

  public NodeJournal(Replay replay, Executor blocking) {
    this.replay = replay;
    this.blocking = blocking;
  }

  /** Builds the node's replay (pool closed at shutdown) with the node's serializers and fees. */
  public static Replay replayOf(ActorSystem<?> system, BlueMarbleSettings settings) {
    HikariDataSource pool = Databases.pool(settings.persistence(), "journal-read", 2);
    CoordinatedShutdown.get(system)
        .addTask(
            CoordinatedShutdown.PhaseBeforeActorSystemTerminate(),
            "close-journal-read-pool",
            () -> {
              pool.close();
              return CompletableFuture.completedFuture(Done.getInstance());
            });
    return new Replay(
        new JournalReader(pool),
        EntityFolds.standard(EconomySettings.fromConfig(settings.config()).economy()),
        SerializationExtension.get(Adapter.toClassic(system)),
        new ReplayJson(system));
  }

  /** The port over {@code replay}, its work on the system's blocking dispatcher. */
  public static NodeJournal start(ActorSystem<?> system, Replay replay) {
    return new NodeJournal(replay, system.dispatchers().lookup(DispatcherSelector.blocking()));
  }

  /**
   * Serves the gRPC journal service when {@code bluemarble.journal-service.port} is set, to callers
   * whose access token {@code tokens} accepts with the Admin role; returns when bound. Throws
   * {@link IllegalStateException} naming the port when it cannot be bound.
   */
  public static void serveGrpc(
      ActorSystem<?> system,
      BlueMarbleSettings settings,
      Replay replay,
      org.bluemarble.auth.TokenService tokens) {
    JournalServiceSettings grpc = JournalServiceSettings.fromConfig(settings.config());
    if (!grpc.enabled()) {
      return;
    }
    try {
      JournalServer.start(
              system,
              settings.node().bindHost(),
              grpc,
              replay,
              replay.reader(),
              token ->
                  tokens.verifyAsync(token).thenApply(c -> c.has(org.bluemarble.auth.Role.ADMIN)))
          .toCompletableFuture()
          .get(30, java.util.concurrent.TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(
          "cannot serve the gRPC journal service on "
              + settings.node().bindHost()
              + ":"
              + grpc.port()
              + " (bluemarble.journal-service.port / BLUEMARBLE_GRPC_PORT): "
              + e.getMessage(),
          e);
    }
  }

  public Replay replay() {
    return replay;
  }

  @Override
  public CompletionStage<JsonNode> entities(String entityType) {
    return run(() -> wrap("entities", replay.entities(entityType)));
  }

  @Override
  public CompletionStage<JsonNode> events(String persistenceId, long from, long to) {
    return run(() -> wrap("events", replay.events(persistenceId, from, to)));
  }

  @Override
  public CompletionStage<JsonNode> state(String persistenceId, Long atSequenceNr, Instant atTime) {
    return run(() -> replay.json().tree(replay.state(persistenceId, atSequenceNr, atTime)));
  }

  @Override
  public CompletionStage<JsonNode> diff(String persistenceId, long from, long to) {
    return run(() -> replay.json().tree(replay.diff(persistenceId, from, to)));
  }

  private JsonNode wrap(String field, Object value) {
    ObjectNode out = replay.json().mapper().createObjectNode();
    out.set(field, replay.json().mapper().valueToTree(value));
    return out;
  }

  private CompletionStage<JsonNode> run(Supplier<JsonNode> work) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return work.get();
          } catch (ReplayException e) {
            throw new CompletionException(toPort(e));
          }
        },
        blocking);
  }

  static PortException toPort(ReplayException e) {
    PortException.Code code =
        switch (e.kind()) {
          case BAD_REQUEST -> PortException.Code.INVALID_INPUT;
          case NOT_FOUND -> PortException.Code.NOT_FOUND;
          case UNAVAILABLE -> PortException.Code.UNAVAILABLE;
        };
    return new PortException(code, e.getMessage());
  }
}
