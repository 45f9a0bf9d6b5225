package org.bluemarble.edge.session;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.bluemarble.auth.RateLimitKind;
import org.bluemarble.edge.internal.TraceContext;
import org.bluemarble.edge.port.PlayIntent;
import org.bluemarble.edge.port.Presence;
import org.bluemarble.edge.port.TraceScope;
import org.bluemarble.edge.port.WorldListener;
import org.bluemarble.protocol.ProtocolCodec;
import org.bluemarble.protocol.ProtocolErrors;
import org.bluemarble.protocol.ProtocolException;
import org.bluemarble.protocol.phase.PhaseGate;
import org.bluemarble.protocol.phase.SessionPhase;
import org.bluemarble.protocol.udp.ConnectToken;
import org.bluemarble.protocol.v1.Authenticated;
import org.bluemarble.protocol.v1.Disconnect;
import org.bluemarble.protocol.v1.Envelope;
import org.bluemarble.protocol.v1.Error;

/**
 * The transport-independent core of one client connection (WebSocket or UDP): the phase gate (hello
 * → authenticate → enter world → play → leave), protobuf ↔ {@link
 * org.bluemarble.edge.port.PlayPort}, snapshot encoding, connect tokens, and protocol Errors for
 * bad input. Thread-safe: frames arrive on the transport's thread, world events on the world's.
 */
public final class GameSession {
  private final SessionDeps deps;
  private final SessionOutput out;
  private final ProtocolCodec codec;
  private final String udpPlayer;
  private final Executor verifier;
  private final EconomyMessages economy;
  private SessionPhase phase = SessionPhase.NEW;
  private boolean busy;
  private int badFrames;
  private String accountId;
  private String loginSessionId;
  private Runnable unregister;
  private CompletableFuture<Void> economyTail = CompletableFuture.completedFuture(null);
  private List<String> characters = List.of();
  private SessionLink link;

  /**
   * The session's W3C trace id, carried into every port call: the WebSocket upgrade's ({@link
   * #traced}), or one of its own from the connection's start (UDP).
   */
  private volatile String traceId = TraceContext.newTraceId();

  /**
   * A session on one WebSocket connection; tokens are verified on {@link SessionSecurity#blocking}
   * (on the calling thread without one).
   *
   * @param udpPlayer for a UDP connection, the player its connect token admits; null on WebSocket
   */
  public GameSession(SessionDeps deps, SessionOutput out, ProtocolCodec codec, String udpPlayer) {
    this(
        deps,
        out,
        codec,
        udpPlayer,
        deps.security() == null ? Runnable::run : deps.security().blocking());
  }

  /**
   * A session on one connection.
   *
   * @param udpPlayer for a UDP connection, the player its connect token admits (the Authenticate
   *     must be for the account owning it, and EnterWorld for that player); null on WebSocket
   * @param verifier where access tokens are verified (a bounded pool keeps the signature check off
   *     an I/O thread); a rejected task answers CODE_RATE_LIMITED
   */
  public GameSession(
      SessionDeps deps,
      SessionOutput out,
      ProtocolCodec codec,
      String udpPlayer,
      Executor verifier) {
    this.deps = deps;
    this.out = org.bluemarble.edge.metrics.CountingOutput.wrap(out);
    this.codec = codec;
    this.udpPlayer = udpPlayer;
    this.verifier = verifier;
    this.economy = new EconomyMessages(deps.market(), out);
  }

  /**
   * Carries {@code traceId} (the WebSocket upgrade's trace) into every port call this session makes
   * ({@link TraceScope}), so the entities that handle its commands log it; returns this.
   */
  public GameSession traced(String traceId) {
    this.traceId = traceId;
    return this;
  }

  /** Runs a port call under this connection's trace, if it has one. */
  private void inTrace(Runnable portCall) {
    String trace = traceId;
    if (trace == null) {
      portCall.run();
      return;
    }
    TraceScope.call(
        trace,
        () -> {
          portCall.run();
          return null;
        });
  }

  /** One received frame (a serialised Envelope). */
  public void onFrame(byte[] frame) {
    Envelope envelope;
    try {
      envelope = codec.decode(frame);
    } catch (ProtocolException e) {
      synchronized (this) {
        badFrame(e);
      }
      return;
    }
    onEnvelope(envelope);
  }

  /** One received, decoded envelope. */
  public synchronized void onEnvelope(Envelope in) {
    if (phase == SessionPhase.CLOSED) {
      return;
    }
    long id = in.getCorrelationId();
    try {
      PhaseGate.check(phase, in.getMessageCase());
      inTrace(() -> dispatch(in));
    } catch (RuntimeException e) {
      fail(id, ProtocolErrors.fromThrowable(e));
    }
  }

