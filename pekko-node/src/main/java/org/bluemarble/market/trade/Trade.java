package org.bluemarble.market.trade;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;
import org.apache.pekko.persistence.typed.javadsl.SignalHandler;
import org.bluemarble.market.EconomyConfig;
import org.bluemarble.market.MarketError;
import org.bluemarble.market.MarketException;
import org.bluemarble.market.holdings.Holdings;
import org.bluemarble.market.holdings.Leg;
import org.bluemarble.market.holdings.LegReply;
import org.bluemarble.market.inventory.ItemStack;
import org.bluemarble.market.saga.LegCourier;
import org.bluemarble.market.saga.MarketNotices;
import org.bluemarble.node.CborSerializable;
import org.bluemarble.node.EntityTags;
import org.bluemarble.tracing.TraceMdc;
import org.bluemarble.tracing.Traced;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A direct trade between two players and the saga that swaps their offers: keyed by trade id. Both
 * put up offers and confirm the version they saw; the second confirmation is persisted before any
 * holdings are touched, and from then on every saga step is a persisted {@link Leg} re-posted (on a
 * timer and after recovery) until the player's {@link Holdings} acknowledge it. Both escrow legs go
 * out together; their answers (final at the holdings) are persisted as one event once both are in,
 * and the release legs' acknowledgements as one more. A crash anywhere therefore ends, after
 * recovery, in the completed swap or (if a side could not pay) in both keeping what they had, never
 * in a duplicate or a loss. Rules live in {@link TradeState}.
 */
