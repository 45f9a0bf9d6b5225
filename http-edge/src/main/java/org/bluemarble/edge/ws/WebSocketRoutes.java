package org.bluemarble.edge.ws;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.event.Logging;
import org.apache.pekko.event.LoggingAdapter;
import org.apache.pekko.http.impl.engine.ws.UpgradeToWebSocketLowLevel;
import org.apache.pekko.http.impl.engine.ws.WebSocket$;
import org.apache.pekko.http.javadsl.model.AttributeKeys;
import org.apache.pekko.http.javadsl.model.HttpHeader;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.ws.WebSocketUpgrade;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.scaladsl.settings.ServerSettings;
import org.apache.pekko.http.scaladsl.settings.WebSocketSettings;
import org.apache.pekko.stream.Graph;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.scaladsl.BidiFlow;
import org.apache.pekko.stream.scaladsl.Flow;
import org.bluemarble.edge.internal.TraceContext;
import org.bluemarble.edge.session.GameSession;
import org.bluemarble.edge.session.SessionDeps;
import org.bluemarble.protocol.ProtocolCodec;
import scala.Option;
import scala.concurrent.duration.FiniteDuration;

/**
 * The game WebSocket {@code GET /ws}: binary frames, each one Envelope, one {@link GameSession} per
 * connection. Frames above the max size are refused with CODE_FRAME_TOO_LARGE (without buffering
 * them), text frames with CODE_MALFORMED_FRAME; a connection silent for the idle timeout is closed.
 * Pings are pekko-http's periodic keep-alive (pekko.http.server.websocket.*).
 *
 * <p>pekko-http does the handshake, masking, control frames, the close handshake and the
 * keep-alive; its message layer is replaced by one stage per connection ({@link
 * WebSocketSessionStage}), because that layer materialises a substream for every message in both
 * directions, which made the WebSocket edge cost several times the UDP edge per player.
 */
public final class WebSocketRoutes extends AllDirectives {

  /** How long the close handshake may take before the connection is dropped. */
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(3);

  /**
   * Limits of the WebSocket edge.
   *
   * @param maxFrameBytes largest accepted message
   * @param outboundQueue messages queued per connection (see {@link WebSocketOutput} for the
   *     policy)
   * @param idleTimeout a connection that sends nothing for this long is closed
   */
  public record Settings(int maxFrameBytes, int outboundQueue, Duration idleTimeout) {}

  private final SessionDeps deps;
  private final Settings settings;
  private final ProtocolCodec codec;
  private final WebSocketStats stats = new WebSocketStats();
  private final WebSocketSettings wsSettings;
  private final LoggingAdapter log;

  /** The route for sessions with {@code deps}. */
  public WebSocketRoutes(SessionDeps deps, Settings settings, Materializer materializer) {
    this.deps = deps;
    this.settings = settings;
    this.codec = new ProtocolCodec(settings.maxFrameBytes());
    ActorSystem system = materializer.system();
    this.wsSettings = ServerSettings.apply(system.settings().config()).websocketSettings();
    this.log = Logging.getLogger(system, WebSocketRoutes.class);
  }

  /** {@code GET /ws}. */
  public Route route() {
    return path(
        "ws",
        () ->
            get(
                () ->
                    extractRequest(
                        request -> {
                          Optional<WebSocketUpgrade> upgrade =
                              request.getAttribute(AttributeKeys.webSocketUpgrade);
                          if (upgrade.isEmpty()
                              || !(upgrade.get() instanceof UpgradeToWebSocketLowLevel low)) {
                            return complete(
                                StatusCodes.BAD_REQUEST, "Expected WebSocket Upgrade request");
                          }
                          // The upgrade's trace (TraceContext.traced set it on the request) goes
                          // with every command the session sends.
                          String traceId =
                              TraceContext.continueOrStart(
                                      request.getHeader(TraceContext.HEADER).map(HttpHeader::value))
                                  .traceId();
                          return complete(low.handleFrames(connection(traceId), Option.empty()));
                        })));
  }

  /** The edge's counters. */
  public WebSocketStats stats() {
    return stats;
  }

  /**
   * Raw frames in and out of one connection: pekko-http's masking, frame handling and keep-alive
   * layers joined with this connection's session stage.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private Graph connection(String traceId) {
    WebSocket$ ws = WebSocket$.MODULE$;
    FiniteDuration closeTimeout =
        FiniteDuration.apply(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    BidiFlow layers =
        ws.masking(true, wsSettings.randomFactory())
            .atop((Graph) ws.frameHandling(true, closeTimeout, log))
            .atop((Graph) ws.periodicKeepAlive(wsSettings));
    WebSocketOutput output = new WebSocketOutput(settings.outboundQueue(), codec, stats);
    Flow<Object, Object, NotUsed> session =
        Flow.fromGraph(
            new WebSocketSessionStage(
                output,
                out -> new GameSession(deps, out, codec, null).traced(traceId),
                settings.maxFrameBytes(),
                settings.idleTimeout(),
                CLOSE_TIMEOUT,
                stats));
    return layers.join(session);
  }
}