  /** A frame the transport refused before decoding (too large); counted like an undecodable one. */
  public synchronized void onRefusedFrame(ProtocolException e) {
    badFrame(e);
  }

  /** The connection is gone: a character in the world stays for the grace period. */
  public synchronized void connectionLost() {
    phase = SessionPhase.CLOSED;
    if (unregister != null) {
      unregister.run();
      unregister = null;
    }
    if (link != null) {
      link.presence().detach();
      link = null;
    }
  }

  /** The phase, for tests and metrics. */
  public synchronized SessionPhase phase() {
    return phase;
  }

  private void dispatch(Envelope in) {
    long id = in.getCorrelationId();
    switch (in.getMessageCase()) {
      case HELLO -> onHello(in);
      case AUTHENTICATE -> onAuthenticate(id, in.getAuthenticate().getToken());
      case ENTER_WORLD -> onEnterWorld(id, in.getEnterWorld().getPlayerId());
      case MOVEMENT_INPUT -> onInput(in);
      case SNAPSHOT_ACK -> requireLink().feed().acknowledge(in.getSnapshotAck().getSnapshotId());
      case LEAVE_WORLD -> {
        SessionLink l = requireLink();
        link = null;
        phase = SessionPhase.AUTHENTICATED;
        l.presence().leave();
      }
      case PING -> out.send(ProtoMapping.pong(id, in.getPing().getClientTimeMs()));
      case PONG -> {}
      case DISCONNECT -> {
        if (link != null
            && in.getDisconnect().getReason() == Disconnect.Reason.REASON_CLIENT_QUIT) {
          link.presence().leave();
          link = null;
        }
        closeQuietly();
      }
      case REQUEST_CONNECT_TOKEN ->
          onRequestConnectToken(id, in.getRequestConnectToken().getPlayerId());
      case CHAT_SEND -> requireLink().presence().chat(id, ChatMessages.lineOf(in.getChatSend()));
      case USE_ABILITY, HARVEST_NODE -> CombatMessages.handle(id, requireLink().presence(), in);
      case SOCIAL_REQUEST ->
          SocialMessages.handle(requireLink().presence(), id, in.getSocialRequest());
      default -> onEconomy(id, in);
    }
  }

  /**
   * An economy message: in the world it acts for the entered character, else for the account bank.
   * With {@link SessionSecurity}, the login session is re-checked and the account's rate limit
   * spent first, off this thread and in arrival order.
   */
  private void onEconomy(long id, Envelope in) {
    if (!EconomyMessages.isEconomy(in.getMessageCase())) {
      throw new ProtocolException(
          Error.Code.CODE_UNKNOWN_MESSAGE, in.getMessageCase() + " is not handled");
    }
    String acting = link != null ? link.playerId() : accountId;
    SessionSecurity security = deps.security();
    if (security == null) {
      economy.handle(id, acting, in);
      return;
    }
    String account = accountId;
    String sid = loginSessionId;
    RateLimitKind kind =
        in.getMessageCase() == Envelope.MessageCase.TRADE_REQUEST
            ? RateLimitKind.TRADE
            : RateLimitKind.API;
    CompletableFuture<ProtocolException> checked = new CompletableFuture<>();
    Runnable check =
        () -> {
          try {
            checked.complete(security.refusal(account, sid, kind));
          } catch (RuntimeException e) {
            checked.completeExceptionally(e);
          }
        };
    economyTail =
        economyTail
            .thenRun(
                () -> {
                  try {
                    verifier.execute(check);
                  } catch (RejectedExecutionException e) {
                    checked.complete(
                        new ProtocolException(
                            Error.Code.CODE_RATE_LIMITED, "the server is busy; retry shortly"));
                  }
                })
            .thenCompose(ignored -> checked)
            .handle(
                (refusal, failure) -> {
                  synchronized (this) {
                    if (phase == SessionPhase.CLOSED) {
                      return null;
                    }
                    try {
                      if (failure != null) {
                        fail(id, SessionFailures.toProtocol(failure));
                      } else if (refusal != null) {
                        fail(id, refusal);
                      } else {
                        inTrace(() -> economy.handle(id, acting, in));
                      }
                    } catch (RuntimeException e) {
                      fail(id, ProtocolErrors.fromThrowable(e));
                    }
                  }
                  return null;
                });
  }

