package org.bluemarble.chat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.actor.typed.pubsub.Topic;
import org.bluemarble.edge.port.ChatAdminPort;
import org.bluemarble.edge.port.ChatLine;
import org.bluemarble.edge.port.ChatPush;
import org.bluemarble.node.CborSerializable;
import org.bluemarble.tracing.TraceMdc;
import org.bluemarble.tracing.Traced;

/**
 * The chat of one node: knows the players whose presences live here (name, trade region, inbox),
 * and joins the node to the cluster-wide chat topic. Every line a player sends passes through here
 * (one actor, so one sender's lines keep their order on every channel): Say and Yell go to the zone
 * cells around the speaker, General, Trade and System to the topic and from there to every node's
 * hub, which delivers them to its own players; a whisper goes to the topic and the node holding the
 * recipient answers, or after the whisper timeout the sender hears the recipient is offline. Mutes
 * and the degraded switch travel on the topic too. While degraded, lines wait in a bounded queue
 * drained at a fixed rate: late, never lost.
 */
public final class ChatHub extends AbstractBehavior<ChatHub.Command> {

  /** The topic's cluster-wide name. */
  public static final String TOPIC_NAME = "bluemarble-chat";

  /** Everything the hub accepts. */
  public interface Command {}

  /**
   * A presence on this node entered the world (or resumed); {@code where} tells where its character
   * stands, for its party mates (null: not reported).
   */
  public record Register(
      String playerId,
      String name,
      String region,
      ActorRef<ChatInbox> inbox,
      PartyPositions.Source where)
      implements Command {
    public Register(String playerId, String name, String region, ActorRef<ChatInbox> inbox) {
      this(playerId, name, region, inbox, null);
    }
  }

  /** The presence left the world. */
  public record Unregister(String playerId, ActorRef<ChatInbox> inbox) implements Command {}

  /** The player's guild tag and party id (empty: none), for Guild and Party lines. */
  public record Scopes(String playerId, String guild, String party) implements Command {}

  /** Tells {@code note} to each of {@code playerIds} wherever its presence runs. */
  public record Notify(java.util.Set<String> playerIds, SocialNote note) implements Command {}

  /** The player's trade region changed (S2 token). */
  public record Moved(String playerId, String region) implements Command {}

  /**
   * A line the presence checked (length, flood limit, filter) and numbered; {@code say} is where a
   * Say or Yell goes (null for the other channels).
   */
  public record Send(
      ChatEntry entry, long correlationId, ActorRef<ChatInbox> sender, SayRoute say, String traceId)
      implements Command, Traced {
    /** A line without a trace. */
    public Send(ChatEntry entry, long correlationId, ActorRef<ChatInbox> sender, SayRoute say) {
      this(entry, correlationId, sender, say, null);
    }
  }

  /** Where a Say or Yell goes: the cell that simulates the speaker and what to tell it. */
  public interface SayRoute {
    /**
     * Tells the cell {@code entry} (marked delayed when degraded chat held it); on the hub's
     * thread.
     */
    void deliver(ChatEntry entry);
  }

  /** The node holding a whisper's recipient delivered it. */
  public record WhisperDelivered(String whisperId) implements Command, CborSerializable {}

  /** Publishes a notice to every node's hub (mute, degraded switch, system line). */
  public record Broadcast(Wire wire) implements Command {}

  private record FromTopic(Wire wire) implements Command {}

  private record WhisperExpired(String whisperId) implements Command {}

  private enum Drain implements Command {
    INSTANCE
  }

  private enum PartyTick implements Command {
    INSTANCE
  }

  /** What travels on the topic. */
  public sealed interface Wire extends CborSerializable
      permits Published, Whisper, Degraded, Muted, ToPlayers, PartyPositions.Batch {}

  /** A social note for the players of {@code playerIds} that live on a node. */
  public record ToPlayers(java.util.Set<String> playerIds, SocialNote note) implements Wire {}

  /** A line for everyone it concerns (General, Trade of {@code entry.scope()}, System). */
  public record Published(ChatEntry entry) implements Wire {}

  /** A whisper; the node holding {@code entry.toName()} answers {@code replyTo}. */
  public record Whisper(ChatEntry entry, String whisperId, ActorRef<Command> replyTo)
      implements Wire {}

  /** Chat is degraded (or back to normal) on every node. */
  public record Degraded(boolean on) implements Wire {}

