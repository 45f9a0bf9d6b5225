package org.bluemarble.presence;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.actor.typed.pubsub.Topic;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.bluemarble.account.Account;
import org.bluemarble.chat.ChatInbox;
import org.bluemarble.chat.PresenceChat;
import org.bluemarble.edge.port.ChatLine;
import org.bluemarble.edge.port.PlayPosition;
import org.bluemarble.edge.port.PortException;
import org.bluemarble.edge.port.Presence;
import org.bluemarble.edge.port.WorldListener;
import org.bluemarble.names.NameDirectory;
import org.bluemarble.names.OnlinePlayers;
import org.bluemarble.node.SessionControl;
import org.bluemarble.player.Player;
import org.bluemarble.tracing.TraceMdc;
import org.bluemarble.tracing.Traced;
import org.bluemarble.zone.CellInboxes;
import org.bluemarble.zone.PlayerIds;
import org.bluemarble.zone.SessionEvent;
import org.bluemarble.zone.SessionSinks;
import org.bluemarble.zone.ZoneCell;

/**
 * One player in the world, on the node that holds its connection: checks the character belongs to
 * the account, enters it at its checkpoint (or a spawn point) through sharding, names the cell that
 * simulates it (following handoffs) to its {@link PresenceHandle}, which sends inputs there
 * directly, converts the cell's pushes for the {@link WorldListener} (the hot ones reach its {@link
 * PresenceSink} straight from a cell on this node, without a message), keeps the character through
 * a grace period after a detach, re-enters it from its checkpoint when its cell goes silent, and
 * obeys kicks. It enters only while it holds the player's cluster-wide {@link PresenceLease};
 * superseded by a connection on another node, it leaves its cell, ends its connection with
 * REPLACED, releases the lease and stops.
 */
final class PresenceActor extends AbstractBehavior<PresenceActor.Command> {

  interface Command {}

  /** A connection wants this player (first entry, resume or takeover). */
  record Attach(String accountId, WorldListener listener, CompletableFuture<Presence> result)
      implements Command {}

  record Detach(WorldListener listener) implements Command {}

  record Leave(WorldListener listener) implements Command {}

  private record FromCell(SessionEvent event) implements Command {}

  /** A chat line the player says, under its connection's trace (null: none). */
  record Chat(long correlationId, ChatLine line, String traceId) implements Command, Traced {}

  private record FromChat(ChatInbox message) implements Command {}

  /** A social action of the player (friends, ignore, guild, party, report), under its trace. */
  record Social(long correlationId, org.bluemarble.edge.port.SocialAction action, String traceId)
      implements Command, Traced {}

  private record Control(SessionControl.Notice notice) implements Command {}

  private record AccountLoaded(Account.Reply reply, Throwable failure) implements Command {}

  private record ProfileLoaded(Player.Reply reply, Throwable failure) implements Command {}

  private record CellAnswered(ZoneCell.Reply reply, Throwable failure) implements Command {}

  private enum Timer implements Command {
    GRACE_OVER,
    WATCHDOG
  }

  private enum Takeover implements Command {
    LEFT_CELL
  }

  /**
   * This node is stopping: the character leaves the world where it stands (its cell checkpoints
   * it), a connection still attached is ended with {@link WorldListener.EndReason#NODE_STOPPING},
   * and the actor stops once the cell answered. Nothing would take the character out later: this
   * actor and its grace period stop with the node.
   */
  enum NodeStopping implements Command {
    INSTANCE
  }

  static Behavior<Command> create(String playerId, PresenceSettings settings) {
    return Behaviors.setup(
        ctx -> Behaviors.withTimers(timers -> new PresenceActor(ctx, timers, playerId, settings)));
  }

  /** The window over which dropped inputs count towards a flood. */
  private static final java.time.Duration FLOOD_WINDOW = java.time.Duration.ofSeconds(1);

  /** Dropped inputs within the window, in cell input queues, that make a flood. */
  private static final int FLOOD_QUEUES = 10;

  private final TimerScheduler<Command> timers;
  private final String playerId;
  private final long entityId;
  private final PresenceSettings settings;
  private final ActorRef<SessionEvent> sessionRef;
  private final PresenceHandle handle;
  private final LeaseHolder lease;
  private final PresenceAsks asks;
  private final PresenceChat chat;
  private final PresenceSink sink;
  private final PresenceCombat combat;
  private String name;
  private String accountId;
  private WorldListener listener;
  private CompletableFuture<Presence> pending;
  private String characterClass;
  private String cellId;
  private boolean inWorld;
  private boolean entering;
  private boolean resuming;
  private Presence.Entered entered;
  private long floodWindowStart = System.nanoTime();
  private int floodDropped;