  /**
   * The login session of this connection ended (logout, password change, ban, role change): the
   * character leaves the world at once (no grace period) and the connection closes.
   */
  synchronized void loginSessionEnded(String reason) {
    if (phase == SessionPhase.CLOSED) {
      return;
    }
    if (link != null) {
      SessionLink l = link;
      link = null;
      if (l.presence() != null) {
        l.presence().leave();
      }
    }
    disconnect(Disconnect.Reason.REASON_KICKED, reason);
  }

  /**
   * This node is stopping: a character in the world leaves it where it stands (its presence lives
   * on this node and stops with it, so nothing would take it out after a grace period), the client
   * is told (REASON_SERVER_SHUTDOWN) and the connection closes; the client enters again through
   * another node, where it stood.
   */
  synchronized void nodeStopping() {
    if (phase == SessionPhase.CLOSED) {
      return;
    }
    if (link != null) {
      SessionLink l = link;
      link = null;
      if (l.presence() != null) {
        l.presence().leave();
      }
    }
    disconnect(
        Disconnect.Reason.REASON_SERVER_SHUTDOWN,
        "this node is stopping: connect again (another node serves the world)");
  }

  private void onHello(Envelope in) {
    Envelope answer =
        PhaseGate.answerHello(
            in.getCorrelationId(), in.getHello().getProtocolVersion(), deps.serverName());
    out.send(answer);
    if (answer.hasHelloRejected()) {
      phase = SessionPhase.CLOSED;
      out.close();
    } else {
      phase = SessionPhase.GREETED;
    }
  }

  private void onAuthenticate(long id, String token) {
    if (phase != SessionPhase.GREETED || busy) {
      throw new ProtocolException(Error.Code.CODE_OUT_OF_PHASE, "already authenticated");
    }
    CompletableFuture<AccessTokenCheck.Verified> verified;
    try {
      verified = CompletableFuture.supplyAsync(() -> deps.tokens().verify(token), verifier);
    } catch (RejectedExecutionException e) {
      throw new ProtocolException(
          Error.Code.CODE_RATE_LIMITED, "the server is verifying too many tokens; retry shortly");
    }
    busy = true;
    verified
        .thenCompose(
            who -> deps.play().characters(who.accountId()).thenApply(list -> Map.entry(who, list)))
        .whenComplete(
            (found, failure) -> {
              synchronized (this) {
                busy = false;
                if (phase != SessionPhase.GREETED) {
                  return;
                }
                if (failure != null) {
                  fail(id, SessionFailures.toProtocol(failure));
                  return;
                }
                authenticated(id, found.getKey(), found.getValue());
              }
            });
  }

  private void authenticated(long id, AccessTokenCheck.Verified who, List<String> list) {
    String account = who.accountId();
    if (udpPlayer != null && !list.contains(udpPlayer)) {
      fail(
          id,
          new ProtocolException(
              Error.Code.CODE_UNAUTHENTICATED,
              "this UDP connection's token admits player "
                  + udpPlayer
                  + ", not a character of account "
                  + account));
      return;
    }
    accountId = account;
    loginSessionId = who.sessionId();
    if (deps.security() != null && loginSessionId != null) {
      Runnable ended =
          deps.security().live().register(account, loginSessionId, this::loginSessionEnded);
      Runnable stopping = deps.security().live().onNodeStopping(this::nodeStopping);
      unregister =
          () -> {
            ended.run();
            stopping.run();
          };
    }
    characters = List.copyOf(list);
    phase = SessionPhase.AUTHENTICATED;
    out.send(
        Envelope.newBuilder()
            .setCorrelationId(id)
            .setAuthenticated(
                Authenticated.newBuilder().setAccountId(account).addAllPlayerIds(characters))
            .build());
  }

  private void onEnterWorld(long id, String playerId) {
    if (phase != SessionPhase.AUTHENTICATED || busy) {
      throw new ProtocolException(
          Error.Code.CODE_OUT_OF_PHASE, "already in the world or entering it");
    }
    if (udpPlayer != null && !udpPlayer.equals(playerId)) {
      throw new ProtocolException(
          Error.Code.CODE_UNAUTHENTICATED,
          "this UDP connection's token admits player " + udpPlayer + ", not '" + playerId + "'");
    }
    if (playerId.isBlank() || !characters.contains(playerId)) {
      throw new ProtocolException(
          Error.Code.CODE_NOT_FOUND,
          "player_id '" + playerId + "' is not a character of account " + accountId);
    }
    busy = true;
    SessionLink l = new SessionLink(this, out, deps, playerId);
    deps.play()
        .enter(accountId, playerId, l)
        .whenComplete((presence, failure) -> entered(id, l, presence, failure));
  }

