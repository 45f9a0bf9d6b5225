package org.bluemarble.edge.session;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.bluemarble.edge.port.PlayPort;
import org.bluemarble.edge.port.Presence;
import org.bluemarble.edge.port.WorldListener;
import org.bluemarble.protocol.ProtocolVersion;
import org.bluemarble.protocol.v1.Authenticate;
import org.bluemarble.protocol.v1.EnterWorld;
import org.bluemarble.protocol.v1.Envelope;
import org.bluemarble.protocol.v1.Hello;

/**
 * What the {@link GameSession} tests share: an output that records what the session sends, an
 * executor that runs only when the test says so, and the client's opening messages (Hello,
 * Authenticate, EnterWorld with correlation ids 1, 2 and 3).
 */
final class SessionTestKit {
  private SessionTestKit() {}

  /** Adds every envelope the session sends to {@code sent}; closing is ignored. */
  static SessionOutput recordingInto(List<Envelope> sent) {
    return new SessionOutput() {
      @Override
      public void send(Envelope envelope) {
        sent.add(envelope);
      }

      @Override
      public void close() {}
    };
  }

  /** Runs nothing until the test says so: shows what happens on the delivering thread. */
  static final class ManualExecutor implements Executor {
    final ArrayDeque<Runnable> queued = new ArrayDeque<>();

    @Override
    public void execute(Runnable task) {
      queued.add(task);
    }

    void runAll() {
      while (!queued.isEmpty()) {
        queued.poll().run();
      }
    }
  }

  /** Hello with the current protocol version, correlation id 1. */
  static Envelope hello() {
    return Envelope.newBuilder()
        .setCorrelationId(1)
        .setHello(Hello.newBuilder().setProtocolVersion(ProtocolVersion.CURRENT))
        .build();
  }

  /** Authenticate with {@code token}, correlation id 2. */
  static Envelope authenticate(String token) {
    return Envelope.newBuilder()
        .setCorrelationId(2)
        .setAuthenticate(Authenticate.newBuilder().setToken(token))
        .build();
  }

  /** EnterWorld as {@code playerId}, correlation id 3. */
  static Envelope enterWorld(String playerId) {
    return Envelope.newBuilder()
        .setCorrelationId(3)
        .setEnterWorld(EnterWorld.newBuilder().setPlayerId(playerId))
        .build();
  }

  /** Greets, authenticates with token {@code t} and enters the world as {@code p1}. */
  static GameSession enterAsP1(GameSession s) {
    s.onEnvelope(hello());
    s.onEnvelope(authenticate("t"));
    s.onEnvelope(enterWorld("p1"));
    return s;
  }

  /**
   * A play port with one character, {@code p1}, whose enter answers {@code presence} at once;
   * override {@link #entering} to keep or use the session's listener.
   */
  static class PortOfP1 implements PlayPort {
    private final Presence presence;

    PortOfP1(Presence presence) {
      this.presence = presence;
    }

    /** Called with the session's listener before the enter is answered. */
    void entering(WorldListener listener) {}

    @Override
    public CompletableFuture<List<String>> characters(String accountId) {
      return CompletableFuture.completedFuture(List.of("p1"));
    }

    @Override
    public CompletableFuture<Presence> enter(String account, String player, WorldListener l) {
      entering(l);
      return CompletableFuture.completedFuture(presence);
    }
  }
}
