package org.bluemarble.play;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.bluemarble.protocol.v1.Envelope;

/**
 * A WebSocket client that sends arbitrary bytes and collects every envelope the server answers: for
 * out-of-phase and fuzz tests, where the reference client would refuse to misbehave.
 */
final class RawWebSocket implements AutoCloseable {
  final BlockingQueue<Envelope> received = new LinkedBlockingQueue<>();
  final CompletableFuture<Void> closed = new CompletableFuture<>();
  private final WebSocket socket;
  private ByteBuffer partial = ByteBuffer.allocate(0);
  private volatile boolean ending;

  /** One permit per frame that may be in flight unanswered (every frame gets one answer). */
  private final Semaphore window = new Semaphore(32);

  RawWebSocket(HttpClient http, int port) throws Exception {
    socket =
        http.newWebSocketBuilder()
            .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws"), new Listener())
            .get(30, TimeUnit.SECONDS);
  }

  /** Sends one binary frame; false when the connection is gone. */
  boolean send(byte[] frame) {
    try {
      socket.sendBinary(ByteBuffer.wrap(frame), true).get(10, TimeUnit.SECONDS);
      return true;
    } catch (Exception e) {
      return false;
    }
  }

  /**
   * Sends a frame once fewer than 32 sent frames are unanswered, so the server really reads what is
   * sent; false when the connection is gone or stuck.
   */
  boolean sendPaced(byte[] frame) throws InterruptedException {
    return window.tryAcquire(5, TimeUnit.SECONDS) && !ending() && send(frame);
  }

  /** Whether the server said it is closing (Disconnect, HelloRejected) or closed. */
  boolean ending() {
    return ending || closed.isDone();
  }

  /** Sends one text frame; false when the connection is gone. */
  boolean sendText(String text) {
    try {
      socket.sendText(text, true).get(10, TimeUnit.SECONDS);
      return true;
    } catch (Exception e) {
      return false;
    }
  }

  /** Sends one binary message as two fragments; false when the connection is gone. */
  boolean sendFragmented(byte[] frame) {
    int half = frame.length / 2;
    try {
      socket.sendBinary(ByteBuffer.wrap(frame, 0, half), false).get(10, TimeUnit.SECONDS);
      socket
          .sendBinary(ByteBuffer.wrap(frame, half, frame.length - half), true)
          .get(10, TimeUnit.SECONDS);
      return true;
    } catch (Exception e) {
      return false;
    }
  }

  boolean send(Envelope e) {
    return send(e.toByteArray());
  }

  /** The next envelope the server sent, waiting up to 10 s (null if none). */
  Envelope next() throws InterruptedException {
    return received.poll(10, TimeUnit.SECONDS);
  }

  /** The next envelope of one kind, skipping others (pushes, errors of earlier frames). */
  Envelope next(Envelope.MessageCase kind) throws InterruptedException {
    for (Envelope e; (e = next()) != null; ) {
      if (e.getMessageCase() == kind) {
        return e;
      }
    }
    return null;
  }

  private final class Listener implements WebSocket.Listener {
    @Override
    public void onOpen(WebSocket webSocket) {
      webSocket.request(Long.MAX_VALUE);
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
      ByteBuffer joined = ByteBuffer.allocate(partial.remaining() + data.remaining());
      joined.put(partial).put(data).flip();
      partial = joined;
      if (last) {
        byte[] bytes = new byte[partial.remaining()];
        partial.get(bytes);
        partial = ByteBuffer.allocate(0);
        try {
          Envelope e = Envelope.parseFrom(bytes);
          if (e.hasDisconnect() || e.hasHelloRejected()) {
            ending = true;
          }
          received.add(e);
          window.release();
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
          received.add(Envelope.getDefaultInstance());
        }
      }
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      closed.complete(null);
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      closed.complete(null);
    }
  }

  @Override
  public void close() {
    socket.abort();
  }
}
