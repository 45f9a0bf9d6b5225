package org.bluemarble.edge.ws;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.function.Function;
import org.apache.pekko.http.impl.engine.ws.FrameEvent$;
import org.apache.pekko.http.impl.engine.ws.FrameHandler;
import org.apache.pekko.http.impl.engine.ws.Protocol;
import org.apache.pekko.http.impl.engine.ws.WebSocket;
import org.apache.pekko.stream.Attributes;
import org.apache.pekko.stream.FlowShape;
import org.apache.pekko.stream.Inlet;
import org.apache.pekko.stream.Outlet;
import org.apache.pekko.stream.stage.AbstractInHandler;
import org.apache.pekko.stream.stage.AbstractOutHandler;
import org.apache.pekko.stream.stage.AsyncCallback;
import org.apache.pekko.stream.stage.GraphStage;
import org.apache.pekko.stream.stage.GraphStageLogic;
import org.apache.pekko.stream.stage.TimerGraphStageLogic;
import org.apache.pekko.util.ByteString;
import org.bluemarble.edge.session.GameSession;
import org.bluemarble.protocol.ProtocolException;
import org.bluemarble.protocol.v1.Error;
import scala.Option;

/**
 * One WebSocket connection as a single stream stage between pekko-http's frame handling (masking,
 * control frames, close handshake, keep-alive) and a {@link GameSession}. It replaces pekko-http's
 * message layer, which materialises a substream per message in both directions (splitAfter and
 * prefixAndTail in, flatMapConcat out): here an inbound binary message is handed to the session as
 * soon as its last part arrives, and each outbound envelope (encoded by the sending thread) becomes
 * one frame, taken from the connection's {@link WebSocketOutput} when the socket wants more.
 *
 * <p>Messages larger than the max frame size are refused (CODE_FRAME_TOO_LARGE) without being
 * buffered, text messages with CODE_MALFORMED_FRAME; a connection that sends no message for the
 * idle timeout is closed.
 */
final class WebSocketSessionStage extends GraphStage<FlowShape<Object, Object>> {
  private static final String IDLE_CHECK = "idle";
  private static final String CLOSE_TICK = "tick";

  /** The binary opcode (a Scala object nested in pekko-http's Protocol, looked up once). */
  private static final Protocol.Opcode BINARY = binaryOpcode();

  private final Inlet<Object> in = Inlet.create("WebSocketSession.in");
  private final Outlet<Object> out = Outlet.create("WebSocketSession.out");
  private final FlowShape<Object, Object> shape = FlowShape.of(in, out);
  private final WebSocketOutput output;
  private final Function<WebSocketOutput, GameSession> sessions;
  private final int maxFrameBytes;
  private final Duration idleTimeout;
  private final Duration closeTimeout;
  private final WebSocketStats stats;

  /**
   * @param sessions makes the connection's session writing to the given output (called once, when
   *     the stage starts)
   */
  WebSocketSessionStage(
      WebSocketOutput output,
      Function<WebSocketOutput, GameSession> sessions,
      int maxFrameBytes,
      Duration idleTimeout,
      Duration closeTimeout,
      WebSocketStats stats) {
    this.output = output;
    this.sessions = sessions;
    this.maxFrameBytes = maxFrameBytes;
    this.idleTimeout = idleTimeout;
    this.closeTimeout = closeTimeout;
    this.stats = stats;
  }

  @Override
  public FlowShape<Object, Object> shape() {
    return shape;
  }

  @Override
  public GraphStageLogic createLogic(Attributes attributes) {
    return new Logic();
  }

  private final class Logic extends TimerGraphStageLogic {
    /** Frame-handling events that go out ahead of data (pongs, close answers), in order. */
    private final ArrayDeque<Object> bypass = new ArrayDeque<>();

    private GameSession session;
    private ByteString partial = ByteString.emptyByteString();
    private boolean partialTooLarge;
    private long lastInboundNanos = System.nanoTime();
    // The user side is done (UserHandlerCompleted queued): only the close handshake remains.
    private boolean userDone;
    // PeerClosed went out: complete once the bypass queue is empty.
    private boolean completeWhenFlushed;

    Logic() {
      super(shape);
      setHandler(
          in,
          new AbstractInHandler() {
            @Override
            public void onPush() {
              onInbound(grab(in));
            }

            @Override
            public void onUpstreamFinish() {
              sessionGone();
              completeStage();
            }

            @Override
            public void onUpstreamFailure(Throwable ex) {
              sessionGone();
              completeStage();
            }
          });
      setHandler(
          out,
          new AbstractOutHandler() {
            @Override
            public void onPull() {
              pushNext();
            }

            @Override
            public void onDownstreamFinish(Throwable cause) {
              sessionGone();
              completeStage();
            }
          });
    }

