package org.bluemarble.edge.ws;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.NotUsed;
import org.apache.pekko.http.javadsl.model.ws.BinaryMessage;
import org.apache.pekko.http.javadsl.model.ws.Message;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.BoundedSourceQueue;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.util.ByteString;
import org.bluemarble.edge.session.GameSession;
import org.bluemarble.edge.session.SessionDeps;
import org.bluemarble.protocol.ProtocolCodec;
import org.bluemarble.protocol.ProtocolException;
import org.bluemarble.protocol.v1.Error;

/**
 * The game WebSocket {@code GET /ws}: binary frames, each one Envelope, one {@link GameSession} per
 * connection. Frames above the max size are refused with CODE_FRAME_TOO_LARGE (without buffering
 * them), text frames with CODE_MALFORMED_FRAME; a connection silent for the idle timeout is closed.
 * Pings are pekko-http's periodic keep-alive (pekko.http.server.websocket.*).
 */
public final class WebSocketRoutes extends AllDirectives {

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
  private final Materializer materializer;
  private final ProtocolCodec codec;
  private final WebSocketStats stats = new WebSocketStats();

  /** The route for sessions with {@code deps}. */
  public WebSocketRoutes(SessionDeps deps, Settings settings, Materializer materializer) {
    this.deps = deps;
    this.settings = settings;
    this.materializer = materializer;
    this.codec = new ProtocolCodec(settings.maxFrameBytes());
  }

  /** {@code GET /ws}. */
  public Route route() {
    // fromMaterializer: a fresh session per materialisation, i.e. per connection.
    Flow<Message, Message, NotUsed> perConnection =
        Flow.<Message, Message, NotUsed>fromMaterializer((mat, attributes) -> connection())
            .mapMaterializedValue(ignored -> NotUsed.getInstance());
    return path("ws", () -> get(() -> handleWebSocketMessages(perConnection)));
  }

  /** The edge's counters. */
  public WebSocketStats stats() {
    return stats;
  }

  private Flow<Message, Message, NotUsed> connection() {
    stats.connections.increment();
    Pair<BoundedSourceQueue<Message>, Source<Message, NotUsed>> outbound =
        Source.<Message>queue(settings.outboundQueue()).preMaterialize(materializer);
    WebSocketOutput output =
        new WebSocketOutput(outbound.first(), settings.outboundQueue(), codec, stats);
    GameSession session = new GameSession(deps, output, codec, null);
    Sink<Message, NotUsed> inbound =
        Flow.<Message>create()
            .idleTimeout(settings.idleTimeout())
            .mapAsync(1, this::strict)
            .toMat(Sink.foreach(frame -> deliver(session, frame)), Keep.right())
            .mapMaterializedValue(
                done -> {
                  done.whenComplete(
                      (ok, failure) -> {
                        session.connectionLost();
                        output.close();
                      });
                  return NotUsed.getInstance();
                });
    return Flow.fromSinkAndSourceCoupled(inbound, outbound.second());
  }

  private void deliver(GameSession session, Object frame) {
    stats.frames.increment();
    if (frame instanceof ProtocolException refused) {
      stats.refusedFrames.increment();
      session.onRefusedFrame(refused);
    } else {
      session.onFrame(((ByteString) frame).toArrayUnsafe());
    }
  }

  /** The frame's bytes, or the ProtocolException refusing it. */
  private CompletionStage<Object> strict(Message message) {
    if (message.isText()) {
      message.asTextMessage().getStreamedText().runWith(Sink.ignore(), materializer);
      return CompletableFuture.completedFuture(
          new ProtocolException(
              Error.Code.CODE_MALFORMED_FRAME, "text frames are not accepted; send binary frames"));
    }
    BinaryMessage binary = message.asBinaryMessage();
    if (binary.isStrict()) {
      ByteString data = binary.getStrictData();
      return CompletableFuture.completedFuture(
          data.size() > settings.maxFrameBytes() ? tooLarge() : data);
    }
    int max = settings.maxFrameBytes();
    return binary
        .getStreamedData()
        .runFold(
            ByteString.emptyByteString(),
            (acc, chunk) -> acc.size() > max ? acc : acc.concat(chunk),
            materializer)
        .thenApply(data -> data.size() > max ? (Object) tooLarge() : data);
  }

  private ProtocolException tooLarge() {
    return new ProtocolException(
        Error.Code.CODE_FRAME_TOO_LARGE,
        "frame larger than "
            + settings.maxFrameBytes()
            + " bytes (bluemarble.edge.ws.max-frame-bytes)");
  }
}