  /**
   * {@code playerId} may not chat before {@code until} (null: unmuted), muted by moderator {@code
   * by} for {@code reason}.
   */
  public record Muted(String playerId, Instant until, String reason, String by) implements Wire {}

  /** Degraded switch, queue length and mutes in force, for the admin API. */
  public record GetStatus(ActorRef<ChatAdminPort.Status> replyTo) implements Command {}

  /** The history of {@code key} (GENERAL, or TRADE/&lt;region&gt;), oldest first. */
  public record GetHistory(String key, ActorRef<List<ChatEntry>> replyTo) implements Command {}

  /** The hub of one node. */
  public static Behavior<Command> create(ChatSettings settings) {
    return Behaviors.setup(
        ctx -> Behaviors.withTimers(timers -> new ChatHub(ctx, timers, settings)));
  }

  private record Local(
      String playerId,
      String name,
      String region,
      ActorRef<ChatInbox> inbox,
      String guild,
      String party) {
    Local(String playerId, String name, String region, ActorRef<ChatInbox> inbox) {
      this(playerId, name, region, inbox, "", "");
    }
  }

  private record PendingWhisper(ChatEntry entry, long correlationId, ActorRef<ChatInbox> sender) {}

  private final TimerScheduler<Command> timers;
  private final ChatSettings settings;
  private final ActorRef<Topic.Command<Wire>> topic;
  private final ChatHistory history;
  private final Map<String, Local> players = new HashMap<>();
  private final Map<String, String> byName = new HashMap<>();
  private final Map<String, PendingWhisper> whispers = new HashMap<>();
  private final Map<String, Muted> mutes = new HashMap<>();
  private final Deque<Send> queue = new ArrayDeque<>();
  private final PartyPositions partyPositions = new PartyPositions();
  private boolean degraded;

  private ChatHub(
      ActorContext<Command> ctx, TimerScheduler<Command> timers, ChatSettings settings) {
    super(ctx);
    // Named before anything logs: the timer started below logs through the context, and the first
    // log call names the logger after the class it finds on the stack, which is not this one.
    ctx.setLoggerName(ChatHub.class);
    this.timers = timers;
    this.settings = settings;
    this.history = new ChatHistory(settings.historySize());
    this.topic = ctx.spawn(Topic.create(Wire.class, TOPIC_NAME), "topic");
    topic.tell(Topic.subscribe(ctx.messageAdapter(Wire.class, FromTopic::new)));
    timers.startTimerWithFixedDelay(PartyTick.INSTANCE, settings.partyUpdateInterval());
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(Register.class, this::onRegister)
        .onMessage(Unregister.class, this::onUnregister)
        .onMessage(Moved.class, this::onMoved)
        .onMessage(Scopes.class, this::onScopes)
        .onMessage(Notify.class, n -> publish(new ToPlayers(n.playerIds(), n.note())))
        .onMessage(Send.class, this::onSend)
        .onMessage(WhisperDelivered.class, this::onWhisperDelivered)
        .onMessage(WhisperExpired.class, this::onWhisperExpired)
        .onMessage(Broadcast.class, b -> publish(b.wire()))
        .onMessage(FromTopic.class, m -> onWire(m.wire()))
        .onMessageEquals(Drain.INSTANCE, this::onDrain)
        .onMessageEquals(PartyTick.INSTANCE, this::onPartyTick)
        .onMessage(GetStatus.class, this::onGetStatus)
        .onMessage(
            GetHistory.class,
            g -> {
              g.replyTo().tell(history.recent(g.key()));
              return this;
            })
        .build();
  }

  private Behavior<Command> onRegister(Register r) {
    Local before = players.get(r.playerId());
    Local previous =
        players.put(
            r.playerId(),
            before == null
                ? new Local(r.playerId(), r.name(), r.region(), r.inbox())
                : new Local(
                    r.playerId(), r.name(), r.region(), r.inbox(), before.guild(), before.party()));
    if (previous != null) {
      byName.remove(key(previous.name()), previous.playerId());
    }
    byName.put(key(r.name()), r.playerId());
    partyPositions.track(r.playerId(), r.where());
    history.recent(ChatLine.Channel.GENERAL.name()).forEach(e -> replay(r.inbox(), e));
    history.recent(tradeKey(r.region())).forEach(e -> replay(r.inbox(), e));
    return this;
  }

  private static void replay(ActorRef<ChatInbox> inbox, ChatEntry e) {
    inbox.tell(new ChatInbox.Deliver(e.asDelayed()));
  }

