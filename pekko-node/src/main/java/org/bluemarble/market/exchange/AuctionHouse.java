package org.bluemarble.market.exchange;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
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
import org.bluemarble.market.saga.LegCourier;
import org.bluemarble.market.saga.MarketNotices;
import org.bluemarble.node.CborSerializable;
import org.bluemarble.node.EntityTags;
import org.bluemarble.tracing.TraceMdc;
import org.bluemarble.tracing.Traced;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The auction house of one regional market (entity id = market name; auction ids {@code
 * <market>.<random>}). Creating and bidding are sagas like the market's (planned by {@link
 * AuctionOps}): request and escrow leg are persisted, the leg is posted to the player's {@link
 * Holdings}, the answer is persisted before the auction rules act on it. Every tick settles the
 * auctions whose deadline (rebuilt from the events after a restart) has passed; the house is woken
 * at node start. No listing fee is charged for auctions; the seller pays the transaction fee.
 */
public final class AuctionHouse
    extends EventSourcedBehaviorWithEnforcedReplies<
        AuctionHouse.Command, AuctionHouse.Event, AuctionHouseState> {
  private static final Logger LOG = LoggerFactory.getLogger(AuctionHouse.class);

  public static final EntityTypeKey<Command> ENTITY_KEY =
      EntityTypeKey.create(Command.class, "AuctionHouse");

  /** Events between snapshots; two snapshots are kept, every event stays in the journal. */
  static final int SNAPSHOT_EVERY = 100;

  /** Registers the entity type with Cluster Sharding; events are tagged by slice. */
  public static void init(
      ActorSystem<?> system, int slices, EconomyConfig config, AuctionSettings rules, Clock clock) {
    ClusterSharding.get(system)
        .init(
            Entity.of(
                ENTITY_KEY,
                ctx ->
                    create(
                        ctx.getEntityId(),
                        EntityTags.tag(ENTITY_KEY.name(), ctx.getEntityId(), slices),
                        config,
                        rules,
                        clock)));
  }

  public static Behavior<Command> create(
      String market, String tag, EconomyConfig config, AuctionSettings rules, Clock clock) {
    return Behaviors.setup(
        ctx ->
            Behaviors.withTimers(
                timers -> {
                  timers.startTimerWithFixedDelay(Tick.INSTANCE, config.retryInterval());
                  return new AuctionHouse(market, tag, config, rules, clock, ctx);
                }));
  }

  /** The house an auction id belongs to: the part before the first dot. */
  public static String houseOf(String auctionId) {
    int dot = auctionId == null ? -1 : auctionId.indexOf('.');
    if (dot < 1) {
      throw new MarketException(
          MarketError.AUCTION_UNAVAILABLE, "auction id must look like <market>.<id>: " + auctionId);
    }
    return auctionId.substring(0, dot);
  }

  // Commands

  /** Everything an auction house accepts. */
  public interface Command extends CborSerializable {}

  /** Auction {@code quantity} of {@code itemId}, running for {@code duration}. */
  public record CreateAuction(
      String auctionId,
      String seller,
      String itemId,
      long quantity,
      long startPrice,
      long minIncrement,
      long reservePrice,
      long buyoutPrice,
      Duration duration,
      String traceId,
      ActorRef<AuctionReply> replyTo)
      implements Command, Traced {
    public CreateAuction(
        String auctionId,
        String seller,
        String itemId,
        long quantity,
        long startPrice,
        long minIncrement,
        long reservePrice,
        long buyoutPrice,
        Duration duration,
        ActorRef<AuctionReply> replyTo) {
      this(
          auctionId,
          seller,
          itemId,
          quantity,
          startPrice,
          minIncrement,
          reservePrice,
          buyoutPrice,
          duration,
          null,
          replyTo);
    }
  }

  /** Bid {@code amount} copper; reaching the buyout price buys the auction out. */
  public record PlaceBid(
      String auctionId, String bidder, long amount, String traceId, ActorRef<AuctionReply> replyTo)
      implements Command, Traced {
    public PlaceBid(String auctionId, String bidder, long amount, ActorRef<AuctionReply> replyTo) {
      this(auctionId, bidder, amount, null, replyTo);
    }
  }

  /** Pay the buyout price and end the auction at once. */
  public record Buyout(
      String auctionId, String bidder, String traceId, ActorRef<AuctionReply> replyTo)
      implements Command, Traced {
    public Buyout(String auctionId, String bidder, ActorRef<AuctionReply> replyTo) {
      this(auctionId, bidder, null, replyTo);
    }
  }

  public record GetAuction(String auctionId, ActorRef<AuctionReply> replyTo) implements Command {}

  /** Auctions of this house (of {@code itemId} if not null), answered as AuctionsDone. */
  public record ListAuctions(
      String itemId, boolean runningOnly, int limit, ActorRef<AuctionReply> replyTo)
      implements Command {}

  public record GetSummary(ActorRef<MarketSummary> replyTo) implements Command {}

  private record LegAnswered(LegReply reply) implements Command {}

  private enum Tick implements Command {
    INSTANCE
  }

  // Events

  public sealed interface Event extends CborSerializable
      permits AuctionSubmitted,
          AuctionOpened,
          AuctionRejected,
          BidSubmitted,
          BidAccepted,
          BidFailed,
          AuctionSettled,
          LegSettled {}

  /** An auction waits for its item escrow {@code charge}. */
  public record AuctionSubmitted(String market, AuctionTerms terms, Leg charge, Instant at)
      implements Event {}

  public record AuctionOpened(String market, String auctionId, Instant at) implements Event {}

  public record AuctionRejected(String market, String auctionId, MarketError error, String message)
      implements Event {}

  /** A bid of {@code amount} (what it escrows) waits for its {@code charge}. */
  public record BidSubmitted(
      String market,
      String bidId,
      String auctionId,
      String bidder,
      long amount,
      Leg charge,
      Instant at)
      implements Event {}

  /** The bid's escrow was taken and the bid is the highest as of {@code at}. */
  public record BidAccepted(String market, String bidId, Instant at) implements Event {}

  /** The bid did not count; {@code refund} (null if nothing was taken) gives the escrow back. */
  public record BidFailed(
      String market, String bidId, MarketError error, String message, Leg refund)
      implements Event {}

  /** The auction closed at {@code at}: paid out, or the item returned. */
  public record AuctionSettled(String market, String auctionId, Instant at) implements Event {}

  /** A leg the house owed was applied by the player's holdings. */
  public record LegSettled(String market, String key) implements Event {}

  private final String market;
  private final String tag;
  private final EconomyConfig config;
  private final Clock clock;
  private final ActorContext<Command> context;
  private final LegCourier<Command> courier;
  private final MarketNotices notices;
  private final AuctionOps ops;
  private final Map<String, ActorRef<AuctionReply>> waiting = new HashMap<>();

  private AuctionHouse(
      String market,
      String tag,
      EconomyConfig config,
      AuctionSettings rules,
      Clock clock,
      ActorContext<Command> context) {
    super(PersistenceId.of(ENTITY_KEY.name(), market));
    this.market = market;
    this.tag = tag;
    this.config = config;
    this.clock = clock;
    this.context = context;
    this.courier = new LegCourier<>(context, config.askTimeout(), LegAnswered::new);
    this.notices = new MarketNotices(context.getSystem());
    this.ops = new AuctionOps(market, config.catalog(), rules, config.defaultTier());
  }

  @Override
  public AuctionHouseState emptyState() {
    return new AuctionHouseState(market, config.fees());
  }

  @Override
  public Set<String> tagsFor(Event event) {
    return Set.of(tag);
  }

  /** A snapshot every {@value #SNAPSHOT_EVERY} events, two kept; events are never deleted. */
  @Override
  public RetentionCriteria retentionCriteria() {
    return RetentionCriteria.snapshotEvery(SNAPSHOT_EVERY, 2);
  }

  /** The mutable state is stored as an immutable {@link AuctionHouseSnapshot}. */
  @Override
  public SnapshotAdapter<AuctionHouseState> snapshotAdapter() {
    return AuctionHouseSnapshot.adapter(market, config.fees());
  }

  /** After recovery: re-post what is owed and close at once what ended while nobody ran us. */
  @Override
  public SignalHandler<AuctionHouseState> signalHandler() {
    return newSignalHandlerBuilder()
        .onSignal(
            RecoveryCompleted.instance(),
            s -> {
              resend(s);
              context.getSelf().tell(Tick.INSTANCE);
            })
        .build();
  }

  // Command handlers

  @Override
  public CommandHandlerWithReply<Command, Event, AuctionHouseState> commandHandler() {
    return newCommandHandlerWithReplyBuilder()
        .forAnyState()
        .onCommand(
            CreateAuction.class, (s, c) -> TraceMdc.handle(c, LOG, () -> onCreateAuction(s, c)))
        .onCommand(
            PlaceBid.class,
            (s, c) ->
                TraceMdc.handle(
                    c, LOG, () -> bid(s, c.auctionId(), c.bidder(), c.amount(), c.replyTo())))
        .onCommand(
            Buyout.class,
            (s, c) ->
                TraceMdc.handle(c, LOG, () -> bid(s, c.auctionId(), c.bidder(), null, c.replyTo())))
        .onCommand(GetAuction.class, (s, c) -> Effect().reply(c.replyTo(), s.reply(c.auctionId())))
        .onCommand(
            ListAuctions.class,
            (s, c) ->
                Effect()
                    .reply(
                        c.replyTo(),
                        new AuctionReply.AuctionsDone(
                            s.list(c.itemId(), c.runningOnly(), c.limit()))))
        .onCommand(GetSummary.class, (s, c) -> Effect().reply(c.replyTo(), s.summary()))
        .onCommand(LegAnswered.class, this::onLegAnswered)
        .onCommand(Tick.class, this::onTick)
        .build();
  }

  private ReplyEffect<Event, AuctionHouseState> onCreateAuction(
      AuctionHouseState state, CreateAuction cmd) {
    try {
      var repeat = state.repeatOf(cmd);
      if (repeat.isPresent()) {
        return Effect().reply(cmd.replyTo(), repeat.get());
      }
      AuctionSubmitted e = ops.create(state, cmd, clock.instant());
      return start(e, e.charge(), cmd.replyTo());
    } catch (MarketException | ArithmeticException e) {
      return Effect().reply(cmd.replyTo(), AuctionReply.refusal(e));
    }
  }

  private ReplyEffect<Event, AuctionHouseState> bid(
      AuctionHouseState state,
      String auctionId,
      String bidder,
      Long amount,
      ActorRef<AuctionReply> replyTo) {
    try {
      long price = amount != null ? amount : ops.buyoutPrice(state, auctionId);
      BidSubmitted e = ops.bid(state, auctionId, bidder, price, clock.instant());
      return start(e, e.charge(), replyTo);
    } catch (MarketException e) {
      return Effect().reply(replyTo, AuctionReply.refusal(e));
    }
  }

  /** Persists a request with its escrow leg and posts the leg; the answer replies later. */
  private ReplyEffect<Event, AuctionHouseState> start(
      Event event, Leg charge, ActorRef<AuctionReply> replyTo) {
    waiting.put(charge.key(), replyTo);
    return Effect().persist(event).thenRun(s -> courier.send(charge)).thenNoReply();
  }

  private ReplyEffect<Event, AuctionHouseState> onLegAnswered(
      AuctionHouseState state, LegAnswered cmd) {
    LegReply reply = cmd.reply();
    String key = reply.key();
    courier.answered(key);
    int bidAt = key.indexOf(":bid-charge:");
    if (bidAt > 0) {
      return state
          .pendingBid(key.substring(bidAt + ":bid-charge:".length()))
          .map(b -> onBidCharged(state, b, reply))
          .orElseGet(() -> Effect().noReply());
    }
    if (key.endsWith(":charge")) {
      String auctionId = key.substring("auction:".length(), key.length() - ":charge".length());
      return state
          .pendingAuction(auctionId)
          .map(a -> onAuctionCharged(a, reply))
          .orElseGet(() -> Effect().noReply());
    }
    if (reply instanceof LegReply.LegDone && state.escrow().pendingLeg(key).isPresent()) {
      return Effect().persist(new LegSettled(market, key)).thenNoReply();
    }
    return Effect().noReply();
  }

  private ReplyEffect<Event, AuctionHouseState> onAuctionCharged(
      AuctionSubmitted submitted, LegReply reply) {
    String auctionId = submitted.terms().auctionId();
    ActorRef<AuctionReply> replyTo = waiting.remove(submitted.charge().key());
    if (reply instanceof LegReply.LegRefused r) {
      return Effect()
          .persist(new AuctionRejected(market, auctionId, r.error(), r.message()))
          .thenRun(s -> tell(replyTo, new AuctionReply.AuctionRefused(r.error(), r.message())))
          .thenNoReply();
    }
    Instant now = clock.instant();
    // An escrow answered after the end (only if it took longer than the minimum duration) opens
    // the auction as of its submission, so the auction still closes on the tick and settles.
    Instant at = now.isBefore(submitted.terms().endsAt()) ? now : submitted.at();
    return Effect()
        .persist(new AuctionOpened(market, auctionId, at))
        .thenRun(s -> tell(replyTo, s.reply(auctionId)))
        .thenNoReply();
  }

  private ReplyEffect<Event, AuctionHouseState> onBidCharged(
      AuctionHouseState state, BidSubmitted b, LegReply reply) {
    ActorRef<AuctionReply> replyTo = waiting.remove(b.charge().key());
    if (reply instanceof LegReply.LegRefused r) {
      return Effect()
          .persist(new BidFailed(market, b.bidId(), r.error(), r.message(), null))
          .thenRun(s -> tell(replyTo, new AuctionReply.AuctionRefused(r.error(), r.message())))
          .thenNoReply();
    }
    String previous =
        state.auction(b.auctionId()).flatMap(a -> a.highestBid()).map(x -> x.bidder()).orElse(null);
    List<Event> events = ops.bidCharged(state, b, clock.instant());
    AuctionReply answer =
        events.get(0) instanceof BidFailed f
            ? new AuctionReply.AuctionRefused(f.error(), f.message())
            : null;
    return Effect()
        .persist(events)
        .thenRun(this::resend)
        .thenRun(
            s -> {
              if (events.get(0) instanceof BidAccepted a) {
                notices.outbid(previous, b.bidder(), b.auctionId(), b.amount(), a.at());
              }
            })
        .thenRun(s -> tell(replyTo, answer != null ? answer : s.reply(b.auctionId())))
        .thenNoReply();
  }

  private ReplyEffect<Event, AuctionHouseState> onTick(AuctionHouseState state, Tick tick) {
    List<Event> events = ops.settleDue(state, clock.instant());
    if (events.isEmpty()) {
      resend(state);
      return Effect().noReply();
    }
    return Effect().persist(events).thenRun(this::resend).thenNoReply();
  }

  private void resend(AuctionHouseState state) {
    state.charges().forEach(courier::send);
    state.escrow().pendingLegs().forEach(courier::send);
  }

  private static void tell(ActorRef<AuctionReply> replyTo, AuctionReply reply) {
    if (replyTo != null) {
      replyTo.tell(reply);
    }
  }

  // Event handler

  @Override
  public EventHandler<AuctionHouseState, Event> eventHandler() {
    return newEventHandlerBuilder()
        .forAnyState()
        .onEvent(AuctionSubmitted.class, AuctionHouseState::submitted)
        .onEvent(AuctionOpened.class, AuctionHouseState::opened)
        .onEvent(AuctionRejected.class, AuctionHouseState::rejected)
        .onEvent(BidSubmitted.class, AuctionHouseState::bidSubmitted)
        .onEvent(BidAccepted.class, AuctionHouseState::bidAccepted)
        .onEvent(BidFailed.class, AuctionHouseState::bidFailed)
        .onEvent(AuctionSettled.class, AuctionHouseState::settled)
        .onEvent(LegSettled.class, AuctionHouseState::legSettled)
        .build();
  }
}