  private synchronized void entered(long id, SessionLink l, Presence presence, Throwable failure) {
    busy = false;
    if (failure != null) {
      if (phase != SessionPhase.CLOSED) {
        fail(id, SessionFailures.toProtocol(failure));
      }
      return;
    }
    if (phase != SessionPhase.AUTHENTICATED) {
      presence.detach();
      return;
    }
    Presence.Entered e = presence.entered();
    l.attach(presence, e, deps.snapshotBudgetBytes());
    link = l;
    phase = SessionPhase.IN_WORLD;
    out.send(ProtoMapping.enteredWorld(id, e));
  }

  private void onInput(Envelope in) {
    SessionLink l = requireLink();
    var input = in.getMovementInput();
    l.feed().acknowledge(input.getLastSnapshotId());
    PlayIntent intent;
    try {
      intent = ProtoMapping.intentOf(input);
    } catch (IllegalArgumentException e) {
      // The Error names the input by its sequence; the input still reaches the world, which stops
      // the character and sends a Correction (instead of letting it walk its last intent).
      l.presence().input(input.getSequence(), PlayIntent.INVALID, input.getClientTimeMs());
      out.send(
          ProtocolErrors.toEnvelope(
              input.getSequence(),
              new ProtocolException(Error.Code.CODE_INVALID_INPUT, e.getMessage())));
      return;
    }
    l.presence().input(input.getSequence(), intent, input.getClientTimeMs());
  }

  private void onRequestConnectToken(long id, String playerId) {
    if (deps.udp() == null) {
      throw new ProtocolException(
          Error.Code.CODE_NOT_FOUND, "this server has no UDP edge (bluemarble.edge.udp.enabled)");
    }
    if (!characters.contains(playerId)) {
      throw new ProtocolException(
          Error.Code.CODE_NOT_FOUND,
          "player_id '" + playerId + "' is not a character of account " + accountId);
    }
    long now = System.currentTimeMillis();
    ConnectToken token = deps.udp().issue(accountId, playerId, now);
    out.send(ProtoMapping.connectTokenIssued(id, token));
  }

  private SessionLink requireLink() {
    if (link == null) {
      throw new ProtocolException(Error.Code.CODE_OUT_OF_PHASE, "not in the world");
    }
    return link;
  }

  private void badFrame(ProtocolException e) {
    if (phase == SessionPhase.CLOSED) {
      return;
    }
    badFrames++;
    out.send(ProtocolErrors.toEnvelope(0, e));
    if (badFrames > deps.maxBadFrames()) {
      disconnect(
          Disconnect.Reason.REASON_PROTOCOL_VIOLATION,
          badFrames + " undecodable frames (limit " + deps.maxBadFrames() + ")");
    }
  }

  private void fail(long correlationId, ProtocolException e) {
    Error.Code code = e.code();
    if (code == Error.Code.CODE_MALFORMED_FRAME || code == Error.Code.CODE_FRAME_TOO_LARGE) {
      badFrame(e);
      return;
    }
    out.send(ProtocolErrors.toEnvelope(correlationId, e));
    if (ProtocolErrors.closesConnection(code)) {
      disconnect(Disconnect.Reason.REASON_PROTOCOL_VIOLATION, e.getMessage());
    }
  }

  private void disconnect(Disconnect.Reason reason, String detail) {
    out.send(SessionFailures.disconnect(reason, detail));
    closeQuietly();
  }

  private void closeQuietly() {
    connectionLost();
    out.close();
  }

  /** Whether {@code l} is the link of the character in the world now (callers hold this lock). */
  boolean isCurrent(SessionLink l) {
    return link == l && phase == SessionPhase.IN_WORLD;
  }

  /** The world ended the character of {@code l}: the connection is told why and closes. */
  synchronized void linkEnded(SessionLink l, WorldListener.EndReason reason, String detail) {
    if (link != l) {
      return;
    }
    link = null;
    if (reason == WorldListener.EndReason.FLOODED) {
      // Reliable, and sent ahead of the Disconnect: the client learns which rule it broke.
      out.send(
          Envelope.newBuilder()
              .setError(Error.newBuilder().setCode(Error.Code.CODE_INPUT_FLOOD).setMessage(detail))
              .build());
    }
    disconnect(ProtoMapping.disconnectReason(reason), detail);
  }
}
