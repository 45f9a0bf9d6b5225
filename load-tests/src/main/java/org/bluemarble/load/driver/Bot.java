package org.bluemarble.load.driver;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bluemarble.load.account.BotAccount;
import org.bluemarble.load.scenario.BotPlan;
import org.bluemarble.protocol.ProtocolException;
import org.bluemarble.protocol.client.BlueMarbleClient;
import org.bluemarble.protocol.client.ClientListener;
import org.bluemarble.protocol.client.ClientTransport;
import org.bluemarble.protocol.client.UdpClientTransport;
import org.bluemarble.protocol.client.WebSocketClientTransport;
import org.bluemarble.protocol.movement.MovementIntent;
import org.bluemarble.protocol.movement.MovementState;
import org.bluemarble.protocol.snapshot.EntityState;
import org.bluemarble.protocol.snapshot.Quantiser;
import org.bluemarble.protocol.snapshot.SnapshotState;
import org.bluemarble.protocol.udp.ConnectToken;
import org.bluemarble.protocol.v1.ChatChannel;
import org.bluemarble.protocol.v1.ChatSend;
import org.bluemarble.protocol.v1.ConnectTokenIssued;
import org.bluemarble.protocol.v1.Disconnect;
import org.bluemarble.protocol.v1.EnteredWorld;
import org.bluemarble.protocol.v1.Envelope;
import org.bluemarble.protocol.v1.Error;
import org.bluemarble.protocol.v1.InputAck;
import org.bluemarble.protocol.v1.Snapshot;

/**
 * One simulated player: a reference-client session over UDP or WebSocket that enters the world and
 * walks its {@link BotPlan} with one input per {@link #tick}. Measures its own input → ack round
 * trips and, as an observer, the input → snapshot latency of every other bot it sees.
 */
public final class Bot implements ClientListener {

  /**
   * Each step of the session start (connect, hello, authenticate, enter) must answer within this.
   */
  static final Duration STEP_TIMEOUT = Duration.ofSeconds(20);

  private final int index;
  private final BotAccount account;
  private final BotPlan plan;
  private final boolean udp;
  private final BotContext ctx;
  private final boolean observer;
  private final InputHistory history = new InputHistory();
  private final Map<Long, Integer> lastSeen = new HashMap<>();
  private final SplittableRandom chatRandom;
  private final SplittableRandom combatRandom;
  private final AtomicBoolean connectedCounted = new AtomicBoolean();
  private final AtomicBoolean inWorldCounted = new AtomicBoolean();
  private volatile ClientTransport transport;
  private volatile BlueMarbleClient client;
  private volatile boolean stopping;
  private volatile long entityId = -1;
  private int sequence;
  // Guild chat: 0 not in the guild yet, 1 a request under way, 2 in the guild.
  private final java.util.concurrent.atomic.AtomicInteger guild =
      new java.util.concurrent.atomic.AtomicInteger();
  private volatile long nextGuildTry = Long.MIN_VALUE;

  /** A bot that will use UDP when {@code udp}, else WebSocket, and observes. */
  public Bot(int index, BotAccount account, BotPlan plan, boolean udp, long seed, BotContext ctx) {
    this(index, account, plan, udp, seed, ctx, true);
  }