  private Behavior<Command> onUnregister(Unregister u) {
    Local l = players.get(u.playerId());
    if (l != null && l.inbox().equals(u.inbox())) {
      players.remove(u.playerId());
      byName.remove(key(l.name()), l.playerId());
      partyPositions.untrack(u.playerId());
    }
    return this;
  }

  private Behavior<Command> onMoved(Moved m) {
    players.computeIfPresent(
        m.playerId(),
        (id, l) -> new Local(l.playerId(), l.name(), m.region(), l.inbox(), l.guild(), l.party()));
    return this;
  }

  private Behavior<Command> onScopes(Scopes m) {
    players.computeIfPresent(
        m.playerId(),
        (id, l) -> new Local(l.playerId(), l.name(), l.region(), l.inbox(), m.guild(), m.party()));
    return this;
  }

  private Behavior<Command> onSend(Send s) {
    return TraceMdc.handle(s, getContext().getLog(), () -> send(s));
  }

  private Behavior<Command> send(Send s) {
    Muted muted = mutes.get(s.entry().fromPlayerId());
    Instant mutedUntil = muted == null ? null : muted.until();
    if (mutedUntil != null && mutedUntil.toEpochMilli() > s.entry().sentAtMillis()) {
      s.sender()
          .tell(
              new ChatInbox.Answer(
                  new ChatPush.Refused(
                      s.correlationId(),
                      ChatPush.Reason.MUTED,
                      "muted by a moderator until " + mutedUntil,
                      mutedUntil.toEpochMilli() - s.entry().sentAtMillis())));
      return this;
    }
    if (!degraded) {
      route(s, false);
      return this;
    }
    if (queue.size() >= settings.degradedQueue()) {
      s.sender()
          .tell(
              new ChatInbox.Answer(
                  new ChatPush.Refused(
                      s.correlationId(),
                      ChatPush.Reason.BUSY,
                      "chat is degraded and its queue is full; retry shortly",
                      1000)));
      return this;
    }
    queue.addLast(s);
    if (s.entry().channel() != ChatLine.Channel.WHISPER) {
      accepted(s, true);
    }
    return this;
  }

  private void accepted(Send s, boolean delayed) {
    s.sender()
        .tell(
            new ChatInbox.Answer(
                new ChatPush.Accepted(
                    s.correlationId(), s.entry().sequence(), delayed, s.entry().text())));
  }

  /** Sends one admitted line on its way; a {@code late} one was held back (and accepted). */
  private void route(Send s, boolean late) {
    ChatEntry e = s.entry();
    ChatEntry out = late ? e.asDelayed() : e;
    switch (e.channel()) {
      case SAY, YELL -> s.say().deliver(out);
      case WHISPER -> {
        String id = UUID.randomUUID().toString();
        whispers.put(id, new PendingWhisper(out, s.correlationId(), s.sender()));
        timers.startSingleTimer(id, new WhisperExpired(id), settings.whisperTimeout());
        topic.tell(Topic.publish(new Whisper(out, id, getContext().getSelf())));
        return;
      }
      case GUILD, PARTY -> {
        topic.tell(Topic.publish(new Published(out)));
        keep(out);
      }
      default -> topic.tell(Topic.publish(new Published(out)));
    }
    if (!late) {
      accepted(s, false);
    }
  }

  /** Persists a guild or party line in its group's history. */
  private void keep(ChatEntry e) {
    try {
      org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding.get(getContext().getSystem())
          .entityRefFor(GroupHistory.ENTITY_KEY, GroupHistory.key(e.channel(), e.scope()))
          .tell(new GroupHistory.Append(e, getContext().getSystem().ignoreRef()));
    } catch (RuntimeException notSharded) {
      // A hub without cluster sharding (tests of the hub alone): no group history.
    }
  }

  private Behavior<Command> onWhisperDelivered(WhisperDelivered d) {
    PendingWhisper p = whispers.remove(d.whisperId());
    if (p != null) {
      timers.cancel(d.whisperId());
      p.sender().tell(new ChatInbox.Deliver(p.entry()));
      p.sender()
          .tell(
              new ChatInbox.Answer(
                  new ChatPush.Accepted(
                      p.correlationId(),
                      p.entry().sequence(),
                      p.entry().delayed(),
                      p.entry().text())));
    }
    return this;
  }

