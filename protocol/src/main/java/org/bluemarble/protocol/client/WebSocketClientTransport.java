package org.bluemarble.protocol.client;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.bluemarble.protocol.ProtocolCodec;
import org.bluemarble.protocol.v1.Envelope;

/**
 * Envelopes over a WebSocket (JDK {@link HttpClient}): each binary message is one Envelope. Sends
 * are chained so that at most one is outstanding, as the JDK WebSocket requires; received messages
 * are delivered on the HTTP client's threads, one at a time.
 */
public final class WebSocketClientTransport implements ClientTransport {

  private final ProtocolCodec codec;
  private final AtomicLong bytesSent = new AtomicLong();
  private final AtomicLong bytesReceived = new AtomicLong();
  private volatile Consumer<Envelope> onEnvelope = e -> {};
  private volatile Consumer<Throwable> onClosed = t -> {};
  private WebSocket socket;
  private CompletableFuture<WebSocket> sendTail;

  private WebSocketClientTransport(ProtocolCodec codec) {
    this.codec = codec;
  }

  /**
   * Connects to a server's WebSocket endpoint, e.g. {@code ws://127.0.0.1:8080/ws}.
   *
   * @return a future completed with the open transport
   */
  public static CompletableFuture<WebSocketClientTransport> connect(
      HttpClient http, URI uri, Consumer<Envelope> onEnvelope, Consumer<Throwable> onClosed) {
    return connect(http, uri, Map.of(), onEnvelope, onClosed);
  }

  /**
   * Connects as {@link #connect(HttpClient, URI, Consumer, Consumer)} does, sending {@code headers}
   * with the upgrade request (e.g. a W3C {@code traceparent}: the server then logs the session's
   * commands under that trace).
   */
  public static CompletableFuture<WebSocketClientTransport> connect(
      HttpClient http,
      URI uri,
      Map<String, String> headers,
      Consumer<Envelope> onEnvelope,
      Consumer<Throwable> onClosed) {
    WebSocketClientTransport t = new WebSocketClientTransport(new ProtocolCodec());
    t.setHandler(onEnvelope, onClosed);
    WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
    headers.forEach(builder::header);
    return builder
        .buildAsync(uri, t.new Listener())
        .thenApply(
            ws -> {
              synchronized (t) {
                t.socket = ws;
                t.sendTail = CompletableFuture.completedFuture(ws);
              }
              return t;
            });
  }

  @Override
  public void setHandler(Consumer<Envelope> onEnvelope, Consumer<Throwable> onClosed) {
    this.onEnvelope = onEnvelope;
    this.onClosed = onClosed;
  }

  @Override
  public synchronized void send(Envelope envelope) {
    if (socket == null) {
      throw new IllegalStateException("WebSocket is not open");
    }
    ByteBuffer frame = ByteBuffer.wrap(codec.encode(envelope));
    bytesSent.addAndGet(frame.remaining());
    sendTail = sendTail.thenCompose(ws -> ws.sendBinary(frame, true));
  }

  @Override
  public long bytesSent() {
    return bytesSent.get();
  }

  @Override
  public long bytesReceived() {
    return bytesReceived.get();
  }

  @Override
  public synchronized void close() {
    if (socket != null) {
      sendTail =
          sendTail.thenCompose(ws -> ws.sendClose(WebSocket.NORMAL_CLOSURE, "client closed"));
    }
  }

  /** Assembles binary frames into messages and hands each one to the handler. */
  private final class Listener implements WebSocket.Listener {
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
      if (partial.size() + data.remaining() > codec.maxFrameBytes()) {
        webSocket.abort();
        onClosed.accept(new IllegalStateException("server sent a frame above the maximum size"));
        return null;
      }
      bytesReceived.addAndGet(data.remaining());
      if (last && partial.size() == 0) {
        // A whole message in one part (the usual case): decoded from the buffer without copies
        // (the decoder copies what it keeps, so the buffer may be reused once this returns).
        return deliver(webSocket, data);
      }
      byte[] chunk = new byte[data.remaining()];
      data.get(chunk);
      partial.write(chunk, 0, chunk.length);
      if (last) {
        ByteBuffer message = ByteBuffer.wrap(partial.toByteArray());
        partial.reset();
        return deliver(webSocket, message);
      }
      webSocket.request(1);
      return null;
    }

    /** Decodes one whole message, hands it to the handler and asks for the next. */
    private CompletionStage<?> deliver(WebSocket webSocket, ByteBuffer message) {
      try {
        onEnvelope.accept(codec.decode(message));
      } catch (RuntimeException e) {
        webSocket.abort();
        onClosed.accept(e);
        return null;
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      onClosed.accept(
          statusCode == WebSocket.NORMAL_CLOSURE
              ? null
              : new IllegalStateException("closed with " + statusCode + ": " + reason));
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      onClosed.accept(error);
    }
  }
}