  /**
   * A bot that will use UDP when {@code udp}, else WebSocket; when {@code observer} it decodes
   * snapshots and times the others' inputs in them, else it only counts and acknowledges them.
   */
  public Bot(
      int index,
      BotAccount account,
      BotPlan plan,
      boolean udp,
      long seed,
      BotContext ctx,
      boolean observer) {
    this.observer = observer;
    this.index = index;
    this.account = account;
    this.plan = plan;
    this.udp = udp;
    this.ctx = ctx;
    this.chatRandom = new SplittableRandom(seed ^ (0x5DEECE66DL * (index + 1)));
    this.combatRandom = new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (index + 1)));
  }

  /** Connects, authenticates and enters the world; completes when in the world. */
  public CompletableFuture<Void> start() {
    CompletableFuture<BlueMarbleClient> session = udp ? startUdp() : startWebSocket();
    return session
        .thenCompose(c -> timed(c.enterWorld(account.playerId())))
        .thenAccept(this::onEntered)
        .exceptionally(
            t -> {
              if (!stopping) {
                ctx.counters().error("start: " + reason(t));
              }
              close();
              return null;
            });
  }

  private CompletableFuture<BlueMarbleClient> startWebSocket() {
    return timed(WebSocketClientTransport.connect(ctx.http(), ctx.wsUri(), e -> {}, t -> {}))
        .thenCompose(
            ws -> {
              transport = ws;
              markConnected();
              BlueMarbleClient c = new BlueMarbleClient(ws, this);
              c.decodeSnapshots(observer);
              client = c;
              return greet(c);
            });
  }

  private CompletableFuture<BlueMarbleClient> startUdp() {
    ClientListener quiet = new ClientListener() {};
    return timed(WebSocketClientTransport.connect(ctx.http(), ctx.wsUri(), e -> {}, t -> {}))
        .thenCompose(
            ws -> {
              BlueMarbleClient tokenClient = new BlueMarbleClient(ws, quiet);
              return greet(tokenClient)
                  .thenCompose(c -> timed(c.requestConnectToken(account.playerId())))
                  .whenComplete((token, t) -> tokenClient.close());
            })
        .thenCompose(this::openUdp)
        .thenCompose(this::greet);
  }

  private CompletableFuture<BlueMarbleClient> openUdp(ConnectTokenIssued issued) {
    ConnectToken token = ConnectToken.fromBytes(issued.getToken().toByteArray());
    UdpClientTransport t =
        UdpClientTransport.open(
            token, ctx.udpAddress(), account.playerId(), System.currentTimeMillis());
    transport = t;
    BlueMarbleClient c = new BlueMarbleClient(t, this);
    c.decodeSnapshots(observer);
    client = c;
    ctx.loop().register(t);
    return timed(t.connected())
        .thenApply(
            v -> {
              markConnected();
              return c;
            });
  }

  private CompletableFuture<BlueMarbleClient> greet(BlueMarbleClient c) {
    return timed(c.hello("bluemarble-load/" + index))
        .thenCompose(h -> timed(c.authenticate(account.accessToken())))
        .thenApply(a -> c);
  }

  private void onEntered(EnteredWorld w) {
    entityId = w.getEntityId();
    ctx.byEntity().put(entityId, this);
    if (inWorldCounted.compareAndSet(false, true)) {
      ctx.counters().inWorld.incrementAndGet();
    }
  }

  /** Sends one movement input towards the current waypoint; called at 10 Hz by one thread. */
  public void tick() {
    BlueMarbleClient c = client;
    if (stopping || c == null || c.phase() != BlueMarbleClient.Phase.IN_WORLD) {
      return;
    }
    MovementState here = c.predicted();
    int seq = sequence + 1;
    int headingQ =
        (Quantiser.quantiseHeading(plan.headingFrom(here.latDeg(), here.lngDeg()))
                + InputHistory.signature(seq))
            & 0xFFFF;
    history.sent(seq, System.nanoTime(), headingQ, here.latDeg(), here.lngDeg());
    try {
      sequence =
          c.sendInput(
              new MovementIntent.Heading(Quantiser.headingDeg(headingQ), BotPlan.SPEED_MPS));
    } catch (RuntimeException e) {
      ctx.counters().error("send: " + reason(e));
      return;
    }
    MovementState after = c.predicted();
    history.positioned(sequence, after.latDeg(), after.lngDeg());
    ctx.counters().inputsSent.increment();
    if (ctx.chatPerMinute() > 0) {
      joinGuild(c);
      if (chatRandom.nextDouble() < ctx.chatPerMinute() / 600.0) {
        sendChat();
      }
    }
    fight(c);
  }

  /**
   * One chat line carrying its send time: a third each Say, Whisper (an odd bot to its even
   * partner: bots are named prefix + index, so the partner's name is known) and Guild (once in the
   * guild); Say when the drawn channel is not open to this bot.
   */
  private void sendChat() {
    ChatSend.Builder line =
        ChatSend.newBuilder()
            .setChannel(ChatChannel.CHAT_CHANNEL_SAY)
            .setText(CHAT_MARK + System.nanoTime() + " from bot " + index);
    String partner = partnerName();
    int pick = chatRandom.nextInt(3);
    if (pick == 1 && partner != null) {
      line.setChannel(ChatChannel.CHAT_CHANNEL_WHISPER).setToName(partner);
    } else if (pick == 2 && guild.get() == 2) {
      line.setChannel(ChatChannel.CHAT_CHANNEL_GUILD);
    }
    transport.send(Envelope.newBuilder().setChatSend(line).build());
    ctx.counters().chatSent.increment();
    ctx.chat().sent(line.getChannel());
  }

  /** The founder invites the rest of its group (refusals, e.g. already a member, ignored). */
  private CompletableFuture<Void> invite(BlueMarbleClient c) {
    return CompletableFuture.allOf(
        ctx.chat().invitees(index).stream()
            .map(
                id ->
                    c.social(org.bluemarble.protocol.v1.SocialVerb.SOCIAL_VERB_GUILD_INVITE, id)
                        .exceptionally(t -> null))
            .toArray(CompletableFuture[]::new));
  }

  /**
   * Gets this bot into its group's guild ({@link ChatLoad}): the founder creates it and invites the
   * group, the others accept, retrying every 2 s until the founder's invitation is there.
   */
  private void joinGuild(BlueMarbleClient c) {
    long now = System.nanoTime();
    if (guild.get() != 0 || now < nextGuildTry || !guild.compareAndSet(0, 1)) {
      return;
    }
    String tag = ctx.chat().guildTag(index);
    CompletableFuture<?> step =
        ChatLoad.founds(index)
            ? c.createGuild(tag, "Load " + tag)
                .exceptionally(t -> null) // founded by an earlier try
                .thenCompose(r -> invite(c))
                .thenCompose(
                    v -> c.social(org.bluemarble.protocol.v1.SocialVerb.SOCIAL_VERB_GUILD_INFO, ""))
            : c.joinGuild(tag);
    step.whenComplete(
        (r, t) -> {
          if (t == null) {
            guild.set(2);
            ctx.chat().guildMembers.incrementAndGet();
          } else {
            nextGuildTry = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            guild.set(0);
          }
        });
  }

  /** The even bot an odd bot whispers to, or null. */
  private String partnerName() {
    String name = account.username();
    int digits = name.length();
    while (digits > 0 && Character.isDigit(name.charAt(digits - 1))) {
      digits--;
    }
    if (digits == name.length()) {
      return null;
    }
    long n = Long.parseLong(name.substring(digits));
    return n % 2 == 1 ? name.substring(0, digits) + (n - 1) : null;
  }

  /** What starts a timed chat line; the send time in nanoseconds follows. */
  static final String CHAT_MARK = "lt ";

  @Override
  public void onChat(org.bluemarble.protocol.v1.ChatMessage message) {
    String text = message.getText();
    if (message.getFromPlayerId().equals(account.playerId()) || !text.startsWith(CHAT_MARK)) {
      return;
    }
    int end = text.indexOf(' ', CHAT_MARK.length());
    try {
      long sent = Long.parseLong(text.substring(CHAT_MARK.length(), end < 0 ? text.length() : end));
      long nanos = System.nanoTime() - sent;
      ctx.counters().chatDelivery.recordNanos(nanos);
      ctx.counters().chatDelivered.increment();
      ctx.chat().delivered(message.getChannel(), nanos);
    } catch (NumberFormatException e) {
      // Not one of ours (masked by the word filter, or another client's).
    }
  }

  /** Uses the combat ability on the nearest entity of the newest snapshot (or any other bot). */
  private void fight(BlueMarbleClient c) {
    CombatLoad combat = ctx.combat();
    if (combat.perMinute() <= 0 || combatRandom.nextDouble() >= combat.perMinute() / 600.0) {
      return;
    }
    long target = 0;
    SnapshotState seen = c.world();
    if (seen != null && seen.size() > 0) {
      for (EntityState e : seen.entities()) {
        if (e.entityId() != entityId) {
          target = e.entityId();
          break; // nearest first
        }
      }
    }
    if (target == 0) {
      for (Long other : ctx.byEntity().keySet()) {
        if (other != entityId) {
          target = other;
          break;
        }
      }
    }
    if (target == 0) {
      return;
    }
    combat.sent(entityId, System.nanoTime());
    c.useAbility(CombatLoad.ABILITY, target);
  }

  @Override
  public void onCombatEvents(org.bluemarble.protocol.v1.CombatEvents events) {
    long now = System.nanoTime();
    CombatLoad combat = ctx.combat();
    for (org.bluemarble.protocol.v1.CombatEvent e : events.getEventsList()) {
      switch (e.getKind()) {
        case KIND_ABILITY_USED -> {
          if (e.getUserId() != entityId) {
            combat.seen(e.getUserId(), now);
          }
        }
        case KIND_HIT -> {
          if (e.getUserId() == entityId) {
            combat.hits.increment();
          }
        }
        case KIND_DEATH -> {
          if (e.getUserId() == entityId) {
            combat.deaths.increment();
          }
        }
        default -> {}
      }
    }
  }

  @Override
  public void onCombatRefused(long correlationId, Error error) {
    ctx.combat().refused.increment();
  }

  /** Leaves the world and closes the connection (a planned end, not counted as a disconnect). */
  public void stop() {
    stopping = true;
    BlueMarbleClient c = client;
    if (c != null && c.phase() == BlueMarbleClient.Phase.IN_WORLD) {
      try {
        c.leaveWorld();
      } catch (RuntimeException e) {
        // Already closing: nothing to leave.
      }
    }
    close();
  }

  private void close() {
    if (entityId >= 0) {
      ctx.byEntity().remove(entityId);
    }
    if (inWorldCounted.compareAndSet(true, false)) {
      ctx.counters().inWorld.decrementAndGet();
    }
    if (connectedCounted.compareAndSet(true, false)) {
      ctx.counters().connected.decrementAndGet();
    }
    BlueMarbleClient c = client;
    if (c != null) {
      c.close();
    } else if (transport != null) {
      transport.close();
    }
  }

  private void markConnected() {
    if (connectedCounted.compareAndSet(false, true)) {
      ctx.counters().connected.incrementAndGet();
    }
  }

  /** Whether the bot is in the world now. */
  public boolean inWorld() {
    return inWorldCounted.get();
  }

  /** Bytes received on the game connection so far. */
  public long bytesIn() {
    ClientTransport t = transport;
    return t == null ? 0 : t.bytesReceived();
  }

  /** Bytes sent on the game connection so far. */
  public long bytesOut() {
    ClientTransport t = transport;
    return t == null ? 0 : t.bytesSent();
  }

  /** This bot's recent inputs, read by observers. */
  InputHistory history() {
    return history;
  }

  @Override
  public void onInputAck(InputAck ack, MovementState predicted) {
    ctx.counters().inputAcks.increment();
    long sent = history.sentAt(ack.getSequence());
    if (sent != InputHistory.UNKNOWN) {
      ctx.rtt().recordNanos(System.nanoTime() - sent);
    } else {
      ctx.counters().untimedAcks.increment();
    }
  }

  @Override
  public void onCorrection(org.bluemarble.protocol.v1.Correction correction, MovementState p) {
    ctx.counters().corrections.increment();
  }

  @Override
  public void onSnapshot(Snapshot snapshot, SnapshotState state) {
    long now = System.nanoTime();
    ctx.counters().snapshots.increment();
    if (state == null) {
      return;
    }
    for (EntityState e : state.entities()) {
      if (e.entityId() == entityId) {
        continue;
      }
      Bot other = ctx.byEntity().get(e.entityId());
      if (other == null) {
        continue;
      }
      int seen = lastSeen.getOrDefault(e.entityId(), 0);
      int k =
          other.history.matchHeading(e.heading(), Quantiser.latDeg(e), Quantiser.lngDeg(e), seen);
      if (k > 0) {
        lastSeen.put(e.entityId(), k);
        long sent = other.history.sentAt(k);
        if (sent != InputHistory.UNKNOWN && seen > 0) {
          ctx.observer().recordNanos(now - sent);
          ctx.counters().observations.increment();
        }
      }
    }
  }

  @Override
  public void onError(Error error) {
    String code = error.getCode().name();
    if (code.startsWith("CODE_CHAT") || code.equals("CODE_RATE_LIMITED")) {
      ctx.counters().chatRefused.increment();
    }
    ctx.counters().error("server: " + code);
  }

  @Override
  public void onDisconnect(Disconnect disconnect) {
    if (!stopping) {
      ctx.counters().disconnect("server: " + disconnect.getReason().name());
      stopping = true;
    }
  }

  @Override
  public void onClosed(Throwable cause) {
    if (!stopping) {
      ctx.counters().disconnect(cause == null ? "closed by server" : "transport: " + reason(cause));
    }
    close();
  }

  private static <T> CompletableFuture<T> timed(CompletableFuture<T> f) {
    return f.orTimeout(STEP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
  }

  static String reason(Throwable t) {
    Throwable c = t;
    while ((c instanceof CompletionException
            || c instanceof java.util.concurrent.ExecutionException)
        && c.getCause() != null) {
      c = c.getCause();
    }
    if (c instanceof ProtocolException pe) {
      return pe.code().name();
    }
    if (c instanceof java.util.concurrent.TimeoutException) {
      return "timeout";
    }
    String m = c.getMessage();
    return c.getClass().getSimpleName()
        + (m == null ? "" : ": " + m.substring(0, Math.min(60, m.length())));
  }
}
