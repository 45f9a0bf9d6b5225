package org.bluemarble.market.listing;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
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
import org.bluemarble.market.MarketError;
import org.bluemarble.market.MarketException;
import org.bluemarble.market.MarketSummary;
import org.bluemarble.market.holdings.Holdings;
import org.bluemarble.market.holdings.Leg;
import org.bluemarble.market.holdings.LegReply;
import org.bluemarble.market.journal.GroupCommit;
import org.bluemarble.market.listing.MarketReply.MarketRefused;
import org.bluemarble.market.saga.LegCourier;
import org.bluemarble.market.saga.MarketNotices;
import org.bluemarble.node.CborSerializable;
import org.bluemarble.node.EntityTags;
import org.bluemarble.tracing.TraceMdc;
import org.bluemarble.tracing.Traced;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One named regional market (e.g. {@code capital}): buy-now listings with escrowed items, the
 * collected fees (its fee sink) and price statistics. Regions are named markets from the config
 * rather than S2 cells: players choose where to trade, and a few busy markets are easier to reason
 * about than thousands of sparse cells. Listing ids are {@code <market>.<n>} so a route finds the
 * market from the id. Opening, buying and repricing are sagas: the operation and its charge leg are
 * persisted, then the charge is posted to the player's {@link Holdings}; the answer is persisted
 * before the market acts on it, and what the market owes players is persisted as legs re-posted
 * until acknowledged (on a timer and after recovery). Rules live in {@link MarketState} and {@code
 * ListingBoard}. Starts, charge answers and acknowledgements are gathered in a {@link MarketBatch}
 * and persisted together, one journal write for many operations. Snapshotted every {@value
 * #SNAPSHOT_EVERY} events as a {@link MarketSnapshot}; the events all stay.
 */
public final class Market
    extends EventSourcedBehaviorWithEnforcedReplies<Market.Command, Market.Event, MarketState> {

  public static final EntityTypeKey<Command> ENTITY_KEY =
      EntityTypeKey.create(Command.class, "Market");

  /** Events between snapshots; why this many: {@link MarketSnapshotAdapter}. */
  static final int SNAPSHOT_EVERY = 5_000;

  /** Registers the entity type with Cluster Sharding; events are tagged by slice. */
  public static void init(ActorSystem<?> system, int slices, EconomyConfig config) {
    ClusterSharding.get(system)
        .init(
            Entity.of(
                ENTITY_KEY,
                ctx ->
                    create(
                        ctx.getEntityId(),
                        EntityTags.tag(ENTITY_KEY.name(), ctx.getEntityId(), slices),
                        config,
                        Clock.systemUTC())));
  }

  public static Behavior<Command> create(
      String marketId, String tag, EconomyConfig config, Clock clock) {
    return create(marketId, tag, config, clock, SNAPSHOT_EVERY);
  }

  /** As {@link #create}, snapshotting every {@code snapshotEvery} events (tests use small ones). */
  static Behavior<Command> create(
      String marketId, String tag, EconomyConfig config, Clock clock, int snapshotEvery) {
    return Behaviors.setup(
        ctx ->
            Behaviors.withTimers(
                timers -> {
                  timers.startTimerWithFixedDelay(Tick.INSTANCE, config.retryInterval());
                  return new Market(marketId, tag, config, clock, ctx, snapshotEvery);
                }));
  }

  // Commands

  /** Everything a market accepts. */
  public interface Command extends CborSerializable {}

  /** List {@code quantity} of {@code itemId} for {@code price} copper in total. */
  public record OpenListing(
      String listingId,
      String seller,
      String itemId,
      long quantity,
      long price,
      int durationDays,
      String traceId,
      ActorRef<MarketReply> replyTo)
      implements Command, Traced {}

  /**
   * Buy {@code listingId} for {@code buyer}. With an {@code idempotencyKey} (null: none) the
   * request may be a retry: when the listing is already sold to this buyer, it is answered with the
   * listing as the first request was, and nothing is bought again. {@code traceId}: the W3C trace
   * of the request (null: none), logged as MDC {@code trace_id}.
   */
  public record Buy(
      String listingId,
      String buyer,
      String idempotencyKey,
      String traceId,
      ActorRef<MarketReply> replyTo)
      implements Command, Traced {}

  public record Reprice(
      String listingId, String seller, long price, String traceId, ActorRef<MarketReply> replyTo)
      implements Command, Traced {}

  public record Cancel(
      String listingId, String seller, String traceId, ActorRef<MarketReply> replyTo)
      implements Command, Traced {}

  public record GetListing(String listingId, ActorRef<MarketReply> replyTo) implements Command {}

  public record QueryListings(ListingQuery query, ActorRef<ListingPage> replyTo)
      implements Command {}

  /** Recent sales of {@code player} (all if null) and price statistics of {@code itemId}. */
  public record GetSales(String player, String itemId, int limit, ActorRef<SalesPage> replyTo)
      implements Command {}

  public record GetSummary(ActorRef<MarketSummary> replyTo) implements Command {}

  private record LegAnswered(LegReply reply) implements Command {}

  /** Persists what the {@link MarketBatch} gathered. */
  private enum Flush implements Command {
    INSTANCE
  }

  private enum Tick implements Command {
    INSTANCE
  }

  // Events

  public sealed interface Event extends CborSerializable
      permits OpStarted, OpCharged, OpFailed, ListingCancelled, ListingsExpired, LegsSettled {}

  public record OpStarted(String marketId, MarketOp op) implements Event {}

  public record OpCharged(String marketId, String opId, Instant at) implements Event {}

  /** The operation did not happen; {@code refund} (null if none) gives a taken charge back. */
  public record OpFailed(
      String marketId, String opId, MarketError error, String message, Leg refund)
      implements Event {}

  public record ListingCancelled(String marketId, String listingId, String seller, Instant at)
      implements Event {}

  public record ListingsExpired(String marketId, Instant at) implements Event {}

  /** Legs the market owed were applied by the players' holdings (one event for many). */
  public record LegsSettled(String marketId, List<String> keys) implements Event {}

  private static final Logger LOG = LoggerFactory.getLogger(Market.class);

  private final String marketId;
  private final String tag;
  private final EconomyConfig config;
  private final Clock clock;
  private final MarketOutbox outbox;
  private final MarketOps ops;
  private final MarketBatch batch;
  private final GroupCommit commit;
  private final ActorRef<Command> self;
  private final int snapshotEvery;

  private Market(
      String marketId,
      String tag,
      EconomyConfig config,
      Clock clock,
      ActorContext<Command> context,
      int snapshotEvery) {
    super(PersistenceId.of(ENTITY_KEY.name(), marketId));
    this.marketId = marketId;
    this.tag = tag;
    this.config = config;
    this.clock = clock;
    this.outbox =
        new MarketOutbox(
            new LegCourier<>(context, config.askTimeout(), LegAnswered::new),
            new MarketNotices(context.getSystem()));
    this.ops = new MarketOps(marketId, config.defaultTier());
    this.batch = new MarketBatch(marketId);
    this.self = context.getSelf();
    this.commit = new GroupCommit(() -> self.tell(Flush.INSTANCE));
    this.snapshotEvery = snapshotEvery;
  }

  @Override
  public MarketState emptyState() {
    return new MarketState(marketId, config.fees(), config.catalog());
  }

  @Override
  public Set<String> tagsFor(Event event) {
    return Set.of(tag);
  }

  /**
   * Snapshots bound recovery to {@link #SNAPSHOT_EVERY} events; two are kept. Events are never
   * deleted: they are the market's history, for replays and the ledger.
   */
  @Override
  public RetentionCriteria retentionCriteria() {
    return RetentionCriteria.snapshotEvery(snapshotEvery, 2);
  }

  /** The mutable state (it wraps the board) is stored as an immutable {@link MarketSnapshot}. */
  @Override
  public SnapshotAdapter<MarketState> snapshotAdapter() {
    return new MarketSnapshotAdapter(marketId, config);
  }

  @Override
  public SignalHandler<MarketState> signalHandler() {
    return newSignalHandlerBuilder().onSignal(RecoveryCompleted.instance(), outbox::resend).build();
  }

  // Command handlers

  @Override
  public CommandHandlerWithReply<Command, Event, MarketState> commandHandler() {
    return newCommandHandlerWithReplyBuilder()
        .forAnyState()
        .onCommand(OpenListing.class, (s, c) -> TraceMdc.handle(c, LOG, () -> onOpenListing(s, c)))
        .onCommand(Buy.class, this::onBuy)
        .onCommand(Reprice.class, (s, c) -> TraceMdc.handle(c, LOG, () -> onReprice(s, c)))
        .onCommand(Cancel.class, (s, c) -> TraceMdc.handle(c, LOG, () -> onCancel(s, c)))
        .onCommand(GetListing.class, (s, c) -> Effect().reply(c.replyTo(), s.reply(c.listingId())))
        .onCommand(QueryListings.class, (s, c) -> Effect().reply(c.replyTo(), s.page(c.query())))
        .onCommand(
            GetSales.class,
            (s, c) ->
                Effect().reply(c.replyTo(), s.salesPage(c.player(), c.itemId(), c.limit(), clock)))
        .onCommand(GetSummary.class, (s, c) -> Effect().reply(c.replyTo(), s.summary()))
        .onCommand(LegAnswered.class, this::onLegAnswered)
        .onCommand(Tick.class, this::onTick)
        .onCommand(Flush.class, this::onFlush)
        .build();
  }

  private ReplyEffect<Event, MarketState> onOpenListing(MarketState state, OpenListing cmd) {
    try {
      if (batch.answeredRepeat(state, cmd)) {
        return Effect().noReply();
      }
      batch.requireFree(cmd.listingId(), MarketError.DUPLICATE_LISTING);
      return start(
          ops.open(state, cmd, clock.instant(), batch.openingsOf(cmd.seller())), cmd.replyTo());
    } catch (MarketException e) {
      return refuse(cmd.replyTo(), e);
    }
  }

  private ReplyEffect<Event, MarketState> onBuy(MarketState state, Buy cmd) {
    try (TraceMdc traced = TraceMdc.of(cmd)) {
      // DEBUG: a line per purchase at INFO would cost the economy's throughput; with the trace id
      // an operator finds the purchase of a request once the level is raised for this logger.
      LOG.debug("buy of listing {} by {}", cmd.listingId(), cmd.buyer());
      return buy(state, cmd);
    }
  }

  private ReplyEffect<Event, MarketState> buy(MarketState state, Buy cmd) {
    if (cmd.idempotencyKey() != null && state.soldTo(cmd.listingId(), cmd.buyer())) {
      return Effect().reply(cmd.replyTo(), state.reply(cmd.listingId()));
    }
    try {
      batch.requireFree(cmd.listingId(), MarketError.LISTING_UNAVAILABLE);
      return start(ops.buy(state, cmd, clock.instant()), cmd.replyTo());
    } catch (MarketException e) {
      return refuse(cmd.replyTo(), e);
    }
  }

  private ReplyEffect<Event, MarketState> onReprice(MarketState state, Reprice cmd) {
    try {
      batch.requireFree(cmd.listingId(), MarketError.LISTING_UNAVAILABLE);
      MarketOp op = ops.reprice(state, cmd, clock.instant());
      if (op.charge() == null) {
        return Effect()
            .persist(
                List.of(new OpStarted(marketId, op), new OpCharged(marketId, op.opId(), op.at())))
            .thenReply(cmd.replyTo(), s -> s.reply(op.listingId()));
      }
      return start(op, cmd.replyTo());
    } catch (MarketException e) {
      return refuse(cmd.replyTo(), e);
    }
  }

  private ReplyEffect<Event, MarketState> onCancel(MarketState state, Cancel cmd) {
    try {
      if (state.isReserved(cmd.listingId()) || batch.reserves(cmd.listingId())) {
        throw new MarketException(
            MarketError.LISTING_UNAVAILABLE, "listing " + cmd.listingId() + " is being sold");
      }
      Instant now = clock.instant();
      state.board().checkCancel(cmd.listingId(), cmd.seller(), now);
      return Effect()
          .persist(new ListingCancelled(marketId, cmd.listingId(), cmd.seller(), now))
          .thenRun(outbox::resend)
          .thenReply(cmd.replyTo(), s -> s.reply(cmd.listingId()));
    } catch (MarketException e) {
      return refuse(cmd.replyTo(), e);
    }
  }

  private ReplyEffect<Event, MarketState> onLegAnswered(MarketState state, LegAnswered cmd) {
    outbox.answered(cmd.reply().key());
    batch.answered(state, cmd.reply(), ops.chargePrefix());
    scheduleFlush();
    return Effect().noReply();
  }

  private ReplyEffect<Event, MarketState> onFlush(MarketState state, Flush flush) {
    commit.flushing();
    MarketBatch.Flush f = batch.drain(state, clock.instant());
    List<MarketOp> buys = MarketOutbox.buys(f, state);
    return GroupCommit.persistThen(
        Effect(),
        state,
        f.events(),
        s -> {
          outbox.flushed(f, buys, s);
          scheduleFlush();
        });
  }

  private void scheduleFlush() {
    commit.wake(!batch.isEmpty());
  }

  private ReplyEffect<Event, MarketState> onTick(MarketState state, Tick tick) {
    Instant now = clock.instant();
    if (state.hasDueListings(now) && !state.hasReservations() && batch.isEmpty()) {
      return Effect()
          .persist(new ListingsExpired(marketId, now))
          .thenRun(outbox::resend)
          .thenNoReply();
    }
    outbox.resend(state);
    return Effect().noReply();
  }

  /** Gathers {@code op} into the next flush; answered once it is charged (or refused). */
  private ReplyEffect<Event, MarketState> start(MarketOp op, ActorRef<MarketReply> replyTo) {
    batch.start(op, replyTo);
    scheduleFlush();
    return Effect().noReply();
  }

  private ReplyEffect<Event, MarketState> refuse(ActorRef<MarketReply> replyTo, MarketException e) {
    return Effect().reply(replyTo, new MarketRefused(e.error(), e.getMessage()));
  }

  // Event handler

  @Override
  public EventHandler<MarketState, Event> eventHandler() {
    return newEventHandlerBuilder()
        .forAnyState()
        .onEvent(OpStarted.class, MarketState::started)
        .onEvent(OpCharged.class, MarketState::charged)
        .onEvent(OpFailed.class, MarketState::failed)
        .onEvent(ListingCancelled.class, MarketState::cancelled)
        .onEvent(ListingsExpired.class, MarketState::expired)
        .onEvent(LegsSettled.class, MarketState::settledAll)
        .build();
  }
}
