package org.bluemarble.market.exchange;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
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
import org.bluemarble.market.holdings.TierCheck;
import org.bluemarble.market.saga.LegCourier;
import org.bluemarble.market.saga.MarketNotices;
import org.bluemarble.market.saga.ReplyWaiters;
import org.bluemarble.node.CborSerializable;
import org.bluemarble.node.EntityTags;
import org.bluemarble.tracing.TraceMdc;
import org.bluemarble.tracing.Traced;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The limit order book of one item in one regional market, keyed {@code <market>.<itemId>} (order
 * books are regional like listings: a buyer in one market does not fill against a seller in
 * another). Order ids are {@code <market>.<itemId>.<random>}, so a route finds the book from the
 * id.
 *
 * <p>Placing is a saga: the order and its escrow leg (a buy's {@code limitPrice * quantity} copper,
 * a sell's items) are persisted, the leg is posted to the owner's {@link Holdings}, and only when
 * it is applied is the order accepted and matched by the {@link
 * org.bluemarble.market.exchange.OrderBook} rules (price-time priority, partial fills, maker's
 * price, the seller pays the transaction fee per fill, like listings). What the book owes players
 * (payments, refunds, items, cancelled remainders) is persisted as legs re-posted until
 * acknowledged, on a timer and after recovery. Time priority is the order of acceptance. The charge
 * leg carries the owner's trust-tier limits ({@link TierCheck}: open orders in this book, order
 * value), checked by the holdings.
 */