public final class Trade
    extends EventSourcedBehaviorWithEnforcedReplies<Trade.Command, Trade.Event, TradeState> {
  private static final Logger LOG = LoggerFactory.getLogger(Trade.class);

  public static final EntityTypeKey<Command> ENTITY_KEY =
      EntityTypeKey.create(Command.class, "Trade");

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
      String tradeId, String tag, EconomyConfig config, Clock clock) {
    return Behaviors.setup(
        ctx ->
            Behaviors.withTimers(
                timers -> {
                  timers.startTimerWithFixedDelay(Tick.INSTANCE, config.retryInterval());
                  return new Trade(tradeId, tag, config, clock, ctx);
                }));
  }

  // Commands

  public interface Command extends CborSerializable {}

  /** {@code first} invites {@code second}. */
  public record OpenTrade(String first, String second, String traceId, ActorRef<TradeReply> replyTo)
      implements Command, Traced {}

  /** Replaces {@code player}'s offer (clears both confirmations). */
  public record SetOffer(
      String player,
      long copper,
      List<ItemStack> items,
      String traceId,
      ActorRef<TradeReply> replyTo)
      implements Command, Traced {}

  /** {@code player} accepts both offers as of {@code version}. */
  public record ConfirmTrade(
      String player, long version, String traceId, ActorRef<TradeReply> replyTo)
      implements Command, Traced {}

  public record CancelTrade(String player, String traceId, ActorRef<TradeReply> replyTo)
      implements Command, Traced {}

  public record GetTrade(ActorRef<TradeReply> replyTo) implements Command {}

  private record LegAnswered(LegReply reply) implements Command {}

  private enum Tick implements Command {
    INSTANCE
  }

  // Events

  public sealed interface Event extends CborSerializable
      permits TradeOpened,
          OfferChanged,
          OfferConfirmed,
          TradeCancelled,
          EscrowsSettled,
          LegsSettled {}

  public record TradeOpened(String tradeId, String first, String second, Instant at)
      implements Event {}

  public record OfferChanged(String tradeId, String player, TradeOffer offer) implements Event {}

  public record OfferConfirmed(String tradeId, String player, long version) implements Event {}

  public record TradeCancelled(String tradeId, String player) implements Event {}

  /**
   * Every escrow leg has its (final) answer: {@code taken} were applied; {@code refusedKey} (null
   * if none) was refused with {@code error}, and the taken ones go back. One event for both sides.
   */
  public record EscrowsSettled(
      String tradeId, List<String> taken, String refusedKey, MarketError error, String message)
      implements Event {}

  /** Every leg the trade owed was applied by the players' holdings. */
  public record LegsSettled(String tradeId, List<String> keys) implements Event {}

  private final String tradeId;
  private final String tag;
  private final EconomyConfig config;
  private final Clock clock;
  private final LegCourier<Command> courier;
  private final MarketNotices notices;

  /**
   * Answers gathered before they are persisted together: holdings' answers are final, so after a
   * crash re-posting the legs gets the same answers again.
   */
  private final Map<String, LegReply> escrowAnswers = new HashMap<>();

  private final Set<String> settledKeys = new HashSet<>();

  private Trade(
      String tradeId,
      String tag,
      EconomyConfig config,
      Clock clock,
      ActorContext<Command> context) {
    super(PersistenceId.of(ENTITY_KEY.name(), tradeId));
    this.tradeId = tradeId;
    this.tag = tag;
    this.config = config;
    this.clock = clock;
    this.courier = new LegCourier<>(context, config.askTimeout(), LegAnswered::new);
    this.notices = new MarketNotices(context.getSystem());
  }

  @Override
  public TradeState emptyState() {
    return new TradeState(tradeId, config.catalog());
  }

  @Override
  public Set<String> tagsFor(Event event) {
    return Set.of(tag);
  }

  /**
   * No snapshots, on purpose. A trade lives for one negotiation and one swap: opening, a few offer
   * changes and confirmations, then at most four saga events (escrows taken, legs settled), so it
   * recovers from a few dozen events, and once completed or cancelled it is woken only by a late
   * query or re-post. A snapshot would cost more to write than such a replay saves, and would need
   * a serialized form of the session for nothing. Only a player who keeps changing an offer makes
   * the history longer, one event per deliberate change.
   */
  @Override
  public RetentionCriteria retentionCriteria() {
    return RetentionCriteria.disabled();
  }

  @Override
  public SignalHandler<TradeState> signalHandler() {
    return newSignalHandlerBuilder().onSignal(RecoveryCompleted.instance(), this::resend).build();
  }

  // Command handlers

  @Override
  public CommandHandlerWithReply<Command, Event, TradeState> commandHandler() {
    return newCommandHandlerWithReplyBuilder()
        .forAnyState()
        .onCommand(OpenTrade.class, (s, c) -> TraceMdc.handle(c, LOG, () -> onOpenTrade(s, c)))
        .onCommand(SetOffer.class, (s, c) -> TraceMdc.handle(c, LOG, () -> onSetOffer(s, c)))
        .onCommand(
            ConfirmTrade.class, (s, c) -> TraceMdc.handle(c, LOG, () -> onConfirmTrade(s, c)))
        .onCommand(CancelTrade.class, (s, c) -> TraceMdc.handle(c, LOG, () -> onCancelTrade(s, c)))
        .onCommand(GetTrade.class, (s, c) -> Effect().reply(c.replyTo(), done(s)))
        .onCommand(LegAnswered.class, this::onLegAnswered)
        .onCommand(
            Tick.class,
            (s, c) -> {
              resend(s);
              return Effect().noReply();
            })
        .build();
  }

  private ReplyEffect<Event, TradeState> onOpenTrade(TradeState state, OpenTrade cmd) {
    try {
      if (state.phase() != TradeState.Phase.NONE) {
        // Only a keyed request reuses an id (IdempotentIds): its repeat gets the trade as it is.
        TradeSession open = state.session();
        if (!open.first().equals(cmd.first()) || !open.second().equals(cmd.second())) {
          throw new MarketException(
              MarketError.IDEMPOTENCY_KEY_REUSED,
              "trade "
                  + tradeId
                  + " was opened with this idempotency key for another counterparty");
        }
        return Effect().reply(cmd.replyTo(), done(state));
      }
      new TradeSession(tradeId, cmd.first(), cmd.second(), config.catalog());
      TradeOpened opened = new TradeOpened(tradeId, cmd.first(), cmd.second(), clock.instant());
      return Effect()
          .persist(opened)
          .thenRun(s -> notices.tradeOffered(tradeId, cmd.first(), cmd.second(), opened.at()))
          .thenReply(cmd.replyTo(), Trade::done);
    } catch (MarketException e) {
      return refuse(cmd.replyTo(), e);
    }
  }

  private ReplyEffect<Event, TradeState> onSetOffer(TradeState state, SetOffer cmd) {
    try {
      TradeOffer offer = new TradeOffer(cmd.copper(), cmd.items());
      offer.items().forEach(s -> config.catalog().get(s.itemId()));
      TradeSession session = state.session();
      if (session.state() != TradeSession.State.NEGOTIATING) {
        throw new MarketException(MarketError.TRADE_STATE, "trade is " + state.phase());
      }
      session.offerOf(cmd.player());
      for (ItemStack s : offer.items()) {
        if (!config.catalog().get(s.itemId()).tradeable()) {
          throw new MarketException(MarketError.NOT_TRADEABLE, s.itemId() + " cannot be traded");
        }
      }
      return Effect()
          .persist(new OfferChanged(tradeId, cmd.player(), offer))
          .thenReply(cmd.replyTo(), Trade::done);
    } catch (MarketException e) {
      return refuse(cmd.replyTo(), e);
    }
  }

  private ReplyEffect<Event, TradeState> onConfirmTrade(TradeState state, ConfirmTrade cmd) {
    try {
      TradeSession session = state.session();
      if (session.state() != TradeSession.State.NEGOTIATING) {
        throw new MarketException(MarketError.TRADE_STATE, "trade is " + state.phase());
      }
      session.offerOf(cmd.player());
      if (cmd.version() != session.version()) {
        throw new MarketException(
            MarketError.OFFER_CHANGED,
            "offers are at version "
                + session.version()
                + ", confirmation was for "
                + cmd.version());
      }
      if (session.offerOf(session.first()).isEmpty()
          && session.offerOf(session.second()).isEmpty()) {
        throw new MarketException(MarketError.TRADE_STATE, "nothing is offered by either side");
      }
      return Effect()
          .persist(new OfferConfirmed(tradeId, cmd.player(), cmd.version()))
          .thenRun(this::resend)
          .thenReply(cmd.replyTo(), Trade::done);
    } catch (MarketException e) {
      return refuse(cmd.replyTo(), e);
    }
  }

  private ReplyEffect<Event, TradeState> onCancelTrade(TradeState state, CancelTrade cmd) {
    try {
      TradeSession session = state.session();
      session.offerOf(cmd.player());
      if (session.state() != TradeSession.State.NEGOTIATING) {
        throw new MarketException(MarketError.TRADE_STATE, "trade is " + state.phase());
      }
      return Effect()
          .persist(new TradeCancelled(tradeId, cmd.player()))
          .thenReply(cmd.replyTo(), Trade::done);
    } catch (MarketException e) {
      return refuse(cmd.replyTo(), e);
    }
  }

  private ReplyEffect<Event, TradeState> onLegAnswered(TradeState state, LegAnswered cmd) {
    LegReply reply = cmd.reply();
    String key = reply.key();
    courier.answered(key);
    List<Leg> open = state.openEscrows();
    if (open.stream().anyMatch(l -> l.key().equals(key))) {
      escrowAnswers.put(key, reply);
      if (!open.stream().allMatch(l -> escrowAnswers.containsKey(l.key()))) {
        return Effect().noReply();
      }
      return Effect().persist(escrowsSettled(open)).thenRun(this::resend).thenNoReply();
    }
    if (reply instanceof LegReply.LegDone && state.isPending(key)) {
      settledKeys.add(key);
      if (!settledKeys.containsAll(state.pendingKeys())) {
        return Effect().noReply();
      }
      List<String> keys = List.copyOf(settledKeys);
      settledKeys.clear();
      return Effect().persist(new LegsSettled(tradeId, keys)).thenNoReply();
    }
    return Effect().noReply();
  }

  private EscrowsSettled escrowsSettled(List<Leg> open) {
    List<String> taken = new ArrayList<>();
    LegReply.LegRefused refused = null;
    for (Leg leg : open) {
      LegReply answer = escrowAnswers.remove(leg.key());
      if (answer instanceof LegReply.LegRefused r) {
        refused = refused == null ? r : refused;
      } else {
        taken.add(leg.key());
      }
    }
    return refused == null
        ? new EscrowsSettled(tradeId, taken, null, null, null)
        : new EscrowsSettled(tradeId, taken, refused.key(), refused.error(), refused.message());
  }

  private void resend(TradeState state) {
    state.openEscrows().forEach(courier::send);
    state.pendingLegs().forEach(courier::send);
  }

  private static TradeReply done(TradeState state) {
    return new TradeReply.TradeDone(state.view());
  }

  private ReplyEffect<Event, TradeState> refuse(ActorRef<TradeReply> replyTo, MarketException e) {
    return Effect().reply(replyTo, new TradeReply.TradeRefused(e.error(), e.getMessage()));
  }

  // Event handler

  @Override
  public EventHandler<TradeState, Event> eventHandler() {
    return newEventHandlerBuilder()
        .forAnyState()
        .onEvent(TradeOpened.class, TradeState::opened)
        .onEvent(OfferChanged.class, TradeState::offerChanged)
        .onEvent(OfferConfirmed.class, TradeState::confirmed)
        .onEvent(TradeCancelled.class, TradeState::cancelled)
        .onEvent(EscrowsSettled.class, TradeState::escrowsSettled)
        .onEvent(LegsSettled.class, TradeState::legsSettled)
        .build();
  }
}