  private PresenceActor(
      ActorContext<Command> ctx,
      TimerScheduler<Command> timers,
      String playerId,
      PresenceSettings settings) {
    super(ctx);
    this.timers = timers;
    this.playerId = playerId;
    this.entityId = PlayerIds.simulationId(playerId);
    this.settings = settings;
    this.sessionRef = ctx.messageAdapter(SessionEvent.class, FromCell::new);
    this.sink = new PresenceSink(playerId, OnlinePlayers.get(ctx.getSystem()));
    SessionSinks.get(ctx.getSystem()).register(sessionRef, sink);
    this.handle =
        new PresenceHandle(
            ctx.getSelf(),
            playerId,
            sink,
            ClusterSharding.get(ctx.getSystem()),
            CellInboxes.get(ctx.getSystem()));
    this.asks = new PresenceAsks(ctx, settings.askTimeout(), settings.watchdog().dividedBy(2));
    this.lease = asks.lease(playerId);
    this.chat =
        new PresenceChat(
            ctx.getSystem(),
            playerId,
            ctx.messageAdapter(ChatInbox.class, FromChat::new),
            settings.zone().sphere().radiusMeters());
    chat.locatedBy(sink::position);
    this.combat = new PresenceCombat(ctx, asks, playerId, settings.askTimeout());
    ActorRef<SessionControl.Notice> control =
        ctx.messageAdapter(SessionControl.Notice.class, Control::new);
    SessionControl.get(ctx.getSystem()).topic().tell(Topic.subscribe(control));
    Duration tick = settings.watchdog().dividedBy(4);
    timers.startTimerWithFixedDelay(Timer.WATCHDOG, tick.isZero() ? Duration.ofSeconds(1) : tick);
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(Attach.class, this::onAttach)
        .onMessage(Detach.class, this::onDetach)
        .onMessage(Leave.class, this::onLeave)
        .onMessage(FromCell.class, m -> onCellEvent(m.event()))
        .onMessage(Control.class, m -> onControl(m.notice()))
        .onMessage(AccountLoaded.class, this::onAccount)
        .onMessage(ProfileLoaded.class, this::onProfile)
        .onMessage(CellAnswered.class, this::onCellAnswer)
        .onMessage(PresenceLease.Granted.class, g -> onGranted())
        .onMessage(PresenceLease.Superseded.class, this::onSuperseded)
        .onMessageEquals(Takeover.LEFT_CELL, this::releaseAndStop)
        .onMessageEquals(NodeStopping.INSTANCE, this::onNodeStopping)
        .onMessageEquals(Timer.GRACE_OVER, this::leaveWorld)
        .onMessageEquals(Timer.WATCHDOG, this::onWatchdog)
        .onMessage(Chat.class, this::onChat)
        .onMessage(FromChat.class, m -> chatFromHub(m.message()))
        .onMessage(PresenceCombat.Message.class, this::onCombat)
        .onMessage(Social.class, m -> chatSocial(m))
        .onSignal(
            PostStop.class,
            s -> {
              SessionSinks.get(getContext().getSystem()).remove(sessionRef, sink);
              sink.inWorld(false);
              chatLeft();
              return gone();
            })
        .build();
  }

  private Behavior<Command> gone() {
    OnlinePlayers.get(getContext().getSystem()).gone(playerId);
    return this;
  }

  private Behavior<Command> onAttach(Attach a) {
    if (accountId != null && !accountId.equals(a.accountId())) {
      a.result()
          .completeExceptionally(
              new PortException(
                  PortException.Code.NOT_FOUND,
                  "player " + playerId + " is not a character of account " + a.accountId()));
      return this;
    }
    timers.cancel(Timer.GRACE_OVER);
    if (listener != null && listener != a.listener()) {
      listener.onEnded(WorldListener.EndReason.REPLACED, "the player connected again elsewhere");
    }
    listen(a.listener());
    if (inWorld && !entering) {
      // Resume: ask the cell where the character stands (snapshots never show a player itself)
      // and leave it there. It stays in the cell all along: taking it out and putting it back
      // showed observers an EntityLeave whenever a tick fell between the two asks (issue 16).
      pending = a.result();
      resuming = true;
      entering = true;
      asks.cell(cellId, r -> new ZoneCell.Locate(playerId, r), CellAnswered::new);
      return this;
    }
    failPending(PortException.Code.CONFLICT, "replaced by a newer connection");
    pending = a.result();
    if (accountId == null) {
      accountId = a.accountId();
      asks.account(accountId, AccountLoaded::new);
    }
    return this;
  }

