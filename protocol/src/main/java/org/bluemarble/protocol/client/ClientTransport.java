package org.bluemarble.protocol.client;

import java.util.function.Consumer;
import org.bluemarble.protocol.v1.Envelope;

/**
 * A connection carrying Envelopes between the reference client and a server: WebSocket ({@link
 * WebSocketClientTransport}) or UDP ({@link UdpClientTransport}). Implementations are safe to call
 * from any thread and deliver received envelopes on their own I/O thread.
 */
public interface ClientTransport extends AutoCloseable {

  /** Sets who receives incoming envelopes and transport failures; call before connecting. */
  void setHandler(Consumer<Envelope> onEnvelope, Consumer<Throwable> onClosed);

  /**
   * Sends an envelope (the transport picks the channel with {@link
   * org.bluemarble.protocol.Delivery}).
   */
  void send(Envelope envelope);

  /**
   * Bytes sent so far, as handed to the socket (UDP datagrams incl. headers, or frame payloads).
   */
  long bytesSent();

  /** Bytes received so far, counted like {@link #bytesSent()}. */
  long bytesReceived();

  /** Closes the connection; no more envelopes are delivered. */
  @Override
  void close();
}
