package org.bluemarble.market.exchange;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;
import org.apache.pekko.persistence.typed.javadsl.SignalHandler;
import org.bluemarble.market.EconomyConfig;
import org.bluemarble.market.MarketError;
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
      implements Command, Traced {}

  /** Bid {@code amount} copper; reaching the buyout price buys the auction out. */
  public record PlaceBid(
      String auctionId, String bidder, long amount, String traceId, ActorRef<AuctionReply> replyTo)
      implements BidCommand, Traced {}

  /** Pay the buyout price and end the auction at once. */
  public record Buyout(
      String auctionId, String bidder, String traceId, ActorRef<AuctionReply> replyTo)
      implements BidCommand, Traced {}

  /** What a bid and a buyout have in common. */
  interface BidCommand extends Command {
    String auctionId();

    String bidder();

    ActorRef<AuctionReply> replyTo();
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
  private final ActorContext<Command> context;
  private final AuctionSagas sagas;

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
    this.context = context;
    this.sagas =
        new AuctionSagas(
            market,
            clock,
            new AuctionOps(market, config.catalog(), rules, config.defaultTier()),
            new LegCourier<>(context, config.askTimeout(), LegAnswered::new),
            new MarketNotices(context.getSystem()),
            Effect());
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
              sagas.resend(s);
              context.getSelf().tell(Tick.INSTANCE);
            })
        .build();
  }

  // Command handlers

  @Override
  public CommandHandlerWithReply<Command, Event, AuctionHouseState> commandHandler() {
    return newCommandHandlerWithReplyBuilder()
        .forAnyState()
        .onCommand(CreateAuction.class, (s, c) -> TraceMdc.handle(c, LOG, () -> sagas.create(s, c)))
        .onCommand(
            PlaceBid.class, (s, c) -> TraceMdc.handle(c, LOG, () -> sagas.bid(s, c, c.amount())))
        .onCommand(Buyout.class, (s, c) -> TraceMdc.handle(c, LOG, () -> sagas.bid(s, c, null)))
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
        .onCommand(LegAnswered.class, (s, c) -> sagas.legAnswered(s, c.reply()))
        .onCommand(Tick.class, (s, t) -> sagas.tick(s))
        .build();
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