  private Behavior<Command> onAccount(AccountLoaded m) {
    if (m.reply() instanceof Account.Summary banned) {
      var refusal = BanCheck.refusal(banned, Instant.now());
      if (refusal.isPresent()) {
        return failEntry(refusal.get().code(), refusal.get().getMessage());
      }
    }
    if (!(m.reply() instanceof Account.Summary s) || !s.characters().contains(playerId)) {
      String why =
          m.failure() != null
              ? "account " + accountId + " did not answer: " + m.failure().getMessage()
              : "player " + playerId + " is not a character of account " + accountId;
      return failEntry(
          m.failure() != null ? PortException.Code.UNAVAILABLE : PortException.Code.NOT_FOUND, why);
    }
    // Enter only once this presence holds the player's lease (see onGranted).
    entering = true;
    lease.claim();
    return this;
  }

  private Behavior<Command> onGranted() {
    if (lease.granted()) {
      loadProfile();
    }
    return this;
  }

  /** Another connection took the player over: out of the cell first, then release and stop. */
  private Behavior<Command> onSuperseded(PresenceLease.Superseded s) {
    WorldListener l = listener;
    listen(null);
    if (l != null) {
      l.onEnded(WorldListener.EndReason.REPLACED, s.reason());
    }
    failPending(PortException.Code.CONFLICT, s.reason());
    timers.cancel(Timer.GRACE_OVER);
    boolean inCell = cellId != null && (inWorld || entering);
    inWorld(false);
    entering = false;
    if (!inCell) {
      return releaseAndStop();
    }
    asks.cell(
        cellId, r -> new ZoneCell.LeaveCell(playerId, r), (reply, failure) -> Takeover.LEFT_CELL);
    return this;
  }

  private Behavior<Command> onNodeStopping() {
    WorldListener l = listener;
    listen(null);
    String why = "this node is stopping: connect again (another node serves the world)";
    if (l != null) {
      l.onEnded(WorldListener.EndReason.NODE_STOPPING, why);
    }
    failPending(PortException.Code.UNAVAILABLE, why);
    timers.cancel(Timer.GRACE_OVER);
    NameDirectory.get(getContext().getSystem()).withdraw(entityId);
    boolean inCell = cellId != null && (inWorld || entering);
    inWorld(false);
    entering = false;
    if (!inCell) {
      return releaseAndStop();
    }
    asks.cell(
        cellId, r -> new ZoneCell.LeaveCell(playerId, r), (reply, failure) -> Takeover.LEFT_CELL);
    return this;
  }

  private Behavior<Command> releaseAndStop() {
    lease.release();
    return Behaviors.stopped();
  }

  private void loadProfile() {
    entering = true;
    asks.profile(playerId, ProfileLoaded::new);
  }

  private Behavior<Command> onProfile(ProfileLoaded m) {
    if (!(m.reply() instanceof Player.Profile p) || p.characterClass() == null) {
      entering = false;
      if (m.failure() != null && pending == null && listener != null) {
        return retryAtNextWatchdog(); // a re-entry; the Player's node may be gone too
      }
      return failEntry(
          m.failure() != null ? PortException.Code.UNAVAILABLE : PortException.Code.NOT_FOUND,
          "player " + playerId + " could not be loaded");
    }
    characterClass = p.characterClass().name();
    name = p.name();
    combat.level(p.level());
    NameDirectory.get(getContext().getSystem()).publish(entityId, p.name());
    PlayPosition position =
        p.position() == null
            ? settings.spawns().spawnFor(playerId)
            : new PlayPosition(
                p.position().latitude(), p.position().longitude(), p.position().altitude());
    sink.position(position);
    enterCell();
    OnlinePlayers.get(getContext().getSystem())
        .seen(playerId, entityId, p.name(), position, cellId);
    return this;
  }