public final class OrderBookEntity
    extends EventSourcedBehaviorWithEnforcedReplies<
        OrderBookEntity.Command, OrderBookEntity.Event, OrderBookState> {
  private static final Logger LOG = LoggerFactory.getLogger(OrderBookEntity.class);

  public static final EntityTypeKey<Command> ENTITY_KEY =
      EntityTypeKey.create(Command.class, "OrderBook");

  /** Events between snapshots; two snapshots are kept, every event stays in the journal. */
  static final int SNAPSHOT_EVERY = 100;

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
      String bookId, String tag, EconomyConfig config, Clock clock) {
    return Behaviors.setup(
        ctx ->
            Behaviors.withTimers(
                timers -> {
                  timers.startTimerWithFixedDelay(Tick.INSTANCE, config.retryInterval());
                  return new OrderBookEntity(bookId, tag, config, clock, ctx);
                }));
  }

  // Commands

  /** Everything an order book accepts. */
  public interface Command extends CborSerializable {}

  /** Buy or sell up to {@code quantity} units at {@code limitPrice} copper per unit or better. */
  public record PlaceOrder(
      String orderId,
      String owner,
      Side side,
      long limitPrice,
      long quantity,
      String traceId,
      ActorRef<BookReply> replyTo)
      implements Command, Traced {}

  /** Cancel the unfilled rest of an order; only its owner may. */
  public record CancelOrder(
      String orderId, String owner, String traceId, ActorRef<BookReply> replyTo)
      implements Command, Traced {}

  public record GetOrder(String orderId, ActorRef<BookReply> replyTo) implements Command {}

  /** {@code owner}'s orders in this book (at most {@code limit}), answered as OrdersDone. */
  public record GetOrders(String owner, int limit, ActorRef<BookReply> replyTo)
      implements Command {}

  /** The best {@code levels} price levels of each side. */
  public record GetDepth(int levels, ActorRef<BookDepth> replyTo) implements Command {}

  public record GetSummary(ActorRef<MarketSummary> replyTo) implements Command {}

  private record LegAnswered(LegReply reply) implements Command {}

  private enum Tick implements Command {
    INSTANCE
  }

  // Events

  public sealed interface Event extends CborSerializable
      permits OrderSubmitted, OrderAccepted, OrderRejected, OrderCancelled, LegSettled {}

  /** An order waits for its escrow {@code charge}. */
  public record OrderSubmitted(String bookId, Order order, Leg charge, Instant at)
      implements Event {}

  /** The escrow was taken; the order was matched and its rest put in the book at {@code at}. */
  public record OrderAccepted(String bookId, String orderId, Instant at) implements Event {}

  /** The escrow could not be taken; the order never entered the book. */
  public record OrderRejected(String bookId, String orderId, MarketError error, String message)
      implements Event {}

  public record OrderCancelled(String bookId, String orderId, String owner, Instant at)
      implements Event {}

  /** A leg the book owed was applied by the player's holdings. */
  public record LegSettled(String bookId, String key) implements Event {}

  private final String bookId;
  private final String tag;
  private final EconomyConfig config;
  private final Clock clock;
  private final LegCourier<Command> courier;
  private final MarketNotices notices;
  private final OrderBookOps ops;

  /** Placements under way by order id, with repeats that arrived meanwhile (answered alike). */
  private final ReplyWaiters<BookReply> waiting = new ReplyWaiters<>();

  private OrderBookEntity(
      String bookId, String tag, EconomyConfig config, Clock clock, ActorContext<Command> ctx) {
    super(PersistenceId.of(ENTITY_KEY.name(), bookId));
    this.bookId = bookId;
    this.tag = tag;
    this.config = config;
    this.clock = clock;
    this.courier = new LegCourier<>(ctx, config.askTimeout(), LegAnswered::new);
    this.notices = new MarketNotices(ctx.getSystem());
    this.ops = new OrderBookOps(bookId, config.catalog(), config.defaultTier());
  }

  @Override
  public OrderBookState emptyState() {
    return new OrderBookState(bookId, config.fees().transactionFeeBasisPoints());
  }

  @Override
  public Set<String> tagsFor(Event event) {
    return Set.of(tag);
  }

  /**
   * Snapshots bound recovery to at most {@value #SNAPSHOT_EVERY} events; events are never deleted
   * (they are the book's history).
   */
  @Override
  public RetentionCriteria retentionCriteria() {
    return RetentionCriteria.snapshotEvery(SNAPSHOT_EVERY, 2);
  }

  /** The mutable state is stored as an immutable {@link OrderBookSnapshot}. */
  @Override
  public SnapshotAdapter<OrderBookState> snapshotAdapter() {
    return OrderBookSnapshot.adapter(bookId, config.fees().transactionFeeBasisPoints());
  }

  @Override
  public SignalHandler<OrderBookState> signalHandler() {
    return newSignalHandlerBuilder().onSignal(RecoveryCompleted.instance(), this::resend).build();
  }

  // Command handlers

  @Override
  public CommandHandlerWithReply<Command, Event, OrderBookState> commandHandler() {
    return newCommandHandlerWithReplyBuilder()
        .forAnyState()
        .onCommand(PlaceOrder.class, (s, c) -> TraceMdc.handle(c, LOG, () -> onPlaceOrder(s, c)))
        .onCommand(CancelOrder.class, (s, c) -> TraceMdc.handle(c, LOG, () -> onCancelOrder(s, c)))
        .onCommand(GetOrder.class, (s, c) -> Effect().reply(c.replyTo(), s.reply(c.orderId())))
        .onCommand(
            GetOrders.class,
            (s, c) ->
                Effect()
                    .reply(
                        c.replyTo(),
                        new BookReply.OrdersDone(
                            s.ordersOf(c.owner(), Math.max(1, Math.min(c.limit(), 200))))))
        .onCommand(
            GetDepth.class,
            (s, c) ->
                Effect()
                    .reply(
                        c.replyTo(),
                        s.depth(Math.max(1, Math.min(c.levels(), 100)), clock.instant())))
        .onCommand(GetSummary.class, (s, c) -> Effect().reply(c.replyTo(), s.summary()))
        .onCommand(LegAnswered.class, this::onLegAnswered)
        .onCommand(
            Tick.class,
            (s, c) -> {
              resend(s);
              return Effect().noReply();
            })
        .build();
  }

  private ReplyEffect<Event, OrderBookState> onPlaceOrder(OrderBookState state, PlaceOrder cmd) {
    try {
      Order order = ops.order(state, cmd);
      Optional<BookReply> repeat = state.repeatOf(order);
      if (repeat.isPresent() && state.isSubmitted(order.id())) {
        waiting.await(order.id(), cmd.replyTo());
        return Effect().noReply();
      }
      if (repeat.isPresent()) {
        return Effect().reply(cmd.replyTo(), repeat.get());
      }
      OrderSubmitted submitted = ops.submit(state, order, clock.instant());
      waiting.await(order.id(), cmd.replyTo());
      return Effect()
          .persist(submitted)
          .thenRun(s -> courier.send(submitted.charge()))
          .thenNoReply();
    } catch (MarketException | ArithmeticException e) {
      return Effect().reply(cmd.replyTo(), BookReply.refusal(e));
    }
  }

  private ReplyEffect<Event, OrderBookState> onCancelOrder(OrderBookState state, CancelOrder cmd) {
    try {
      if (state.isSubmitted(cmd.orderId())) {
        throw new MarketException(
            MarketError.ORDER_UNAVAILABLE, "order " + cmd.orderId() + " is still being placed");
      }
      state.book().checkCancel(cmd.orderId(), cmd.owner());
      return Effect()
          .persist(new OrderCancelled(bookId, cmd.orderId(), cmd.owner(), clock.instant()))
          .thenRun(this::resend)
          .thenReply(cmd.replyTo(), s -> s.reply(cmd.orderId()));
    } catch (MarketException e) {
      return Effect().reply(cmd.replyTo(), BookReply.refusal(e));
    }
  }

  private ReplyEffect<Event, OrderBookState> onLegAnswered(OrderBookState state, LegAnswered cmd) {
    LegReply reply = cmd.reply();
    String key = reply.key();
    courier.answered(key);
    if (key.startsWith(ops.chargePrefix())) {
      String orderId = key.substring(ops.chargePrefix().length());
      if (!state.isSubmitted(orderId)) {
        return Effect().noReply();
      }
      Event event =
          reply instanceof LegReply.LegRefused r
              ? new OrderRejected(bookId, orderId, r.error(), r.message())
              : new OrderAccepted(bookId, orderId, clock.instant());
      return Effect()
          .persist(event)
          .thenRun(this::resend)
          .thenRun(
              s -> {
                if (event instanceof OrderAccepted a) {
                  filled(s.lastFills(), a.at());
                }
                waiting.answer(
                    orderId,
                    reply instanceof LegReply.LegRefused r
                        ? new BookReply.BookRefused(r.error(), r.message())
                        : s.reply(orderId));
              })
          .thenNoReply();
    }
    if (reply instanceof LegReply.LegDone && state.escrow().pendingLeg(key).isPresent()) {
      return Effect().persist(new LegSettled(bookId, key)).thenNoReply();
    }
    return Effect().noReply();
  }

  private void resend(OrderBookState state) {
    state.charges().forEach(courier::send);
    state.escrow().pendingLegs().forEach(courier::send);
  }

  /** An order matched: both sides of each fill hear it. */
  private void filled(List<Fill> fills, Instant at) {
    for (Fill f : fills) {
      String what = f.quantity() + " x " + f.itemId() + " at " + f.price();
      notices.orderFilled(f.buyer(), f.buyOrderId(), f.sequence(), "buy", what, at);
      notices.orderFilled(f.seller(), f.sellOrderId(), f.sequence(), "sell", what, at);
    }
  }

  // Event handler

  @Override
  public EventHandler<OrderBookState, Event> eventHandler() {
    return newEventHandlerBuilder()
        .forAnyState()
        .onEvent(OrderSubmitted.class, OrderBookState::submitted)
        .onEvent(OrderAccepted.class, OrderBookState::accepted)
        .onEvent(OrderRejected.class, OrderBookState::rejected)
        .onEvent(OrderCancelled.class, OrderBookState::cancelled)
        .onEvent(LegSettled.class, OrderBookState::settled)
        .build();
  }
}
