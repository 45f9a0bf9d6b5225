package org.bluemarble.social;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.annotation.JsonTypeIdResolver;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.RecoveryCompleted;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;
import org.apache.pekko.persistence.typed.javadsl.SignalHandler;
import org.bluemarble.market.holdings.Holdings;
import org.bluemarble.market.holdings.Leg;
import org.bluemarble.market.holdings.LegReply;
import org.bluemarble.market.inventory.ItemStack;
import org.bluemarble.node.CborSerializable;
import org.bluemarble.node.EntityTags;
import org.bluemarble.tracing.SealedTypeIds;
import org.bluemarble.tracing.TraceMdc;
import org.bluemarble.tracing.Traced;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A guild: sharded by its tag (so the tag is unique: creating an existing guild is refused),
 * event-sourced. Ranks leader, officer, veteran, member, recruit with the permissions of {@link
 * GuildRules}; invite, join (accepting an invite), leave, kick, promote, demote, message of the
 * day; at most {@link GuildRules#MAX_MEMBERS} members. Every decision is made by {@link
 * GuildState#decide} before anything is persisted; a refusal says why and changes nothing. The
 * guild bank ({@link GuildBank}): deposits and withdrawals are two-leg moves between the member's
 * economy holdings and the guild's, persisted here (who moved what) before each leg is posted and
 * re-posted every {@link #BANK_RESEND} and after recovery until the holdings answer.
 */
public final class Guild
    extends EventSourcedBehaviorWithEnforcedReplies<Guild.Command, Guild.Event, GuildState> {

  private static final Logger LOG = LoggerFactory.getLogger(Guild.class);

  public static final EntityTypeKey<Command> ENTITY_KEY =
      EntityTypeKey.create(Command.class, "Guild");

  /** Registers the entity type with Cluster Sharding on this node; events are tagged by slice. */
  public static void init(ActorSystem<?> system, int slices, GuildBankLimits limits) {
    ClusterSharding.get(system)
        .init(
            Entity.of(
                ENTITY_KEY,
                ctx ->
                    create(
                        ctx.getEntityId(),
                        EntityTags.tag(ENTITY_KEY.name(), ctx.getEntityId(), slices),
                        Clock.systemUTC(),
                        limits)));
  }

  /** Registers the entity type with the daily withdrawal limits of the node's config. */
  public static void init(ActorSystem<?> system, int slices) {
    init(system, slices, GuildBankLimits.fromConfig(system.settings().config()));
  }

  public static Behavior<Command> create(String tag, String eventTag, Clock clock) {
    return create(tag, eventTag, clock, GuildBankLimits.DEFAULT);
  }

  /** A guild whose bank withdrawals stay within {@code limits} per member and UTC day. */
  public static Behavior<Command> create(
      String tag, String eventTag, Clock clock, GuildBankLimits limits) {
    return Behaviors.setup(
        ctx ->
            Behaviors.withTimers(timers -> new Guild(tag, eventTag, clock, limits, ctx, timers)));
  }

  /** How often the legs of bank moves under way are posted again until answered. */
  static final Duration BANK_RESEND = Duration.ofSeconds(3);

  // Commands

  /** Everything a Guild accepts. */
  public sealed interface Command extends CborSerializable
      permits Create,
          Invite,
          Join,
          Leave,
          Kick,
          Promote,
          Demote,
          SetMotd,
          Get,
          BankDeposit,
          BankWithdraw,
          BankLegAnswered,
          BankResend,
          UnderTrace {
    /** Where the answer goes. */
    ActorRef<Reply> replyTo();
  }

  /**
   * {@code command} sent under the W3C trace {@code traceId} (a player's session, see {@code
   * SocialAsks}): handled as {@code command}, with the trace id in the MDC of the entity's log
   * lines.
   */
  public record UnderTrace(
      @JsonTypeInfo(use = JsonTypeInfo.Id.CUSTOM, property = "t")
          @JsonTypeIdResolver(SealedTypeIds.class)
          Command command,
      String traceId)
      implements Command, Traced {
    @Override
    public ActorRef<Reply> replyTo() {
      return command.replyTo();
    }
  }

  /** Founds the guild (entity id = tag) with {@code leaderId} as its leader. */
  public record Create(String name, String leaderId, ActorRef<Reply> replyTo) implements Command {}

  /** {@code by} invites {@code playerId}. */
  public record Invite(String by, String playerId, ActorRef<Reply> replyTo) implements Command {}

  /** An invited player accepts and joins as a recruit. */
  public record Join(String playerId, ActorRef<Reply> replyTo) implements Command {}

  /** A member leaves (the leader only when alone, or after handing over). */
  public record Leave(String playerId, ActorRef<Reply> replyTo) implements Command {}

  /** {@code by} removes {@code playerId}. */
  public record Kick(String by, String playerId, ActorRef<Reply> replyTo) implements Command {}

  /** {@code by} raises {@code playerId} one rank. */
  public record Promote(String by, String playerId, ActorRef<Reply> replyTo) implements Command {}

  /** {@code by} lowers {@code playerId} one rank. */
  public record Demote(String by, String playerId, ActorRef<Reply> replyTo) implements Command {}

  /** {@code by} sets the message of the day. */
  public record SetMotd(String by, String motd, ActorRef<Reply> replyTo) implements Command {}

  /** The guild as it stands. */
  public record Get(ActorRef<Reply> replyTo) implements Command {}

  /**
   * Member {@code by} moves {@code copper} and {@code items} from its holdings into the guild bank
   * (BANK_DEPOSIT). {@code moveId} (null: the guild picks one) makes a retry join the move under
   * way. Answered with {@link BankMoved} once the bank has it, or {@link Rejected}.
   */
  public record BankDeposit(
      String by, String moveId, long copper, List<ItemStack> items, ActorRef<Reply> replyTo)
      implements Command {}

  /** As {@link BankDeposit}, from the bank to {@code by} (BANK_WITHDRAW). */
  public record BankWithdraw(
      String by, String moveId, long copper, List<ItemStack> items, ActorRef<Reply> replyTo)
      implements Command {}

  /** The holdings' answer to a bank leg (internal). */
  public record BankLegAnswered(LegReply reply) implements Command {
    @Override
    public ActorRef<Reply> replyTo() {
      return null;
    }
  }

  /** Post the legs of the moves under way again (internal timer). */
  public record BankResend() implements Command {
    @Override
    public ActorRef<Reply> replyTo() {
      return null;
    }
  }

  // Replies

  /** What a Guild answers. */
  public sealed interface Reply extends CborSerializable permits Summary, Rejected, BankMoved {}

  /** The guild after the command; {@code tag} is null when it was never founded. */
  public record Summary(
      String tag, String name, Map<String, GuildRank> members, Set<String> invited, String motd)
      implements Reply {}

  /**
   * Refused; nothing changed. {@code reason}: {@link GuildBankLimits#DAILY_LIMIT} when a daily
   * withdrawal limit refused it, empty otherwise (the message says which rule).
   */
  public record Rejected(String message, String reason) implements Reply {
    public Rejected {
      reason = reason == null ? "" : reason;
    }

    /** Refused by a rule (no particular reason code). */
    public Rejected(String message) {
      this(message, "");
    }
  }

  /**
   * A bank move was taken from its source; {@code settled}: the receiver has it too, otherwise it
   * is owed (no room in the receiver's bags) and delivered as soon as there is room.
   */
  public record BankMoved(
      String moveId,
      GuildBank.Kind kind,
      String playerId,
      long copper,
      List<ItemStack> items,
      boolean settled)
      implements Reply {}

  // Events

  /** Facts of a guild, each carrying its tag. */
  public sealed interface Event extends CborSerializable
      permits GuildCreated,
          MemberInvited,
          MemberJoined,
          MemberLeft,
          MemberKicked,
          RankChanged,
          MotdSet,
          BankMoveStarted,
          BankMoveTaken,
          BankMoveEnded {}

  public record GuildCreated(String tag, String name, String leaderId, Instant at)
      implements Event {}

  public record MemberInvited(String tag, String playerId, String by) implements Event {}

  public record MemberJoined(String tag, String playerId) implements Event {}

  public record MemberLeft(String tag, String playerId) implements Event {}

  public record MemberKicked(String tag, String playerId, String by) implements Event {}

  public record RankChanged(String tag, String playerId, GuildRank rank, String by)
      implements Event {}

  public record MotdSet(String tag, String motd, String by) implements Event {}

  /** {@code playerId} started moving money and items into ({@code DEPOSIT}) or out of the bank. */
  public record BankMoveStarted(
      String tag,
      String moveId,
      String playerId,
      GuildBank.Kind kind,
      long copper,
      List<ItemStack> items,
      Instant at)
      implements Event {}

  /** The move's take leg was applied; its give leg is owed. */
  public record BankMoveTaken(String tag, String moveId) implements Event {}

  /**
   * The move ended: {@code done} (given) or refused at the take ({@code reason}), nothing moved.
   */
  public record BankMoveEnded(
      String tag, String moveId, String playerId, boolean done, String reason, Instant at)
      implements Event {}

  private final String tag;
  private final String eventTag;
  private final Clock clock;
  private final GuildBankLimits limits;
  private final ActorContext<Command> context;
  private final TimerScheduler<Command> timers;
  private ActorRef<LegReply> legReplies;
  // Who waits for each bank move's outcome (not persisted: after a restart the move still ends,
  // the asker's ask times out).
  private final Map<String, List<ActorRef<Reply>>> waiting = new HashMap<>();

  private Guild(
      String tag,
      String eventTag,
      Clock clock,
      GuildBankLimits limits,
      ActorContext<Command> context,
      TimerScheduler<Command> timers) {
    super(PersistenceId.of(ENTITY_KEY.name(), tag));
    this.tag = tag;
    this.eventTag = eventTag;
    this.clock = clock;
    this.limits = limits;
    this.context = context;
    this.timers = timers;
  }

  @Override
  public GuildState emptyState() {
    return GuildState.EMPTY;
  }

  @Override
  public Set<String> tagsFor(Event event) {
    return Set.of(eventTag);
  }

  @Override
  public RetentionCriteria retentionCriteria() {
    return RetentionCriteria.snapshotEvery(100, 2);
  }

  @Override
  public CommandHandlerWithReply<Command, Event, GuildState> commandHandler() {
    return newCommandHandlerWithReplyBuilder()
        .forAnyState()
        .onCommand(
            UnderTrace.class,
            (s, c) -> TraceMdc.handle(c, LOG, () -> commandHandler().apply(s, c.command())))
        .onCommand(Get.class, (s, c) -> Effect().reply(c.replyTo(), s.summary()))
        .onCommand(BankLegAnswered.class, this::onLegAnswer)
        .onCommand(BankResend.class, this::onResend)
        .onAnyCommand(this::onCommand);
  }

  @Override
  public SignalHandler<GuildState> signalHandler() {
    return newSignalHandlerBuilder()
        .onSignal(
            RecoveryCompleted.instance(),
            state -> {
              if (!state.moves().isEmpty()) {
                state.moves().values().forEach(this::post);
                keepResending();
              }
            })
        .build();
  }

  private ReplyEffect<Event, GuildState> onCommand(GuildState state, Command cmd) {
    if (cmd instanceof BankDeposit b && b.moveId() == null) {
      cmd = new BankDeposit(b.by(), newMoveId(), b.copper(), b.items(), b.replyTo());
    } else if (cmd instanceof BankWithdraw b && b.moveId() == null) {
      cmd = new BankWithdraw(b.by(), newMoveId(), b.copper(), b.items(), b.replyTo());
    }
    String moveId =
        cmd instanceof BankDeposit b
            ? b.moveId()
            : cmd instanceof BankWithdraw b ? b.moveId() : null;
    if (moveId != null && state.moves().containsKey(moveId)) {
      // A retry of a move under way: it waits for the same outcome.
      waiting.computeIfAbsent(moveId, k -> new ArrayList<>()).add(cmd.replyTo());
      return Effect().noReply();
    }
    GuildState.Decision d = state.decide(tag, cmd, clock.instant(), limits);
    if (d.refusal() == null && moveId != null) {
      ActorRef<Reply> replyTo = cmd.replyTo();
      return Effect()
          .persist(d.events())
          .thenRun(
              s -> {
                waiting.computeIfAbsent(moveId, k -> new ArrayList<>()).add(replyTo);
                post(s.moves().get(moveId));
                keepResending();
              })
          .thenNoReply();
    }
    if (d.refusal() != null) {
      return Effect().reply(cmd.replyTo(), new Rejected(d.refusal(), d.reason()));
    }
    return Effect().persist(d.events()).thenReply(cmd.replyTo(), GuildState::summary);
  }

  private static String newMoveId() {
    return UUID.randomUUID().toString();
  }

  private ReplyEffect<Event, GuildState> onLegAnswer(GuildState state, BankLegAnswered a) {
    GuildBank.KeyRef ref = GuildBank.parseKey(tag, a.reply().key());
    GuildBank.Move move = ref == null ? null : state.moves().get(ref.moveId());
    if (move == null || move.phase() != ref.phase()) {
      return Effect().noReply(); // an answer to an earlier post of a phase already passed
    }
    boolean applied = a.reply() instanceof LegReply.LegDone;
    if (move.phase() == GuildBank.Phase.TAKING) {
      if (applied) {
        return Effect()
            .persist(new BankMoveTaken(tag, move.moveId()))
            .thenRun(s -> post(s.moves().get(move.moveId())))
            .thenNoReply();
      }
      String why = ((LegReply.LegRefused) a.reply()).message();
      return Effect()
          .persist(
              new BankMoveEnded(tag, move.moveId(), move.playerId(), false, why, clock.instant()))
          .thenRun(s -> answer(move.moveId(), new Rejected(why)))
          .thenNoReply();
    }
    if (applied) {
      return Effect()
          .persist(
              new BankMoveEnded(tag, move.moveId(), move.playerId(), true, "", clock.instant()))
          .thenRun(s -> answer(move.moveId(), moved(move, true)))
          .thenNoReply();
    }
    // No room in the receiver's bags: the give stays owed and is re-posted until there is room.
    answer(move.moveId(), moved(move, false));
    return Effect().noReply();
  }

  private ReplyEffect<Event, GuildState> onResend(GuildState state, BankResend r) {
    if (state.moves().isEmpty()) {
      timers.cancel(BANK_RESEND_TIMER);
    } else {
      state.moves().values().forEach(this::post);
    }
    return Effect().noReply();
  }

  private static final String BANK_RESEND_TIMER = "bank-resend";

  private void keepResending() {
    if (!timers.isTimerActive(BANK_RESEND_TIMER)) {
      timers.startTimerWithFixedDelay(BANK_RESEND_TIMER, new BankResend(), BANK_RESEND);
    }
  }

  private static BankMoved moved(GuildBank.Move m, boolean settled) {
    return new BankMoved(m.moveId(), m.kind(), m.playerId(), m.copper(), m.items(), settled);
  }

  private void answer(String moveId, Reply reply) {
    List<ActorRef<Reply>> to = waiting.remove(moveId);
    if (to != null) {
      to.forEach(r -> r.tell(reply));
    }
  }

  /** Posts the leg of {@code move}'s current phase to the holdings concerned. */
  private void post(GuildBank.Move move) {
    if (move == null) {
      return;
    }
    if (legReplies == null) {
      legReplies = context.messageAdapter(LegReply.class, BankLegAnswered::new);
    }
    Leg leg = move.leg(tag);
    ClusterSharding.get(context.getSystem())
        .entityRefFor(Holdings.ENTITY_KEY, leg.playerId())
        .tell(new Holdings.Post(leg, legReplies));
  }

  @Override
  public EventHandler<GuildState, Event> eventHandler() {
    return newEventHandlerBuilder().forAnyState().onAnyEvent(GuildState::apply);
  }
}
