package org.bluemarble.edge.metrics;

import org.bluemarble.edge.session.SessionOutput;
import org.bluemarble.protocol.v1.Envelope;

/**
 * A {@link SessionOutput} that counts what passes ({@link EdgeCounters#sent}) before handing it on.
 * The transport is told by the output's package ({@code edge.udp}, {@code edge.ws}), once, so the
 * transports need no change.
 */
public final class CountingOutput implements SessionOutput {
  private final SessionOutput delegate;
  private final EdgeCounters.Transport transport;

  private CountingOutput(SessionOutput delegate, EdgeCounters.Transport transport) {
    this.delegate = delegate;
    this.transport = transport;
  }

  public static SessionOutput wrap(SessionOutput out) {
    if (out instanceof CountingOutput) {
      return out;
    }
    String pkg = out.getClass().getPackageName();
    EdgeCounters.Transport transport =
        pkg.endsWith(".udp")
            ? EdgeCounters.Transport.UDP
            : pkg.endsWith(".ws") ? EdgeCounters.Transport.WEBSOCKET : EdgeCounters.Transport.OTHER;
    return new CountingOutput(out, transport);
  }

  @Override
  public void send(Envelope envelope) {
    EdgeCounters.sent(transport, envelope);
    delegate.send(envelope);
  }

  @Override
  public void close() {
    delegate.close();
  }
}