  /** Sends EnterCell for the last known position to the cell containing it. */
  private void enterCell() {
    entering = true;
    PlayPosition position = sink.position();
    long lastSequence = sink.lastSequence();
    cell(CellEntry.cellIdAt(position, settings.zone()));
    asks.cell(
        cellId,
        r -> CellEntry.enter(playerId, characterClass, position, lastSequence, sessionRef, r),
        CellAnswered::new);
  }

  private Behavior<Command> onCellAnswer(CellAnswered m) {
    if (!entering) {
      return this;
    }
    if (resuming) {
      resuming = false;
      if (m.reply() instanceof ZoneCell.Located l) {
        sink.position(new PlayPosition(l.latitudeDeg(), l.longitudeDeg(), l.altitude()));
        cell(l.cellId());
        entering = false;
        sink.snapshotNow();
        entered =
            CellEntry.entered(
                entityId,
                sink.position(),
                sink.lastSequence(),
                settings.zone(),
                characterClass,
                true);
        pending.complete(handle.with(entered, listener));
        pending = null;
        chat.entered(name, cellId);
        combat.entered(cellId);
        return this;
      }
      // Not in that cell (handed off meanwhile, or the cell restarted): enter where it was last
      // seen, as a watchdog re-entry would.
      enterCell();
      return this;
    }
    entering = false;
    if (m.reply() instanceof ZoneCell.Entered e) {
      asks.reentering(false);
      cell(e.cellId());
      inWorld(true);
      sink.snapshotNow();
      chat.entered(name, cellId);
      combat.entered(cellId);
      entered =
          CellEntry.entered(
              entityId,
              sink.position(),
              sink.lastSequence(),
              settings.zone(),
              characterClass,
              entered != null);
      if (pending != null) {
        pending.complete(handle.with(entered, listener));
        pending = null;
      } else if (listener != null) {
        // Watchdog re-entry: the client still predicts from where the lost cell last had it.
        listener.onCorrection(sink.lastSequence(), sink.position(), "REENTERED", 0.0);
      }
      return this;
    }
    String why =
        m.reply() instanceof ZoneCell.Rejected r
            ? r.message()
            : "the zone cell did not answer: " + m.failure();
    getContext().getLog().warn("player {} cannot enter cell {}: {}", playerId, cellId, why);
    if (pending == null && listener != null) {
      return retryAtNextWatchdog();
    }
    return failEntry(PortException.Code.UNAVAILABLE, "cannot enter the world: " + why);
  }

  /**
   * A watchdog re-entry failed (its asks wait half the watchdog): try again at the next watchdog
   * tick (a quarter of it), not a whole watchdog later, so the player is back soon after sharding
   * re-homed the lost node's shards.
   */
  private Behavior<Command> retryAtNextWatchdog() {
    sink.snapshotAt(System.nanoTime() - settings.watchdog().toNanos());
    inWorld(true);
    return this;
  }

  private Behavior<Command> failEntry(PortException.Code code, String why) {
    failPending(code, why);
    return Behaviors.stopped();
  }

  private void failPending(PortException.Code code, String why) {
    if (pending != null) {
      pending.completeExceptionally(new PortException(code, why));
      pending = null;
    }
  }

  private Behavior<Command> onDetach(Detach d) {
    if (d.listener() != listener) {
      return this;
    }
    listen(null);
    if (settings.gracePeriod().isZero()) {
      return leaveWorld();
    }
    timers.startSingleTimer(Timer.GRACE_OVER, settings.gracePeriod());
    return this;
  }

  private Behavior<Command> onLeave(Leave l) {
    if (l.listener() != listener) {
      return this;
    }
    listen(null);
    return leaveWorld();
  }

  /** Out of the world at the last position (the cell checkpoints it) and stop. */
  private Behavior<Command> leaveWorld() {
    if (cellId != null && (inWorld || entering)) {
      asks.tellCell(cellId, new ZoneCell.LeaveCell(playerId, getContext().getSystem().ignoreRef()));
    }
    if (listener != null) {
      listener.onEnded(WorldListener.EndReason.LEFT, "left the world");
    }
    NameDirectory.get(getContext().getSystem()).withdraw(entityId);
    lease.release();
    return failEntry(PortException.Code.CONFLICT, "the player left the world");
  }

