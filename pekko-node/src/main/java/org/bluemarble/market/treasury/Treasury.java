package org.bluemarble.market.treasury;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.pubsub.Topic;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.RecoveryCompleted;
import org.apache.pekko.persistence.typed.SnapshotAdapter;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;
import org.apache.pekko.persistence.typed.javadsl.SignalHandler;
import org.bluemarble.market.EconomyConfig;
import org.bluemarble.market.Ids;
import org.bluemarble.market.MarketException;
import org.bluemarble.market.Money;
import org.bluemarble.market.holdings.Holdings;
import org.bluemarble.market.holdings.Leg;
import org.bluemarble.market.holdings.LegReply;
import org.bluemarble.market.inventory.ItemStack;
import org.bluemarble.market.journal.GroupCommit;
import org.bluemarble.market.saga.LegCourier;
import org.bluemarble.node.CborSerializable;

/**
 * The mint and the economy's switches: one entity ({@value #ID}). Every copper, honor point and
 * item that enters the economy (admin grants, payments) is minted here under an idempotency key (a
 * payment's event id, an admin request id) and then delivered to the player's {@link Holdings} as a
 * leg re-posted until acknowledged. Mints and deliveries are gathered in a {@link TreasuryBatch}
 * and persisted together, one journal write for many. Also holds the cluster-wide read-only switch,
 * published on the {@link EconomyGate} topic whenever it changes. Totals never pass {@link
 * Money#MAX_AMOUNT}: a mint that would take them past it is refused, never wrapped. Snapshots every
 * {@value #SNAPSHOT_EVERY} events ({@link TreasurySnapshot}: every mint key, undelivered legs,
 * failures, totals, the switch), so recovery replays at most that many events.
 */