    @Override
    public void preStart() {
      stats.connections.increment();
      AsyncCallback<Object> available = createAsyncCallback(ignored -> pushNext());
      output.onAvailable(() -> available.invoke(Boolean.TRUE));
      session = sessions.apply(output);
      long checkNanos = Math.max(idleTimeout.toNanos() / 4, 1_000_000L);
      scheduleWithFixedDelay(
          IDLE_CHECK, Duration.ofNanos(checkNanos), Duration.ofNanos(checkNanos));
      pull(in);
    }

    @Override
    public void onTimer(Object key) {
      if (CLOSE_TICK.equals(key)) {
        bypass.add(WebSocket.Tick$.MODULE$);
        pushNext();
      } else if (!userDone && System.nanoTime() - lastInboundNanos > idleTimeout.toNanos()) {
        sessionGone();
      }
    }

    private void onInbound(Object event) {
      if (event instanceof FrameHandler.BinaryMessagePart part) {
        lastInboundNanos = System.nanoTime();
        appendPart(part.data());
        if (part.last()) {
          deliver();
        }
      } else if (event instanceof FrameHandler.TextMessagePart text) {
        lastInboundNanos = System.nanoTime();
        if (text.last() && !userDone) {
          stats.frames.increment();
          stats.refusedFrames.increment();
          session.onRefusedFrame(
              new ProtocolException(
                  Error.Code.CODE_MALFORMED_FRAME,
                  "text frames are not accepted; send binary frames"));
        }
      } else if (event instanceof FrameHandler.PeerClosed) {
        // The peer closed: nothing more goes to or comes from the session; answer and complete.
        userDone = true;
        if (session != null) {
          session.connectionLost();
        }
        output.close();
        bypass.add(event);
        bypass.add(FrameHandler.UserHandlerCompleted$.MODULE$);
        completeWhenFlushed = true;
        pushNext();
        return;
      } else if (event instanceof FrameHandler.BypassEvent) {
        bypass.add(event);
        pushNext();
      }
      pull(in);
    }

    private void appendPart(ByteString data) {
      if (partialTooLarge) {
        return;
      }
      if (partial.size() + data.size() > maxFrameBytes) {
        partialTooLarge = true;
        partial = ByteString.emptyByteString();
      } else {
        partial = partial.isEmpty() ? data : partial.concat(data);
      }
    }

    private void deliver() {
      boolean tooLarge = partialTooLarge;
      byte[] bytes = tooLarge ? null : partial.toArrayUnsafe();
      partial = ByteString.emptyByteString();
      partialTooLarge = false;
      if (userDone) {
        return;
      }
      stats.frames.increment();
      if (tooLarge) {
        stats.refusedFrames.increment();
        session.onRefusedFrame(
            new ProtocolException(
                Error.Code.CODE_FRAME_TOO_LARGE,
                "frame larger than "
                    + maxFrameBytes
                    + " bytes (bluemarble.edge.ws.max-frame-bytes)"));
      } else {
        session.onFrame(bytes);
      }
    }

    /** Pushes the next bypass event, else the next queued frame, when the socket wants one. */
    private void pushNext() {
      if (!isAvailable(out)) {
        return;
      }
      Object next = bypass.poll();
      if (next == null && !userDone) {
        Object item = output.poll();
        if (item == WebSocketOutput.CLOSE) {
          userDone();
          next = bypass.poll();
        } else if (item != null) {
          next =
              FrameEvent$.MODULE$.fullFrame(
                  BINARY,
                  Option.empty(),
                  ByteString.fromArrayUnsafe((byte[]) item),
                  true,
                  false,
                  false,
                  false);
        }
      }
      if (next != null) {
        push(out, next);
      }
      if (completeWhenFlushed && bypass.isEmpty()) {
        completeStage();
      }
    }

    /** The session closed the connection: close frame out, then the peer's close or a timeout. */
    private void userDone() {
      if (userDone) {
        return;
      }
      userDone = true;
      bypass.add(FrameHandler.UserHandlerCompleted$.MODULE$);
      scheduleWithFixedDelay(CLOSE_TICK, closeTimeout, closeTimeout);
    }

    private void sessionGone() {
      if (session != null) {
        session.connectionLost();
      }
      output.close();
      pushNext();
    }
  }

  private static Protocol.Opcode binaryOpcode() {
    try {
      return (Protocol.Opcode)
          Class.forName("org.apache.pekko.http.impl.engine.ws.Protocol$Opcode$Binary$")
              .getField("MODULE$")
              .get(null);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }
}
