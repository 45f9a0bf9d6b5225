package org.bluemarble.protocol.client;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.bluemarble.protocol.ProtocolException;
import org.bluemarble.protocol.ProtocolVersion;
import org.bluemarble.protocol.movement.MovementIntegrator;
import org.bluemarble.protocol.movement.MovementIntent;
import org.bluemarble.protocol.movement.MovementState;
import org.bluemarble.protocol.snapshot.SnapshotDecoder;
import org.bluemarble.protocol.snapshot.SnapshotState;
import org.bluemarble.protocol.v1.Authenticate;
import org.bluemarble.protocol.v1.Authenticated;
import org.bluemarble.protocol.v1.ChatAccepted;
import org.bluemarble.protocol.v1.ChatChannel;
import org.bluemarble.protocol.v1.ChatSend;
import org.bluemarble.protocol.v1.ConnectTokenIssued;
import org.bluemarble.protocol.v1.EnterWorld;
import org.bluemarble.protocol.v1.EnteredWorld;
import org.bluemarble.protocol.v1.Envelope;
import org.bluemarble.protocol.v1.Error;
import org.bluemarble.protocol.v1.GeoPosition;
import org.bluemarble.protocol.v1.HarvestNode;
import org.bluemarble.protocol.v1.Hello;
import org.bluemarble.protocol.v1.HelloAccepted;
import org.bluemarble.protocol.v1.LeaveWorld;
import org.bluemarble.protocol.v1.LootCredited;
import org.bluemarble.protocol.v1.MovementInput;
import org.bluemarble.protocol.v1.Ping;
import org.bluemarble.protocol.v1.Pong;
import org.bluemarble.protocol.v1.RequestConnectToken;
import org.bluemarble.protocol.v1.SnapshotAck;
import org.bluemarble.protocol.v1.UseAbility;

/**
 * The Java reference client: one session over a {@link ClientTransport}, used by tests and the load
 * tests. Life cycle: {@link #hello} → {@link #authenticate} → {@link #enterWorld} → {@link
 * #sendInput} ... → {@link #leaveWorld} / {@link #close}. Requests return futures completed by the
 * server's answer (or exceptionally with a {@link ProtocolException} carrying the Error code);
 * pushes go to the {@link ClientListener}. Inputs are predicted locally and reconciled on every
 * InputAck and Correction. Thread-safe.
 */
public final class BlueMarbleClient implements AutoCloseable {

  /** Where the session stands. */
  public enum Phase {
    /** Nothing sent yet. */
    NEW,
    /** Hello accepted. */
    GREETED,
    /** Authenticated. */
    AUTHENTICATED,
    /** In the world; inputs allowed. */
    IN_WORLD,
    /** Closed. */
    CLOSED
  }

  /** Send a SnapshotAck when no input carried the acknowledgement for this long (ms). */
  private static final long SNAPSHOT_ACK_INTERVAL_MS = 100;

