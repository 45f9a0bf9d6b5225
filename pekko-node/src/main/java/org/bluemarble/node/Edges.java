package org.bluemarble.node;

import java.lang.management.ManagementFactory;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.Done;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorSystem;
import org.bluemarble.config.BlueMarbleSettings;
import org.bluemarble.edge.EdgeServer;
import org.bluemarble.edge.EdgeTls;
import org.bluemarble.edge.port.GamePort;
import org.bluemarble.market.node.EconomyWiring;
import org.bluemarble.replay.NodeJournal;
import org.bluemarble.replay.Replay;

/**
 * What a node listens on, bound last: the game edges (WebSocket and UDP), HTTP (public and admin
 * API, the browser client) and the gRPC journal service; then the node reports ready.
 */
final class Edges {
  private Edges() {}

  /** The game edges, started before the HTTP edge that serves their WebSocket route. */
  static GameEdges startGame(
      ActorSystem<?> system,
      BlueMarbleSettings settings,
      Accounts accounts,
      World world,
      EconomyWiring economy) {
    GameEdges edges =
        GameEdges.start(
            system,
            settings,
            world.play(),
            accounts.auth().tokens(),
            economy.port(),
            accounts.sessionSecurity(system));
    EdgeMetrics.start(system, edges);
    return edges;
  }

  /**
   * Binds HTTP (with TLS when configured) and gRPC, waiting for both; then marks the edges bound so
   * {@code /ready} answers 200, and not ready again as soon as shutdown begins.
   */
  static void bind(
      ActorSystem<?> system,
      BlueMarbleSettings settings,
      String version,
      GamePort game,
      Accounts accounts,
      GameEdges gameEdges,
      EconomyWiring economy,
      Replay journal) {
    Optional<EdgeTls> tls;
    try {
      tls = EdgeTls.fromConfig(settings.config());
      tls.ifPresent(EdgeTls::context);
    } catch (IllegalArgumentException e) {
      throw new StartupException(e.getMessage(), e);
    }
    EdgeServer.Settings edge =
        new EdgeServer.Settings(
            settings.node().bindHost(), settings.node().httpPort(), true, version);
    try {
      new EdgeServer(edge, game, accounts.auth(), gameEdges.ws(), economy.payments())
          .start(system, tls)
          .toCompletableFuture()
          .get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new StartupException(
          "cannot listen for HTTP on "
              + edge.host()
              + ":"
              + edge.port()
              + " (bluemarble.node.http-port / BLUEMARBLE_HTTP_PORT): "
              + BlueMarbleNode.rootMessage(e),
          e);
    }
    try {
      NodeJournal.serveGrpc(system, settings, journal, accounts.auth().tokens());
    } catch (IllegalStateException e) {
      throw new StartupException(e.getMessage(), e);
    }
    markBound(system);
  }

  private static void markBound(ActorSystem<?> system) {
    EdgeReadiness.Edges edges = EdgeReadiness.Edges.get(system);
    CoordinatedShutdown.get(system)
        .addTask(
            CoordinatedShutdown.PhaseBeforeServiceUnbind(),
            "mark-edges-unbinding",
            () -> {
              edges.markUnbinding();
              return CompletableFuture.completedFuture(Done.getInstance());
            });
    edges.markBound();
  }

  /** Logs how long the node took from JVM start to cluster membership. */
  static void logWhenUp(ActorSystem<?> system) {
    org.apache.pekko.cluster.Cluster.get(
            org.apache.pekko.actor.typed.javadsl.Adapter.toClassic(system))
        .registerOnMemberUp(
            () ->
                system
                    .log()
                    .info(
                        "node ready: member Up at {}, {} ms after JVM start",
                        system.address(),
                        System.currentTimeMillis()
                            - ManagementFactory.getRuntimeMXBean().getStartTime()));
  }
}
