package org.bluemarble.node;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.pekko.Done;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.stream.Materializer;
import org.bluemarble.auth.TokenService;
import org.bluemarble.config.BlueMarbleSettings;
import org.bluemarble.config.EdgeSettings;
import org.bluemarble.edge.port.MarketPort;
import org.bluemarble.edge.port.PlayPort;
import org.bluemarble.edge.session.AccessTokenCheck;
import org.bluemarble.edge.session.SessionDeps;
import org.bluemarble.edge.session.SessionSecurity;
import org.bluemarble.edge.session.UdpTokens;
import org.bluemarble.edge.udp.UdpEdge;
import org.bluemarble.edge.ws.WebSocketRoutes;
import org.bluemarble.protocol.udp.ConnectTokenIssuer;

/**
 * Starts the game edges of a node: the UDP listener (stopped by CoordinatedShutdown) and the {@code
 * /ws} route the HTTP edge serves, both over the same session core and play port.
 *
 * @param ws the WebSocket route
 * @param udp the UDP edge, or null when disabled
 */
public record GameEdges(WebSocketRoutes ws, UdpEdge udp) {

  /**
   * Connect tokens carry this protocol id (bump it with incompatible UDP changes; 2: the sealed
   * private token carries the issuer's incarnation).
   */
  public static final long PROTOCOL_ID = 0x424c_554d_0002L;

  private static final Map<ActorSystem<?>, GameEdges> BY_SYSTEM = new ConcurrentHashMap<>();

  /** The game edges started on {@code system} (for counters in tests), if any. */
  public static Optional<GameEdges> of(ActorSystem<?> system) {
    return Optional.ofNullable(BY_SYSTEM.get(system));
  }

  /** Binds the UDP port and builds the WebSocket route, without economy messages. */
  public static GameEdges start(
      ActorSystem<?> system, BlueMarbleSettings settings, PlayPort play, TokenService tokens) {
    return start(system, settings, play, tokens, null);
  }

  /** As above; sessions also speak the economy's messages through {@code market} (null: none). */
  public static GameEdges start(
      ActorSystem<?> system,
      BlueMarbleSettings settings,
      PlayPort play,
      TokenService tokens,
      MarketPort market) {
    return start(system, settings, play, tokens, market, null);
  }

  /**
   * As above; {@code security} (null: none) ends sessions with their login, re-checks it and rate
   * limits economy messages, and verifies WebSocket tokens off the stream's thread.
   */
  public static GameEdges start(
      ActorSystem<?> system,
      BlueMarbleSettings settings,
      PlayPort play,
      TokenService tokens,
      MarketPort market,
      SessionSecurity security) {
    EdgeSettings edge = settings.edge();
    byte[] key = edge.udpKey().orElseGet(ConnectTokenIssuer::generateKey);
    String host =
        edge.udpPublicHost().isEmpty() ? settings.node().advertisedHost() : edge.udpPublicHost();
    UdpEdge udp = null;
    UdpTokens udpTokens = null;
    if (edge.udpEnabled()) {
      try {
        // The public address goes into tokens, so the port must be known first: bind, then build.
        DatagramChannel probe = null;
        int port = edge.udpPort();
        if (port == 0) {
          probe = DatagramChannel.open().bind(new InetSocketAddress(settings.node().bindHost(), 0));
          port = ((InetSocketAddress) probe.getLocalAddress()).getPort();
          probe.close();
        }
        udpTokens =
            new UdpTokens(
                new ConnectTokenIssuer(PROTOCOL_ID, key),
                host + ":" + port,
                edge.udpTokenLifetime().toMillis(),
                (int) edge.udpConnectionTimeout().toMillis());
        udp =
            UdpEdge.start(
                settings.node().bindHost(),
                port,
                edge.udpMaxConnections(),
                deps(edge, play, tokens, udpTokens, market, security));
      } catch (IOException e) {
        throw new StartupException(
            "cannot listen for UDP on "
                + settings.node().bindHost()
                + ":"
                + edge.udpPort()
                + " (bluemarble.node.udp-port / BLUEMARBLE_UDP_PORT): "
                + e.getMessage(),
            e);
      }
      UdpEdge started = udp;
      CoordinatedShutdown.get(system)
          .addTask(
              CoordinatedShutdown.PhaseServiceUnbind(),
              "stop-udp-edge",
              () -> {
                started.close();
                return CompletableFuture.completedFuture(Done.getInstance());
              });
    }
    WebSocketRoutes ws =
        new WebSocketRoutes(
            deps(edge, play, tokens, udpTokens, market, security),
            new WebSocketRoutes.Settings(
                edge.wsMaxFrameBytes(), edge.wsOutboundQueue(), edge.wsIdleTimeout()),
            Materializer.matFromSystem(system));
    GameEdges edges = new GameEdges(ws, udp);
    BY_SYSTEM.put(system, edges);
    system.getWhenTerminated().thenRun(() -> BY_SYSTEM.remove(system));
    return edges;
  }

  private static SessionDeps deps(
      EdgeSettings edge,
      PlayPort play,
      TokenService tokens,
      UdpTokens udp,
      MarketPort market,
      SessionSecurity security) {
    return new SessionDeps(
        AccessTokenCheck.jwt(tokens),
        play,
        udp,
        "bluemarble-node",
        edge.snapshotBudgetBytes(),
        edge.maxBadFrames(),
        market,
        security);
  }
}