  private Behavior<Command> onCellEvent(SessionEvent event) {
    if (event instanceof SessionEvent.InputsDropped d && listener != null && flooding(d)) {
      // The design's policy for a flooding client: drop the connection; the character stays for
      // the grace period as after any lost connection.
      WorldListener l = listener;
      l.onEnded(
          WorldListener.EndReason.FLOODED,
          "sent inputs faster than the world accepts them ("
              + floodDropped
              + " dropped within "
              + FLOOD_WINDOW.toMillis()
              + " ms beyond "
              + d.queueLimit()
              + " queued)");
      return onDetach(new Detach(l));
    }
    sink.deliver(event);
    if (event instanceof SessionEvent.HandedOff h) {
      cell(h.newCellId());
      chat.moved(cellId);
      combat.entered(cellId);
    } else if (event instanceof SessionEvent.ChatHeard heard) {
      chat.heard(heard.entry(), listener);
    } else if (event instanceof SessionEvent.CombatFeed feed) {
      CombatFeeds.deliver(feed, listener, Math.round(settings.zone().tickSeconds() * 1000));
      combat.loot(feed, entityId);
      chat.vitals(feed.vitals(), entityId);
    }
    return this;
  }

  /**
   * Whether the inputs dropped so far in the current {@link #FLOOD_WINDOW} exceed {@link
   * #FLOOD_QUEUES} times the cell's queue (320 inputs, 32 s of play at 10 Hz): a burst of inputs
   * held back by the network or a stalled node loses a few and stays; a client sending far more
   * than it may is a flood.
   */
  private boolean flooding(SessionEvent.InputsDropped d) {
    long now = System.nanoTime();
    if (now - floodWindowStart > FLOOD_WINDOW.toNanos()) {
      floodWindowStart = now;
      floodDropped = 0;
    }
    floodDropped += d.dropped();
    return floodDropped > FLOOD_QUEUES * d.queueLimit();
  }

  /** The connection that hears the world, for this actor and for the cells' direct calls. */
  private void listen(WorldListener l) {
    listener = l;
    sink.listener(l);
  }

  /** Whether the character is in the world (its inputs go to its cell). */
  private void inWorld(boolean in) {
    inWorld = in;
    sink.inWorld(in);
  }

  /** The cell that simulates the character now. */
  private void cell(String id) {
    cellId = id;
    sink.cellId(id);
  }

  private Behavior<Command> onControl(SessionControl.Notice notice) {
    if (notice instanceof SessionControl.Kick k && k.accountId().equals(accountId)) {
      WorldListener l = listener;
      listen(null);
      if (l != null) {
        l.onEnded(WorldListener.EndReason.KICKED, k.reason());
      }
      return leaveWorld();
    }
    if (notice instanceof SessionControl.Broadcast b && listener != null) {
      listener.onAnnouncement(b.message(), b.from());
    }
    return this;
  }

  private Behavior<Command> onChat(Chat c) {
    try (TraceMdc traced = TraceMdc.of(c)) {
      chat.send(c.correlationId(), c.line(), inWorld ? sink.position() : null, cellId, listener);
    }
    return this;
  }

  private Behavior<Command> onCombat(PresenceCombat.Message m) {
    try (TraceMdc traced = m instanceof Traced t ? TraceMdc.of(t) : TraceMdc.none()) {
      combat.on(m, inWorld && !entering ? cellId : null, listener);
    }
    return this;
  }

  private Behavior<Command> chatFromHub(ChatInbox message) {
    chat.fromHub(message, listener);
    return this;
  }

  private Behavior<Command> chatSocial(Social m) {
    try (TraceMdc traced = TraceMdc.of(m)) {
      getContext().getLog().debug("handling {}", m);
      chat.social(m.correlationId(), m.action(), listener);
    }
    return this;
  }

  private Behavior<Command> chatLeft() {
    chat.left();
    return this;
  }

  private Behavior<Command> onWatchdog() {
    lease.renew();
    combat.retry();
    if (!inWorld || entering) {
      return this;
    }
    long silentNanos = System.nanoTime() - sink.lastSnapshotNanos();
    if (silentNanos > settings.watchdog().toNanos()) {
      getContext()
          .getLog()
          .warn(
              "no snapshot for player {} from cell {} for {} ms: re-entering from the checkpoint",
              playerId,
              cellId,
              silentNanos / 1_000_000);
      inWorld(false);
      asks.reentering(true);
      loadProfile();
    }
    return this;
  }
}
