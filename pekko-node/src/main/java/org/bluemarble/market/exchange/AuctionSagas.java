package org.bluemarble.market.exchange;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.persistence.typed.javadsl.EffectFactories;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;
import org.bluemarble.market.MarketException;
import org.bluemarble.market.exchange.AuctionHouse.AuctionRejected;
import org.bluemarble.market.exchange.AuctionHouse.AuctionSubmitted;
import org.bluemarble.market.exchange.AuctionHouse.BidAccepted;
import org.bluemarble.market.exchange.AuctionHouse.BidCommand;
import org.bluemarble.market.exchange.AuctionHouse.BidFailed;
import org.bluemarble.market.exchange.AuctionHouse.BidSubmitted;
import org.bluemarble.market.exchange.AuctionHouse.CreateAuction;
import org.bluemarble.market.exchange.AuctionHouse.Event;
import org.bluemarble.market.exchange.AuctionHouse.LegSettled;
import org.bluemarble.market.holdings.Leg;
import org.bluemarble.market.holdings.LegReply;
import org.bluemarble.market.journal.GroupCommit;
import org.bluemarble.market.saga.LegCourier;
import org.bluemarble.market.saga.MarketNotices;
import org.bluemarble.market.saga.ReplyWaiters;

/**
 * The command handlers of an {@link AuctionHouse}'s sagas. A request is persisted with its escrow
 * leg, which is then posted to the player's holdings ({@link LegCourier}); the answer is persisted
 * as the auction's or the bid's outcome and told to everyone waiting for it ({@link ReplyWaiters});
 * what the house owes is re-posted after each change, on its tick and after recovery. The rules
 * (validation, the events to persist) are {@link AuctionOps}'.
 */
final class AuctionSagas {
  private final String market;
  private final Clock clock;
  private final AuctionOps ops;
  private final LegCourier<AuctionHouse.Command> courier;
  private final MarketNotices notices;
  private final EffectFactories<Event, AuctionHouseState> effect;

  /** Requests under way by the key of their escrow leg. */
  private final ReplyWaiters<AuctionReply> waiting = new ReplyWaiters<>();

  AuctionSagas(
      String market,
      Clock clock,
      AuctionOps ops,
      LegCourier<AuctionHouse.Command> courier,
      MarketNotices notices,
      EffectFactories<Event, AuctionHouseState> effect) {
    this.market = market;
    this.clock = clock;
    this.ops = ops;
    this.courier = courier;
    this.notices = notices;
    this.effect = effect;
  }

  /** Settles the auctions that are due, then re-posts what is owed. */
  ReplyEffect<Event, AuctionHouseState> tick(AuctionHouseState state) {
    return GroupCommit.persistThen(
        effect, state, ops.settleDue(state, clock.instant()), this::resend);
  }

  ReplyEffect<Event, AuctionHouseState> create(AuctionHouseState state, CreateAuction cmd) {
    try {
      var repeat = state.repeatOf(cmd);
      if (repeat.isPresent()) {
        return effect.reply(cmd.replyTo(), repeat.get());
      }
      AuctionSubmitted e = ops.create(state, cmd, clock.instant());
      return start(e, e.charge(), cmd.replyTo());
    } catch (MarketException | ArithmeticException e) {
      return effect.reply(cmd.replyTo(), AuctionReply.refusal(e));
    }
  }

  /** A bid of {@code amount} copper, or a buyout when {@code amount} is null. */
  ReplyEffect<Event, AuctionHouseState> bid(AuctionHouseState state, BidCommand cmd, Long amount) {
    try {
      BidSubmitted e = ops.bid(state, cmd.auctionId(), cmd.bidder(), amount, clock.instant());
      return start(e, e.charge(), cmd.replyTo());
    } catch (MarketException e) {
      return effect.reply(cmd.replyTo(), AuctionReply.refusal(e));
    }
  }

  /** Persists a request with its escrow leg and posts the leg; the answer replies later. */
  private ReplyEffect<Event, AuctionHouseState> start(
      Event event, Leg charge, ActorRef<AuctionReply> replyTo) {
    waiting.await(charge.key(), replyTo);
    return effect.persist(event).thenRun(s -> courier.send(charge)).thenNoReply();
  }

  /** Routes the holdings' answer to a leg: a pending auction's or bid's escrow, or an owed leg. */
  ReplyEffect<Event, AuctionHouseState> legAnswered(AuctionHouseState state, LegReply reply) {
    String key = reply.key();
    courier.answered(key);
    Optional<String> bidId = AuctionOps.bidOfCharge(key);
    if (bidId.isPresent()) {
      return state
          .pendingBid(bidId.get())
          .map(b -> onBidCharged(state, b, reply))
          .orElseGet(() -> effect.noReply());
    }
    Optional<String> auctionId = AuctionOps.auctionOfCharge(key);
    if (auctionId.isPresent()) {
      return state
          .pendingAuction(auctionId.get())
          .map(a -> onAuctionCharged(a, reply))
          .orElseGet(() -> effect.noReply());
    }
    if (reply instanceof LegReply.LegDone && state.escrow().pendingLeg(key).isPresent()) {
      return effect.persist(new LegSettled(market, key)).thenNoReply();
    }
    return effect.noReply();
  }

  private ReplyEffect<Event, AuctionHouseState> onAuctionCharged(
      AuctionSubmitted submitted, LegReply reply) {
    String auctionId = submitted.terms().auctionId();
    Event event = ops.auctionCharged(submitted, reply, clock.instant());
    return effect
        .persist(event)
        .thenRun(s -> waiting.answer(submitted.charge().key(), answer(s, event, auctionId)))
        .thenNoReply();
  }

  private ReplyEffect<Event, AuctionHouseState> onBidCharged(
      AuctionHouseState state, BidSubmitted b, LegReply reply) {
    String key = b.charge().key();
    if (reply instanceof LegReply.LegRefused r) {
      Event failed = new BidFailed(market, b.bidId(), r.error(), r.message(), null);
      return effect
          .persist(failed)
          .thenRun(s -> waiting.answer(key, answer(s, failed, b.auctionId())))
          .thenNoReply();
    }
    String previous = ops.highestBidder(state, b.auctionId());
    List<Event> events = ops.bidCharged(state, b, clock.instant());
    return effect
        .persist(events)
        .thenRun(this::resend)
        .thenRun(
            s -> {
              if (events.get(0) instanceof BidAccepted a) {
                notices.outbid(previous, b.bidder(), b.auctionId(), b.amount(), a.at());
              }
              waiting.answer(key, answer(s, events.get(0), b.auctionId()));
            })
        .thenNoReply();
  }

  /** The answer to a request whose outcome was {@code event}: why not, or the auction now. */
  private static AuctionReply answer(AuctionHouseState state, Event event, String auctionId) {
    return event instanceof AuctionRejected r
        ? new AuctionReply.AuctionRefused(r.error(), r.message())
        : event instanceof BidFailed f
            ? new AuctionReply.AuctionRefused(f.error(), f.message())
            : state.reply(auctionId);
  }

  /** Re-posts the escrows under way and the legs owed. */
  void resend(AuctionHouseState state) {
    state.charges().forEach(courier::send);
    state.escrow().pendingLegs().forEach(courier::send);
  }
}