  private Behavior<Command> onWhisperExpired(WhisperExpired x) {
    PendingWhisper p = whispers.remove(x.whisperId());
    if (p != null) {
      p.sender()
          .tell(
              new ChatInbox.Answer(
                  new ChatPush.Refused(
                      p.correlationId(),
                      ChatPush.Reason.RECIPIENT_OFFLINE,
                      "'" + p.entry().toName() + "' is not online",
                      0)));
    }
    return this;
  }

  private Behavior<Command> publish(Wire wire) {
    topic.tell(Topic.publish(wire));
    return this;
  }

  private Behavior<Command> onWire(Wire wire) {
    if (wire instanceof Published p) {
      onPublished(p.entry());
    } else if (wire instanceof Whisper w) {
      String id = byName.get(key(w.entry().toName()));
      Local to = id == null ? null : players.get(id);
      if (to != null) {
        to.inbox().tell(new ChatInbox.Deliver(w.entry()));
        w.replyTo().tell(new WhisperDelivered(w.whisperId()));
      }
    } else if (wire instanceof Degraded d) {
      degraded = d.on();
      if (degraded) {
        long period = Math.max(1, 1000L / settings.degradedDrain());
        timers.startTimerAtFixedRate(Drain.INSTANCE, Duration.ofMillis(period));
      } else {
        while (!queue.isEmpty()) {
          route(queue.removeFirst(), true);
        }
        timers.cancel(Drain.INSTANCE);
      }
    } else if (wire instanceof ToPlayers t) {
      for (String id : t.playerIds()) {
        Local l = players.get(id);
        if (l != null) {
          l.inbox().tell(new ChatInbox.Social(t.note()));
        }
      }
    } else if (wire instanceof PartyPositions.Batch b) {
      PartyPositions.deliver(b, partyMembers());
    } else if (wire instanceof Muted m) {
      if (m.until() == null) {
        mutes.remove(m.playerId());
      } else {
        mutes.put(m.playerId(), m);
      }
    }
    return this;
  }

  private void onPublished(ChatEntry e) {
    switch (e.channel()) {
      case TRADE -> {
        history.add(tradeKey(e.scope()), e);
        for (Local l : players.values()) {
          if (e.scope().equals(l.region())) {
            l.inbox().tell(new ChatInbox.Deliver(e));
          }
        }
      }
      case GENERAL, SYSTEM -> {
        if (e.channel() == ChatLine.Channel.GENERAL) {
          history.add(ChatLine.Channel.GENERAL.name(), e);
        }
        players.values().forEach(l -> l.inbox().tell(new ChatInbox.Deliver(e)));
      }
      case GUILD, PARTY -> {
        boolean guild = e.channel() == ChatLine.Channel.GUILD;
        for (Local l : players.values()) {
          String scope = guild ? l.guild() : l.party();
          if (!e.scope().isEmpty() && e.scope().equals(scope)) {
            l.inbox().tell(new ChatInbox.Deliver(e));
          }
        }
      }
      default -> {
        // Say, Yell and whispers never travel as Published.
      }
    }
  }

  private Behavior<Command> onGetStatus(GetStatus g) {
    long now = System.currentTimeMillis();
    mutes.values().removeIf(m -> m.until().toEpochMilli() <= now);
    g.replyTo()
        .tell(
            new ChatAdminPort.Status(
                degraded,
                queue.size(),
                mutes.values().stream()
                    .map(m -> new ChatAdminPort.Mute(m.playerId(), m.until(), m.reason(), m.by()))
                    .toList()));
    return this;
  }

  /** Publishes where this node's party members stand (nothing when none is in a party). */
  private Behavior<Command> onPartyTick() {
    PartyPositions.Batch batch = partyPositions.collect(partyMembers(), System.currentTimeMillis());
    if (batch != null) {
      topic.tell(Topic.publish(batch));
    }
    return this;
  }

  private List<PartyPositions.Member> partyMembers() {
    List<PartyPositions.Member> members = new java.util.ArrayList<>();
    for (Local l : players.values()) {
      if (!l.party().isEmpty()) {
        members.add(new PartyPositions.Member(l.playerId(), l.name(), l.party(), l.inbox()));
      }
    }
    return members;
  }

  private Behavior<Command> onDrain() {
    if (!queue.isEmpty()) {
      route(queue.removeFirst(), true);
    }
    return this;
  }

  private static String tradeKey(String region) {
    return ChatLine.Channel.TRADE.name() + "/" + region;
  }

  private static String key(String name) {
    return name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
  }
}