  private final ClientTransport transport;
  private final ClientListener listener;
  private final LongSupplier clockMs;
  private final AtomicLong correlations = new AtomicLong();
  private final Map<Long, CompletableFuture<Envelope>> pending = new ConcurrentHashMap<>();
  // Correlation ids of recent useAbility calls: a refusal carries one (an accepted ability has no
  // answer of its own, its events arrive like everyone's); the oldest are forgotten.
  private final Map<Long, Boolean> abilityRequests =
      java.util.Collections.synchronizedMap(
          new java.util.LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
              return size() > 1024;
            }
          });
  private final SnapshotDecoder snapshots = new SnapshotDecoder();
  private volatile Phase phase = Phase.NEW;
  private Prediction prediction;
  private EnteredWorld entered;
  private int nextSequence = 1;
  private long lastAckSentMs = Long.MIN_VALUE / 2;
  private volatile boolean decodeSnapshots = true;
  private int undecodedLatestId;

  /** A client over a transport that is connected or about to be; uses the system clock. */
  public BlueMarbleClient(ClientTransport transport, ClientListener listener) {
    this(transport, listener, System::currentTimeMillis);
  }

  /** A client with an explicit clock (ms), for tests. */
  public BlueMarbleClient(
      ClientTransport transport, ClientListener listener, LongSupplier clockMs) {
    this.transport = transport;
    this.listener = listener;
    this.clockMs = clockMs;
    transport.setHandler(this::onEnvelope, this::onClosed);
  }

  /** Says hello with {@link ProtocolVersion#CURRENT}. */
  public CompletableFuture<HelloAccepted> hello(String clientName) {
    Envelope.Builder e = Envelope.newBuilder();
    e.setHello(
        Hello.newBuilder().setProtocolVersion(ProtocolVersion.CURRENT).setClientName(clientName));
    return request(e)
        .thenApply(
            r -> {
              phase = Phase.GREETED;
              return r.getHelloAccepted();
            });
  }

  /** Authenticates with an access token. */
  public CompletableFuture<Authenticated> authenticate(String token) {
    requirePhase(Phase.GREETED, "authenticate");
    Envelope.Builder e = Envelope.newBuilder();
    e.setAuthenticate(Authenticate.newBuilder().setToken(token));
    return request(e)
        .thenApply(
            r -> {
              phase = Phase.AUTHENTICATED;
              return r.getAuthenticated();
            });
  }

  /** Enters the world with one of the account's characters; starts prediction there. */
  public CompletableFuture<EnteredWorld> enterWorld(String playerId) {
    requirePhase(Phase.AUTHENTICATED, "enterWorld");
    Envelope.Builder e = Envelope.newBuilder();
    e.setEnterWorld(EnterWorld.newBuilder().setPlayerId(playerId));
    return request(e)
        .thenApply(
            r -> {
              EnteredWorld w = r.getEnteredWorld();
              synchronized (this) {
                entered = w;
                prediction =
                    new Prediction(
                        new MovementIntegrator(w.getPlanetRadiusM()),
                        WireMapping.fromProto(w.getPosition(), w.getHeading()));
                phase = Phase.IN_WORLD;
              }
              return w;
            });
  }

  /** Measures a round trip: completes with the Pong (its client_time_ms is when the Ping left). */
  public CompletableFuture<Pong> ping() {
    Envelope.Builder e = Envelope.newBuilder();
    e.setPing(Ping.newBuilder().setClientTimeMs(clockMs.getAsLong()));
    return request(e).thenApply(Envelope::getPong);
  }

  /**
   * Asks for a UDP connect token (after authentication) that admits {@code playerId}, a character
   * of the authenticated account; the UDP session may enter the world only as that player.
   */
  public CompletableFuture<ConnectTokenIssued> requestConnectToken(String playerId) {
    Envelope.Builder e = Envelope.newBuilder();
    e.setRequestConnectToken(RequestConnectToken.newBuilder().setPlayerId(playerId));
    return request(e).thenApply(Envelope::getConnectTokenIssued);
  }

  /**
   * Sends one economy request (GetWallet, PlaceOrder, PlaceBid, TradeRequest ...; any phase after
   * authentication) and completes with the answering envelope, or exceptionally with a {@link
   * ProtocolException} (CODE_REFUSED carries the economy's reason at the start of its message).
   */
  public CompletableFuture<Envelope> economy(Envelope.Builder request) {
    return request(request);
  }

  /**
   * Says one chat line (in the world) and completes with the server's acceptance, or exceptionally
   * with a {@link ProtocolException} (CODE_RATE_LIMITED, CODE_INVALID_INPUT,
   * CODE_CHAT_RECIPIENT_OFFLINE, CODE_CHAT_MUTED). Lines, the sender's own included, arrive at
   * {@link ClientListener#onChat}.
   *
   * @param toName the recipient's character name for a whisper, else empty
   */
  public CompletableFuture<ChatAccepted> chat(ChatChannel channel, String text, String toName) {
    Envelope.Builder e = Envelope.newBuilder();
    e.setChatSend(ChatSend.newBuilder().setChannel(channel).setText(text).setToName(toName));
    return request(e).thenApply(Envelope::getChatAccepted);
  }

  /**
   * Uses an ability (in the world) on {@code targetId} (0: oneself or around oneself). The outcome
   * arrives as {@link ClientListener#onCombatEvents} like everyone's; a refusal (CODE_COMBAT_*) at
   * {@link ClientListener#onCombatRefused} with the returned correlation id.
   *
   * @return the request's correlation id
   */
  public long useAbility(String abilityId, long targetId) {
    long id = correlations.incrementAndGet();
    abilityRequests.put(id, Boolean.TRUE);
    transport.send(
        Envelope.newBuilder()
            .setCorrelationId(id)
            .setUseAbility(UseAbility.newBuilder().setAbilityId(abilityId).setTargetId(targetId))
            .build());
    return id;
  }

  /**
   * Gathers {@code amount} (1-10) units from resource node {@code nodeId} within reach; completes
   * with what reached the holdings (or {@code inventory_full}), or exceptionally with a {@link
   * ProtocolException} (CODE_HARVEST_REFUSED, CODE_INVENTORY_FULL, CODE_INVALID_INPUT).
   */
  public CompletableFuture<LootCredited> harvest(long nodeId, int amount) {
    Envelope.Builder e = Envelope.newBuilder();
    e.setHarvestNode(HarvestNode.newBuilder().setNodeId(nodeId).setAmount(amount));
    return request(e).thenApply(Envelope::getLootCredited);
  }

  /**
   * One social action (in the world): friends, ignore list, guild, party or a report. Completes
   * with the server's {@link org.bluemarble.protocol.v1.SocialReply}, or exceptionally with a
   * {@link ProtocolException} (CODE_INVALID_INPUT, CODE_SOCIAL_REFUSED, CODE_SOCIAL_NOT_PERMITTED,
   * CODE_SOCIAL_DAILY_LIMIT). Updates (friends' presence, invitations, guild and party changes,
   * notifications) arrive at {@link ClientListener#onSocial}.
   */
  public CompletableFuture<org.bluemarble.protocol.v1.SocialReply> social(
      org.bluemarble.protocol.v1.SocialRequest request) {
    return request(Envelope.newBuilder().setSocialRequest(request))
        .thenApply(Envelope::getSocialReply);
  }

  /** A social action naming another player (friend, ignore, guild and party member verbs). */
  public CompletableFuture<org.bluemarble.protocol.v1.SocialReply> social(
      org.bluemarble.protocol.v1.SocialVerb verb, String playerId) {
    return social(
        org.bluemarble.protocol.v1.SocialRequest.newBuilder()
            .setVerb(verb)
            .setPlayerId(playerId)
            .build());
  }

  /** Founds guild {@code tag} named {@code name}, with this character as its leader. */
  public CompletableFuture<org.bluemarble.protocol.v1.SocialReply> createGuild(
      String tag, String name) {
    return social(
        org.bluemarble.protocol.v1.SocialRequest.newBuilder()
            .setVerb(org.bluemarble.protocol.v1.SocialVerb.SOCIAL_VERB_GUILD_CREATE)
            .setGuildTag(tag)
            .setText(name)
            .build());
  }

  /** Accepts the invitation of guild {@code tag}. */
  public CompletableFuture<org.bluemarble.protocol.v1.SocialReply> joinGuild(String tag) {
    return social(
        org.bluemarble.protocol.v1.SocialRequest.newBuilder()
            .setVerb(org.bluemarble.protocol.v1.SocialVerb.SOCIAL_VERB_GUILD_ACCEPT)
            .setGuildTag(tag)
            .build());
  }

  /** Accepts the invitation of party {@code partyId}. */
  public CompletableFuture<org.bluemarble.protocol.v1.SocialReply> joinParty(String partyId) {
    return social(
        org.bluemarble.protocol.v1.SocialRequest.newBuilder()
            .setVerb(org.bluemarble.protocol.v1.SocialVerb.SOCIAL_VERB_PARTY_ACCEPT)
            .setPartyId(partyId)
            .build());
  }

  /**
   * Sends one movement input and applies it to the prediction.
   *
   * @return the input's sequence number
   */
  public synchronized int sendInput(MovementIntent intent) {
    requirePhase(Phase.IN_WORLD, "sendInput");
    // Predict (and send) at most the class's top speed: the server would clamp the rest.
    MovementIntent sent = WireMapping.asSent(intent.clampedTo(entered.getMaxSpeedMps()));
    int sequence = nextSequence++;
    long now = clockMs.getAsLong();
    MovementInput.Builder input =
        MovementInput.newBuilder()
            .setSequence(sequence)
            .setClientTimeMs(now)
            .setLastSnapshotId(latestSnapshotId());
    WireMapping.withIntent(input, sent);
    prediction.apply(sequence, sent);
    lastAckSentMs = now;
    transport.send(Envelope.newBuilder().setMovementInput(input).build());
    return sequence;
  }

  /** Leaves the world; the session stays authenticated. */
  public synchronized void leaveWorld() {
    requirePhase(Phase.IN_WORLD, "leaveWorld");
    transport.send(Envelope.newBuilder().setLeaveWorld(LeaveWorld.getDefaultInstance()).build());
    phase = Phase.AUTHENTICATED;
  }

  /** The predicted own state, or null before entering the world. */
  public synchronized MovementState predicted() {
    return prediction == null ? null : prediction.predicted();
  }

  /** Inputs sent but not yet acknowledged. */
  public synchronized int unacknowledgedInputs() {
    return prediction == null ? 0 : prediction.pendingCount();
  }

  /** The newest decoded snapshot state. */
  public synchronized SnapshotState world() {
    return snapshots.latest();
  }

  /** What EnteredWorld said, or null. */
  public synchronized EnteredWorld entered() {
    return entered;
  }

  /** The session phase. */
  public Phase phase() {
    return phase;
  }

  @Override
  public void close() {
    phase = Phase.CLOSED;
    transport.close();
    failPending(new IllegalStateException("client closed"));
  }

  private CompletableFuture<Envelope> request(Envelope.Builder envelope) {
    if (phase == Phase.CLOSED) {
      return CompletableFuture.failedFuture(new IllegalStateException("client is closed"));
    }
    long id = correlations.incrementAndGet();
    CompletableFuture<Envelope> answer = new CompletableFuture<>();
    pending.put(id, answer);
    transport.send(envelope.setCorrelationId(id).build());
    return answer;
  }

  private void requirePhase(Phase required, String action) {
    if (phase != required) {
      throw new IllegalStateException(action + " needs phase " + required + ", is " + phase);
    }
  }

  private void onEnvelope(Envelope e) {
    CompletableFuture<Envelope> answer =
        e.getCorrelationId() == 0 ? null : pending.remove(e.getCorrelationId());
    if (answer == null
        && e.getMessageCase() == Envelope.MessageCase.ERROR
        && abilityRequests.remove(e.getCorrelationId()) != null) {
      listener.onCombatRefused(e.getCorrelationId(), e.getError());
      return;
    }
    if (answer != null) {
      switch (e.getMessageCase()) {
        case ERROR -> answer.completeExceptionally(toException(e.getError()));
        case HELLO_REJECTED ->
            answer.completeExceptionally(toException(e.getHelloRejected().getError()));
        default -> answer.complete(e);
      }
      return;
    }
    switch (e.getMessageCase()) {
      case SNAPSHOT -> onSnapshot(e);
      case INPUT_ACK -> {
        MovementState p =
            e.getInputAck().hasPosition()
                ? reconcile(
                    e.getInputAck().getSequence(),
                    e.getInputAck().getPosition(),
                    e.getInputAck().getHeading())
                : acknowledge(e.getInputAck().getSequence());
        listener.onInputAck(e.getInputAck(), p);
      }
      case CORRECTION -> {
        MovementState p =
            reconcile(
                e.getCorrection().getSequence(),
                e.getCorrection().getPosition(),
                e.getCorrection().getHeading());
        listener.onCorrection(e.getCorrection(), p);
      }
      case ENTITY_ENTER -> listener.onEntityEnter(e.getEntityEnter());
      case ENTITY_LEAVE -> listener.onEntityLeave(e.getEntityLeave());
      case CHAT_MESSAGE -> listener.onChat(e.getChatMessage());
      case SOCIAL_UPDATE -> listener.onSocial(e.getSocialUpdate());
      case PARTY_UPDATE -> listener.onPartyUpdate(e.getPartyUpdate());
      case SERVER_NOTICE -> listener.onNotice(e.getServerNotice());
      case WALLET_UPDATE -> listener.onWalletUpdate(e.getWalletUpdate());
      case DISCONNECT -> listener.onDisconnect(e.getDisconnect());
      case ERROR -> listener.onError(e.getError());
      case ENTITY_NAME -> listener.onEntityName(e.getEntityName());
      case COMBAT_EVENTS -> listener.onCombatEvents(e.getCombatEvents());
      case VITALS -> listener.onVitals(e.getVitals());
      case LOOT_CREDITED -> listener.onLootCredited(e.getLootCredited());
      case PROGRESS -> listener.onProgress(e.getProgress());
      default -> {}
    }
  }

  /**
   * Whether snapshots are decoded (the default). A client that only counts snapshots (a load bot
   * that does not observe) turns it off: it still acknowledges the newest snapshot id, so the
   * server's delta encoding works as for any client, and {@link ClientListener#onSnapshot} gets a
   * null state.
   */
  public void decodeSnapshots(boolean on) {
    decodeSnapshots = on;
  }

  private int latestSnapshotId() {
    return Math.max(snapshots.latestId(), undecodedLatestId);
  }

  private void onSnapshot(Envelope e) {
    SnapshotState state = null;
    boolean ack;
    int latestId;
    synchronized (this) {
      if (decodeSnapshots) {
        try {
          state = snapshots.decode(e.getSnapshot());
        } catch (ProtocolException bad) {
          listener.onError(
              Error.newBuilder().setCode(bad.code()).setMessage(bad.getMessage()).build());
          return;
        }
      } else {
        undecodedLatestId = Math.max(undecodedLatestId, e.getSnapshot().getSnapshotId());
      }
      long now = clockMs.getAsLong();
      latestId = latestSnapshotId();
      ack = now - lastAckSentMs >= SNAPSHOT_ACK_INTERVAL_MS;
      if (ack) {
        lastAckSentMs = now;
      }
    }
    if (ack) {
      transport.send(
          Envelope.newBuilder()
              .setSnapshotAck(SnapshotAck.newBuilder().setSnapshotId(latestId))
              .build());
    }
    listener.onSnapshot(e.getSnapshot(), state);
  }

  private synchronized MovementState reconcile(int sequence, GeoPosition position, int heading) {
    if (prediction == null) {
      return null;
    }
    return prediction.reconcile(sequence, WireMapping.fromProto(position, heading));
  }

  private synchronized MovementState acknowledge(int sequence) {
    return prediction == null ? null : prediction.acknowledge(sequence);
  }

  private void onClosed(Throwable cause) {
    phase = Phase.CLOSED;
    failPending(cause == null ? new IllegalStateException("connection closed") : cause);
    listener.onClosed(cause);
  }

  private void failPending(Throwable cause) {
    pending.values().forEach(f -> f.completeExceptionally(cause));
    pending.clear();
  }

  private static ProtocolException toException(Error error) {
    Error.Code code =
        error.getCode() == Error.Code.UNRECOGNIZED ? Error.Code.CODE_INTERNAL : error.getCode();
    return new ProtocolException(code, error.getMessage());
  }
}