public final class Treasury
    extends EventSourcedBehaviorWithEnforcedReplies<
        Treasury.Command, Treasury.Event, TreasuryState> {

  public static final EntityTypeKey<Command> ENTITY_KEY =
      EntityTypeKey.create(Command.class, "Treasury");

  /** Prefix of the mint's leg keys ({@code mint:<key>}). */
  public static final String MINT_PREFIX = Leg.MINT_PREFIX;

  /** The one treasury's entity id. */
  public static final String ID = "treasury";

  /**
   * The tag of every treasury event (one entity, so one tag rather than slices), read by the event
   * stream. Events written before it existed carry no tag and are not streamed.
   */
  public static final String TAG = "treasury";

  /** Events between two snapshots (two kept; events are never deleted: they are the mint's log). */
  public static final int SNAPSHOT_EVERY = 1_000;

  public static void init(ActorSystem<?> system, EconomyConfig config) {
    ClusterSharding.get(system)
        .init(Entity.of(ENTITY_KEY, ctx -> create(config, Clock.systemUTC())));
  }

  public static Behavior<Command> create(EconomyConfig config, Clock clock) {
    return Behaviors.setup(
        ctx ->
            Behaviors.withTimers(
                timers -> {
                  timers.startTimerWithFixedDelay(Tick.INSTANCE, config.retryInterval());
                  return new Treasury(config, clock, ctx);
                }));
  }

  // Commands

  public interface Command extends CborSerializable {}

  /**
   * Mint {@code copper}, {@code honor} and {@code items} for {@code playerId} once per {@code key};
   * answered when delivered (a repeated key answers {@code fresh = false}).
   */
  public record Mint(
      String key,
      String playerId,
      long copper,
      long honor,
      List<ItemStack> items,
      String reason,
      ActorRef<MintReply> replyTo)
      implements Command {}

  public record SetReadOnly(boolean readOnly, String reason, ActorRef<TreasuryStatus> replyTo)
      implements Command {}

  public record GetStatus(ActorRef<TreasuryStatus> replyTo) implements Command {}

  private record LegAnswered(LegReply reply) implements Command {}

  /** Persists what the {@link TreasuryBatch} gathered. */
  private enum Flush implements Command {
    INSTANCE
  }

  private enum Tick implements Command {
    INSTANCE
  }

  // Replies

  /** The mint's answer: delivered ({@code fresh} false for a repeated key), or refused. */
  public record MintReply(String key, boolean fresh, String refusal) implements CborSerializable {}

  // Events

  public sealed interface Event extends CborSerializable
      permits Minted, MintDelivered, MintFailed, ReadOnlyChanged {}

  public record Minted(String key, Leg leg, String reason, Instant at) implements Event {}

  public record MintDelivered(String key) implements Event {}

  /**
   * The player's holdings refused the mint's leg for good (e.g. no inventory space): nothing was
   * delivered, so nothing counts as minted, and the key keeps answering {@code reason}.
   */
  public record MintFailed(String key, String reason) implements Event {}

  public record ReadOnlyChanged(boolean readOnly, String reason, Instant at) implements Event {}

  private final EconomyConfig config;
  private final Clock clock;
  private final LegCourier<Command> courier;
  private final ActorRef<Topic.Command<EconomyGate.Switch>> topic;
  private final TreasuryBatch batch = new TreasuryBatch();
  private final GroupCommit commit;
  private final ActorRef<Command> self;

  private Treasury(EconomyConfig config, Clock clock, ActorContext<Command> context) {
    super(PersistenceId.of(ENTITY_KEY.name(), ID));
    this.config = config;
    this.clock = clock;
    this.courier = new LegCourier<>(context, config.askTimeout(), LegAnswered::new);
    this.topic = EconomyGate.topic(context.getSystem());
    this.self = context.getSelf();
    this.commit = new GroupCommit(() -> self.tell(Flush.INSTANCE));
  }

  @Override
  public TreasuryState emptyState() {
    return new TreasuryState();
  }

  @Override
  public Set<String> tagsFor(Event event) {
    return Set.of(TAG);
  }

  @Override
  public RetentionCriteria retentionCriteria() {
    return RetentionCriteria.snapshotEvery(SNAPSHOT_EVERY, 2);
  }

  /** The mutable state is stored as an immutable {@link TreasurySnapshot}. */
  @Override
  public SnapshotAdapter<TreasuryState> snapshotAdapter() {
    return new SnapshotAdapter<>() {
      @Override
      public Object toJournal(TreasuryState state) {
        return state.snapshot();
      }

      @Override
      public TreasuryState fromJournal(Object from) {
        return TreasuryState.restore((TreasurySnapshot) from);
      }
    };
  }

  @Override
  public SignalHandler<TreasuryState> signalHandler() {
    return newSignalHandlerBuilder().onSignal(RecoveryCompleted.instance(), this::resend).build();
  }

  // Command handlers

  @Override
  public CommandHandlerWithReply<Command, Event, TreasuryState> commandHandler() {
    return newCommandHandlerWithReplyBuilder()
        .forAnyState()
        .onCommand(Mint.class, this::onMint)
        .onCommand(SetReadOnly.class, this::onSetReadOnly)
        .onCommand(GetStatus.class, (s, c) -> Effect().reply(c.replyTo(), s.status()))
        .onCommand(LegAnswered.class, this::onLegAnswered)
        .onCommand(Flush.class, this::onFlush)
        .onCommand(
            Tick.class,
            (s, c) -> {
              resend(s);
              return Effect().noReply();
            })
        .build();
  }

  private ReplyEffect<Event, TreasuryState> onMint(TreasuryState state, Mint cmd) {
    if (state.hasKey(cmd.key())) {
      return Effect().reply(cmd.replyTo(), state.answer(cmd.key()));
    }
    if (batch.isMinting(cmd.key())) {
      batch.repeat(cmd.key(), cmd.replyTo());
      return Effect().noReply();
    }
    Leg leg;
    try {
      Ids.require("key", cmd.key());
      Money.requireAmount("copper", cmd.copper());
      Money.requireAmount("honor", cmd.honor());
      leg =
          new Leg(
              "mint:" + cmd.key(),
              cmd.playerId(),
              Leg.Direction.IN,
              cmd.copper(),
              cmd.honor(),
              cmd.items(),
              List.of());
      cmd.items().forEach(s -> config.catalog().get(s.itemId()));
      if (leg.isEmpty()) {
        return Effect().reply(cmd.replyTo(), new MintReply(cmd.key(), false, "nothing to mint"));
      }
      String overflow =
          state.overflow(cmd.copper(), cmd.honor(), batch.mintingCopper(), batch.mintingHonor());
      if (overflow != null) {
        return Effect().reply(cmd.replyTo(), new MintReply(cmd.key(), false, overflow));
      }
    } catch (MarketException | IllegalArgumentException e) {
      return Effect().reply(cmd.replyTo(), new MintReply(cmd.key(), false, e.getMessage()));
    }
    batch.mint(new Minted(cmd.key(), leg, cmd.reason(), clock.instant()), cmd.replyTo());
    scheduleFlush();
    return Effect().noReply();
  }

  private ReplyEffect<Event, TreasuryState> onSetReadOnly(TreasuryState state, SetReadOnly cmd) {
    return Effect()
        .persist(new ReadOnlyChanged(cmd.readOnly(), cmd.reason(), clock.instant()))
        .thenRun(s -> topic.tell(Topic.publish(new EconomyGate.Switch(s.readOnly(), s.reason()))))
        .thenReply(cmd.replyTo(), TreasuryState::status);
  }

  private ReplyEffect<Event, TreasuryState> onLegAnswered(TreasuryState state, LegAnswered cmd) {
    String key = cmd.reply().key();
    courier.answered(key);
    if (state.isPending(key)) {
      batch.answered(key, cmd.reply());
      scheduleFlush();
    }
    return Effect().noReply();
  }

  private ReplyEffect<Event, TreasuryState> onFlush(TreasuryState state, Flush flush) {
    commit.flushing();
    TreasuryBatch.Flush f = batch.drain(state);
    return GroupCommit.persistThen(
        Effect(),
        state,
        f.events(),
        s -> {
          f.legs().forEach(courier::send);
          for (TreasuryBatch.Answer a : f.answers()) {
            if (a.replyTo() != null) {
              String key = a.key().substring("mint:".length());
              String refusal = s.refusal(a.key());
              a.replyTo().tell(new MintReply(key, refusal == null, refusal));
            }
          }
          f.repeats().forEach(r -> r.replyTo().tell(s.answer(r.key())));
          scheduleFlush();
        });
  }

  private void scheduleFlush() {
    commit.wake(!batch.isEmpty());
  }

  private void resend(TreasuryState state) {
    state.pendingLegs().forEach(courier::send);
    // Re-published on every tick, so a node that joined (or missed a change) catches up.
    topic.tell(Topic.publish(new EconomyGate.Switch(state.readOnly(), state.reason())));
  }

  // Event handler

  @Override
  public EventHandler<TreasuryState, Event> eventHandler() {
    return newEventHandlerBuilder()
        .forAnyState()
        .onEvent(Minted.class, TreasuryState::minted)
        .onEvent(MintDelivered.class, TreasuryState::delivered)
        .onEvent(MintFailed.class, TreasuryState::failed)
        .onEvent(ReadOnlyChanged.class, TreasuryState::readOnlyChanged)
        .build();
  }
}
